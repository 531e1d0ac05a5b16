/**
 * Search: this node's Lucene index of the live articles of every edition, fed from the change log, and the queries
 * readers run on it.
 * <p>
 * API: {@link org.dateline.search.SearchQueries} (results with marked snippets, facets, cursor paging and "did you
 * mean"; suggestions as the reader types; related stories by content; the index's status), its values
 * ({@code SearchRequest}, {@code SearchAnswer}, {@code SearchResults}, {@code SearchHit}, {@code Facet},
 * {@code DateRange}, {@code SearchSort}, {@code SearchRefusal}, {@code Suggestion}, {@code IndexStatus}) and
 * {@link org.dateline.search.SearchKeys}, the surrogate key of cached result pages, and
 * {@link org.dateline.search.TextRanking}, the same analysis and query over texts outside the index (the newsroom's
 * search over stories in every state). Serves
 * {@code GET /{edition}/search/suggest?q=} (JSON); the results page is the site's.
 * <p>
 * Consumes the change log ({@code article.published}, {@code article.updated}, {@code article.removed}) and reads
 * articles through {@code ContentQueries} only; evicts {@code search:<edition>} from the page cache when its index
 * shows a change. Publishes nothing.
 * <p>
 * Inside: per-language analysis ({@code internal.Language}: Russian and English Snowball stemmers, ё read as е), the
 * reader's query without a query language ({@code ReaderQuery}, {@code TextQuery}), snippets, spelling, related
 * stories, and the index on disk ({@code ArticleIndex}, {@code SearchIndexer}: resume from the position in its
 * commit, or build afresh in the background). These work on any {@code IndexedArticle}: {@code LuceneTextRanking}
 * reuses them in an index in memory per call, and an index of stories in every state could reuse them on disk.
 * <p>
 * Settings: {@code internal.SearchSettings} ({@code dateline.search.*}).
 */
package org.dateline.search;
