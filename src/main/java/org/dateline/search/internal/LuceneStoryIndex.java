package org.dateline.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.WildcardQuery;
import org.dateline.search.IndexStatus;
import org.dateline.search.StoryIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Answers the newsroom's searches from this node's story index: the readers' text query over the language of the
 * edition asked for (every language without one), the filters as Lucene filters (they do not weigh in the score).
 */
@Service
class LuceneStoryIndex implements StoryIndex {

    private static final Logger log = LoggerFactory.getLogger(LuceneStoryIndex.class);

    /** Best match first; among equal ones the most recently changed. */
    private static final Sort BEST_FIRST = new Sort(SortField.FIELD_SCORE,
            new SortField(Fields.UPDATED, SortField.Type.LONG, true),
            new SortField(Fields.ID_VALUE, SortField.Type.LONG, true));

    private final StoryIndexer indexer;

    LuceneStoryIndex(StoryIndexer indexer) {
        this.indexer = indexer;
    }

    @Override
    public Optional<Found> search(String words, Filter filter, int limit) {
        if (!indexer.ready()) {
            return Optional.empty();
        }
        ReaderQuery reader = ReaderQuery.parse(words);
        Set<Language> languages = filter.edition() == null ? EnumSet.allOf(Language.class)
                : EnumSet.of(indexer.languageOf(filter.edition()));
        Query text = reader.isEmpty() ? null : TextQuery.anyOf(reader, languages);
        Query query = text == null ? null : filtered(text, filter);
        try {
            return Optional.of(indexer.search(view -> {
                long searched = view.getIndexReader().numDocs();
                if (query == null || limit < 1) {
                    return new Found(List.of(), 0, searched);
                }
                TopFieldDocs top = view.search(query, limit, BEST_FIRST, true);
                List<Long> ids = new ArrayList<>(top.scoreDocs.length);
                for (ScoreDoc hit : top.scoreDocs) {
                    ids.add(view.articleId(hit.doc));
                }
                return new Found(ids, view.count(query), searched);
            }));
        } catch (IOException | RuntimeException e) {
            // A disk that fails is no reason to leave the desk without a search: the caller has another way.
            log.warn("The story index could not be read; the search goes without it", e);
            return Optional.empty();
        }
    }

    private static Query filtered(Query text, Filter filter) {
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(text, BooleanClause.Occur.MUST);
        exactly(query, Fields.STATE, filter.state());
        exactly(query, Fields.DESK, filter.desk());
        exactly(query, Fields.EDITION, filter.edition());
        exactly(query, Fields.SECTION, filter.section());
        exactly(query, Fields.CREATED_BY, filter.createdBy() == null ? null : filter.createdBy().toString());
        if (filter.author() != null && !filter.author().isBlank()) {
            // A part of a name: few distinct names, so walking them all for the pattern is cheap.
            query.add(new WildcardQuery(new Term(Fields.AUTHOR_NAME,
                    "*" + literal(StoryDocument.authorName(filter.author())) + "*")), BooleanClause.Occur.FILTER);
        }
        return query.build();
    }

    private static void exactly(BooleanQuery.Builder query, String field, String value) {
        if (value != null) {
            query.add(new TermQuery(new Term(field, value)), BooleanClause.Occur.FILTER);
        }
    }

    /** The text with the pattern's wildcards taken literally. */
    private static String literal(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '*' || c == '?' || c == WildcardQuery.WILDCARD_ESCAPE) {
                escaped.append(WildcardQuery.WILDCARD_ESCAPE);
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    @Override
    public IndexStatus status() {
        return indexer.status();
    }
}
