package org.dateline.newsroom;

import java.time.Instant;

/** An article became public. Raised after the publishing transaction stored it. */
public record ArticlePublished(long articleId, String edition, String path, Instant publishedAt) {
}
