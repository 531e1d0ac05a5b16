package org.dateline.content;

/** Where a live article is shown: its edition and its section. */
public record ArticlePlace(long articleId, String edition, long sectionId) {
}
