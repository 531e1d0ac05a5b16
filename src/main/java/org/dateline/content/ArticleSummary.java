package org.dateline.content;

import java.time.Instant;

import org.dateline.media.Picture;
import org.dateline.shared.FeedCursor;

/**
 * An article as lists show it: teasers, feeds, the newsfeed, sitemaps.
 *
 * @param leadPicture the lead picture when the article has a usable one, else {@code null}
 */
public record ArticleSummary(long id, String edition, String sectionSlug, String sectionName, String slug,
                             String headline, String lead, Instant publishedAt, Instant updatedAt,
                             Picture leadPicture) {

    public String path() {
        return ArticlePaths.path(edition, sectionSlug, publishedAt, id, slug);
    }

    public FeedCursor cursor() {
        return new FeedCursor(publishedAt, id);
    }
}
