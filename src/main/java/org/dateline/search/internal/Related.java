package org.dateline.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

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
 */
final class Related {

    private static final int QUERY_TERMS = 25;

    private Related() {
    }

    /** Ids of the stories most like this one, best first; empty when the story is not in the index. */
    static List<Long> of(ArticleIndex.View view, long articleId, String edition, Language language, int limit)
            throws IOException {
        TopDocs self = view.search(new TermQuery(ArticleIndex.idTerm(articleId)), 1);
        if (self.scoreDocs.length == 0) {
            return List.of();
        }
        MoreLikeThis like = new MoreLikeThis(view.getIndexReader());
        like.setAnalyzer(IndexAnalyzer.INSTANCE);
        like.setFieldNames(new String[] {Fields.headline(language), Fields.body(language)});
        like.setMinTermFreq(1);
        like.setMinDocFreq(2);
        like.setMaxQueryTerms(QUERY_TERMS);
        like.setBoost(true);
        Query similar = like.like(self.scoreDocs[0].doc);
        Query query = new BooleanQuery.Builder()
                .add(similar, BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term(Fields.EDITION, edition)), BooleanClause.Occur.FILTER)
                .add(new TermQuery(ArticleIndex.idTerm(articleId)), BooleanClause.Occur.MUST_NOT)
                .build();
        List<Long> ids = new ArrayList<>(limit);
        for (ScoreDoc hit : view.search(query, limit, IndexSearch.BY_RELEVANCE, true).scoreDocs) {
            ids.add(view.articleId(hit.doc));
        }
        return ids;
    }
}
