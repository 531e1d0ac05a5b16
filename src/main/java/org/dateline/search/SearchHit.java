package org.dateline.search;

import org.dateline.content.ArticleSummary;

/**
 * A found story.
 *
 * @param headlineHtml the headline, HTML-escaped, with the matched words in {@code <mark>}
 * @param snippetHtml  the passage of the text that matched best (the opening when only the headline did), escaped
 *                     the same way
 */
public record SearchHit(ArticleSummary article, String headlineHtml, String snippetHtml) {
}
