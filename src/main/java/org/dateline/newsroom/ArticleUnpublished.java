package org.dateline.newsroom;

import java.time.Instant;

/** An article was taken off the site; it may be published again. {@code path} and {@code headline} are its last. */
public record ArticleUnpublished(long articleId, String edition, Instant at, String path, String headline) {
}
