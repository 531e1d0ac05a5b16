package org.dateline.newsroom;

import java.time.Instant;

/** An article became public. Raised inside the publishing transaction (see the package documentation). */
public record ArticlePublished(long articleId, String edition, String path, Instant publishedAt, String headline) {
}
