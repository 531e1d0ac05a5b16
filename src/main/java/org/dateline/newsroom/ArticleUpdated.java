package org.dateline.newsroom;

import java.time.Instant;

/**
 * A published article changed; {@code correction} holds the public correction note when it was a correction.
 * {@code path} and {@code headline} are the article's after the change.
 */
public record ArticleUpdated(long articleId, String edition, Instant at, String correction, String path,
                             String headline) {
}
