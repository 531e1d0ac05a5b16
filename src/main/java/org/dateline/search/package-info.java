/**
 * Search: this node's Lucene indexes, fed from the change log: the live articles of every edition, and the newsroom's
 * stories in every state; the queries readers and staff run on them.
 * <p>
 * API: {@link org.dateline.search.SearchQueries} (results with marked snippets, facets, cursor paging and "did you
 * mean"; suggestions as the reader types; related stories by content; the index's status), its values
 * ({@code SearchRequest}, {@code SearchAnswer}, {@code SearchResults}, {@code SearchHit}, {@code Facet},
 * {@code DateRange}, {@code SearchSort}, {@code SearchRefusal}, {@code Suggestion}, {@code IndexStatus}) and
 * {@link org.dateline.search.SearchKeys}, the surrogate key of cached result pages;
 * {@link org.dateline.search.StoryIndex}, the newsroom's search over stories in every state, which reads them from a
 * {@link org.dateline.search.StorySource} ({@code IndexableStory}) that the newsroom provides; and
 * {@link org.dateline.search.TextRanking}, the same analysis and query over texts outside an index (the newsroom's
 * search while its index is built). Serves {@code GET /{edition}/search/suggest?q=} (JSON); the results page is the
 * site's, the newsroom's search page the newsroom's.
 * <p>
 * Consumes the change log ({@code article.published}, {@code article.updated}, {@code article.removed} for the
 * article index, {@code story.changed} for the story index) and reads articles through {@code ContentQueries} only;
 * evicts {@code search:<edition>} from the page cache when its article index shows a change. Publishes nothing.
 * <p>
 * Inside: per-language analysis ({@code internal.Language}: Russian and English Snowball stemmers, ё read as е), the
 * reader's query without a query language ({@code ReaderQuery}, {@code TextQuery}), snippets, spelling, related
 * stories, and the indexes on disk ({@code ArticleIndex}; {@code ChangeFedIndex}, the following of the change log both
 * share: resume from the position in its commit, or build afresh in the background; {@code SearchIndexer} in
 * {@code <data-dir>/search/articles}, {@code StoryIndexer} in {@code <data-dir>/search/stories}).
 * {@code LuceneTextRanking} reuses the documents and queries in an index in memory per call.
 * <p>
 * Settings: {@code internal.SearchSettings} ({@code dateline.search.*}), for both indexes.
 */
package org.dateline.search;
