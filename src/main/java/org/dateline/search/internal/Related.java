package org.dateline.search.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * Stories like a given one: the terms that stand out in its headline and text (frequent in it, rare in the index)
 * make a query over the same edition, the story itself left out. Fresher stories come first among equals.
 * <p>
 * Choosing the terms reads the story's text again and asks every segment how rare each word is: most of the work,
 * and it changes little while the index grows. So the query is kept per indexed document (a story indexed anew, or
 * moved by a merge, is another document and gets its terms chosen again) for a while, and only the search runs
 * each time: a story published a moment ago ranks among the related stories of the next page rendered.
 */
final class Related {

    private static final int QUERY_TERMS = 15;

    /** The document a query was made from: its segment's core and its number there. */
    private record Made(Object segment, int doc, String edition) {
    }

    private final Cache<Made, Query> queries = Caffeine.newBuilder().maximumSize(20_000)
            .expireAfterWrite(Duration.ofMinutes(10)).build();

    /** What a related-story search asks: its answer depends on nothing else but the view it runs on. */
    private record Asked(long articleId, String edition, Language language, int limit) {
    }

    /**
     * Ids of the stories most like this one, best first; empty when the story is not in the index. Asked again of
     * the same view, the first answer (see {@link ArticleIndex.View#related}).
     */
    List<Long> of(ArticleIndex.View view, long articleId, String edition, Language language, int limit)
            throws IOException {
        return view.related(new Asked(articleId, edition, language, limit),
                v -> search(v, articleId, edition, language, limit));
    }

    private List<Long> search(ArticleIndex.View view, long articleId, String edition, Language language, int limit)
            throws IOException {
        TopDocs self = view.search(new TermQuery(ArticleIndex.idTerm(articleId)), 1);
        if (self.scoreDocs.length == 0) {
            return List.of();
        }
        int doc = self.scoreDocs[0].doc;
        List<LeafReaderContext> leaves = view.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        var helper = leaf.reader().getCoreCacheHelper();
        Query query = helper == null ? like(view, doc, articleId, edition, language)
                : queries.get(new Made(helper.getKey(), doc - leaf.docBase, edition), made -> {
                    try {
                        return like(view, doc, articleId, edition, language);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
        List<Long> ids = new ArrayList<>(limit);
        // Only the order matters: the scores, which the sort already used, are not computed again.
        for (ScoreDoc hit : view.search(query, limit, IndexSearch.BY_RELEVANCE, false).scoreDocs) {
            ids.add(view.articleId(hit.doc));
        }
        return ids;
    }

    private static Query like(ArticleIndex.View view, int doc, long articleId, String edition, Language language)
            throws IOException {
        MoreLikeThis like = new MoreLikeThis(view.getIndexReader());
        like.setAnalyzer(IndexAnalyzer.INSTANCE);
        like.setFieldNames(new String[] {Fields.headline(language), Fields.body(language)});
        like.setMinTermFreq(1);
        like.setMinDocFreq(2);
        like.setMaxQueryTerms(QUERY_TERMS);
        like.setBoost(true);
        return new BooleanQuery.Builder()
                .add(like.like(doc), BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term(Fields.EDITION, edition)), BooleanClause.Occur.FILTER)
                .add(new TermQuery(ArticleIndex.idTerm(articleId)), BooleanClause.Occur.MUST_NOT)
                .build();
    }
}
