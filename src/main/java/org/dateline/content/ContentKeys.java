package org.dateline.content;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.dateline.media.Picture;

/**
 * Surrogate keys of published content. Pages are tagged with the keys of what they show; a change names the keys
 * of what it touched; the page cache and a CDN evict by them.
 */
public final class ContentKeys {

    /** Every sitemap lists every article. */
    public static final String SITEMAPS = "sitemaps";

    private ContentKeys() {
    }

    public static String article(long id) {
        return "article:" + id;
    }

    /** Lists of the whole edition: home page, edition feeds, the newsfeed panel on every page of the edition. */
    public static String edition(String edition) {
        return "edition:" + edition;
    }

    /** The edition's front page arrangement: what editors put on its home page. */
    public static String front(String edition) {
        return "front:" + edition;
    }

    public static String section(long id) {
        return "section:" + id;
    }

    public static String tag(long id) {
        return "tag:" + id;
    }

    public static String author(long id) {
        return "author:" + id;
    }

    /** The keys of the lead pictures a list shows (a caption or focal point changed there changes the list). */
    public static List<String> leadPictures(Collection<ArticleSummary> articles) {
        return articles.stream().map(ArticleSummary::leadPicture).filter(Objects::nonNull).map(Picture::key)
                .distinct().toList();
    }

    /** Everything a change to this article can show up on. */
    public static List<String> of(long articleId, String edition, long sectionId, List<Long> tagIds,
                                  List<Long> authorIds, List<Long> translationIds) {
        List<String> keys = new ArrayList<>();
        keys.add(article(articleId));
        keys.add(edition(edition));
        keys.add(section(sectionId));
        tagIds.forEach(id -> keys.add(tag(id)));
        authorIds.forEach(id -> keys.add(author(id)));
        translationIds.forEach(id -> keys.add(article(id)));
        keys.add(SITEMAPS);
        return keys;
    }
}
