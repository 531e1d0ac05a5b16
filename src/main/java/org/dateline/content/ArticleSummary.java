package org.dateline.content;

import java.time.Instant;

import org.dateline.shared.FeedCursor;

/** An article as lists show it: teasers, feeds, the newsfeed, sitemaps. */
public record ArticleSummary(long id, String edition, String sectionSlug, String sectionName, String slug,
                             String headline, String lead, Instant publishedAt, Instant updatedAt) {

    public String path() {
        return ArticlePaths.path(edition, sectionSlug, publishedAt, id, slug);
    }

    public FeedCursor cursor() {
        return new FeedCursor(publishedAt, id);
    }
}
