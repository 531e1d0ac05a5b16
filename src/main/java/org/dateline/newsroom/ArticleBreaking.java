package org.dateline.newsroom;

import java.time.Instant;

/**
 * A live article was marked breaking news ({@code breaking} true) or its mark ended (switched off, unpublished or
 * killed). Alerts to an edition's breaking-news subscribers start from the mark; {@code path} and {@code headline} are
 * the article's as it stands.
 */
public record ArticleBreaking(long articleId, String edition, boolean breaking, Instant at, String path,
                              String headline) {
}
