package org.dateline.newsroom;

import java.time.Instant;

/**
 * An article was withdrawn for good: every surface must drop it, its address answers 410. {@code path} and
 * {@code headline} are what it had while it was live.
 */
public record ArticleKilled(long articleId, String edition, Instant at, String path, String headline) {
}
