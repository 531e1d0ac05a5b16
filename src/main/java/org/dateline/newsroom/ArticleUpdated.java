package org.dateline.newsroom;

import java.time.Instant;

/** A published article changed; {@code correction} holds the public correction note when it was a correction. */
public record ArticleUpdated(long articleId, String edition, Instant at, String correction) {
}
