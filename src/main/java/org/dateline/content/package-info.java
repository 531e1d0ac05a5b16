/**
 * The published read model: articles as readers see them, the URL scheme, and queries by edition, section, tag,
 * author and date cursor.
 * <p>
 * API: {@link org.dateline.content.ContentQueries} for every reader-facing module, {@link org.dateline.content.ArticleStore}
 * for the newsroom, which alone puts articles on the site; {@link org.dateline.content.FrontQueries} (the front page
 * editors arranged, as stored and as readers may see it) and {@link org.dateline.content.FrontStore}, written by the
 * newsroom's {@code ArrangeFront} only; for live coverage {@link org.dateline.content.LiveCoverageQueries} (read) and
 * {@link org.dateline.content.LiveEntryStore} (the newsroom's writes). Value records {@link org.dateline.content.Article},
 * {@link org.dateline.content.ArticleSummary}, {@link org.dateline.content.ArticlePlace} (an article's edition and
 * section, for readership's ranking), and {@link org.dateline.content.Body}, the one renderer of article bodies
 * (safe markup to HTML, XHTML and plain text). Publishes nothing itself: the newsroom's use cases write the change log
 * in the same transaction.
 */
package org.dateline.content;
