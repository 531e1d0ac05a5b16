package org.dateline.site.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.dateline.content.ArticleSummary;
import org.dateline.content.ContentKeys;
import org.dateline.content.ContentQueries;
import org.dateline.editions.Edition;
import org.dateline.editions.Editions;
import org.dateline.media.Picture;
import org.dateline.media.PictureRendition;
import org.dateline.platform.web.BaseUrl;
import org.dateline.site.Ui;
import org.dateline.site.view.Chrome;
import org.dateline.site.view.Link;
import org.dateline.site.view.NewsfeedItem;
import org.dateline.site.view.ShareImage;
import org.dateline.site.view.Teaser;
import org.springframework.stereotype.Component;

/** Builds what every page shares (menus, SEO head, newsfeed panel) and the list items pages show. */
@Component
class Pages {

    static final int NEWSFEED_PANEL = 15;

    private final Editions editions;
    private final ContentQueries content;
    private final BaseUrl baseUrl;
    private final Clock clock;

    Pages(Editions editions, ContentQueries content, BaseUrl baseUrl, Clock clock) {
        this.editions = editions;
        this.content = content;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    /** @param image the page's picture for link previews, null for none */
    record Head(String title, String description, String path, List<Link> alternates, List<Link> feeds,
                String jsonLd, String ogType, Picture image) {

        static Head of(String title, String description, String path, List<Link> feeds) {
            return new Head(title, description, path, List.of(), feeds, null, "website", null);
        }
    }

    Chrome chrome(Edition edition, String currentSection, Head head) {
        Ui ui = ui(edition);
        List<ArticleSummary> latest = content.latest(edition.code(), null, NEWSFEED_PANEL);
        List<NewsfeedItem> newsfeed = latest.stream().map(a -> newsfeedItem(a, ui)).toList();
        String more = latest.size() < NEWSFEED_PANEL ? null : latest.get(latest.size() - 1).cursor().encode();
        return new Chrome(ui, edition, editions.all(), editions.sections(edition.code()), currentSection,
                head.title(), head.description(), baseUrl.of(head.path()), absolute(head.alternates()),
                head.feeds(), head.jsonLd(), head.ogType(), shareImage(head.image()), newsfeed, more,
                ContentKeys.leadPictures(latest));
    }

    private ShareImage shareImage(Picture picture) {
        if (picture == null) {
            return null;
        }
        PictureRendition shared = picture.shared();
        return new ShareImage(baseUrl.of(shared.path()), shared.width(), shared.height(), picture.altText());
    }

    private List<Link> absolute(List<Link> links) {
        return links.stream().map(l -> new Link(baseUrl.of(l.href()), l.text(), l.hreflang(), l.type())).toList();
    }

    static Ui ui(Edition edition) {
        return Ui.of(edition);
    }

    /** A newsfeed line: a one-line time with its zone, under the heading of its day (the panel groups by day). */
    NewsfeedItem newsfeedItem(ArticleSummary article, Ui ui) {
        java.time.LocalDate day = ui.times().day(article.publishedAt());
        return new NewsfeedItem(article.id(), article.headline(), article.path(), article.publishedAt().toString(),
                ui.times().time(article.publishedAt()), article.cursor().encode(),
                article.leadPicture() == null ? null : article.leadPicture().squareThumbnail().path(),
                day.toString(), ui.times().dayLabel(day), ui.dayHeading(day, now()));
    }

    /**
     * A list item; the first of a list's first page ({@code first}) shows its picture wide and fetched at once,
     * the others' thumbnails wait until the reader scrolls near them.
     */
    Teaser teaser(ArticleSummary article, Ui ui, boolean first) {
        Picture picture = article.leadPicture();
        return new Teaser(article.path(), article.headline(), article.lead(), article.sectionName(),
                article.publishedAt().toString(), ui.dateTime(article.publishedAt()),
                picture == null ? null : PictureHtml.thumbnail(picture, first, !first), first && picture != null);
    }

    /** RSS and Atom of an edition, or of a section when its slug is given. */
    static List<Link> feeds(Edition edition, String sectionSlug, String label) {
        String base = "/" + edition.code() + "/" + (sectionSlug == null ? "" : sectionSlug + "/");
        return List.of(new Link(base + "rss.xml", label + " (RSS)", null, "application/rss+xml"),
                new Link(base + "atom.xml", label + " (Atom)", null, "application/atom+xml"));
    }

    Instant now() {
        return clock.instant();
    }

    String absolute(String path) {
        return baseUrl.of(path);
    }

    String siteUrl() {
        return baseUrl.get();
    }
}
