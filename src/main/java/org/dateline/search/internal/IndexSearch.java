package org.dateline.search.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.range.LongRange;
import org.apache.lucene.facet.range.LongRangeFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.dateline.search.DateRange;
import org.dateline.search.Facet;
import org.dateline.search.SearchRequest;
import org.dateline.search.SearchSort;

/**
 * Runs one reader's search on one point-in-time view of the index: the matching stories of the edition in order,
 * their marked headlines and passages, facet counts, the cursor of the next page and a respelling when nothing
 * matched. Knows nothing of Spring or the database, so the relevance tests run it on an index in memory.
 */
final class IndexSearch {

    private static final int TOP_VALUES = 10;
    static final Sort BY_RELEVANCE = new Sort(SortField.FIELD_SCORE,
            new SortField(Fields.PUBLISHED, SortField.Type.LONG, true),
            new SortField(Fields.ID_VALUE, SortField.Type.LONG, true));
    private static final Sort BY_DATE = new Sort(new SortField(Fields.PUBLISHED, SortField.Type.LONG, true),
            new SortField(Fields.ID_VALUE, SortField.Type.LONG, true));

    /** A found story: its id and marked text. */
    record Hit(long id, String headlineHtml, String snippetHtml) {
    }

    record Page(List<Hit> hits, long total, List<Facet> facets, String nextCursor, String didYouMean) {
    }

    private final ArticleIndex.View view;
    private final Language language;
    private final Locale locale;

    IndexSearch(ArticleIndex.View view, Language language, Locale locale) {
        this.view = view;
        this.language = language;
        this.locale = locale;
    }

    /**
     * @param after         the decoded cursor, or null for the first page
     * @param sectionLabels a section's name by its slug
     */
    Page run(SearchRequest request, FieldDoc after, Instant now, Function<String, String> sectionLabels)
            throws IOException {
        ReaderQuery reader = ReaderQuery.parse(request.text());
        Query text = TextQuery.of(reader, language);
        if (text == null) {
            return new Page(List.of(), 0, List.of(), null, null);
        }
        Map<Facet.Dimension, Query> filters = filters(request, now);
        Query query = filtered(text, request.edition(), filters, null);
        Sort sort = request.sort() == SearchSort.DATE ? BY_DATE : BY_RELEVANCE;
        boolean first = after == null;
        if (after != null) {
            // The last document number: a hit whose sort values equal the cursor's (the last hit itself, ids being
            // unique) counts as already shown.
            after = new FieldDoc(view.getIndexReader().maxDoc() - 1, after.score, after.fields);
        }
        // The shown page alone needs scores, and Lucene finds it without scoring every match (it passes over
        // blocks that cannot make the page); counts and facets need every match, but not its score.
        ScoreDoc[] found = view.searchAfter(after, query, request.size() + 1, sort,
                request.sort() == SearchSort.RELEVANCE).scoreDocs;
        FacetsCollector matching = first ? view.search(new ConstantScoreQuery(query), new FacetsCollectorManager())
                : null;
        int shown = Math.min(found.length, request.size());
        int[] docs = new int[shown];
        for (int i = 0; i < shown; i++) {
            docs[i] = found[i].doc;
        }
        Snippets.Marked marked = Snippets.of(view, view.rewrite(TextQuery.forMarking(reader, language)), language,
                locale, docs);
        List<Hit> hits = new ArrayList<>(shown);
        for (int i = 0; i < shown; i++) {
            hits.add(new Hit(view.articleId(docs[i]), marked.headlines()[i], marked.passages()[i]));
        }
        String next = found.length > request.size()
                ? SearchCursor.encode(request.sort(), (FieldDoc) found[request.size() - 1]) : null;
        long total = first ? total(matching) : -1;
        List<Facet> facets = first ? facets(request, text, filters, matching, now, sectionLabels) : List.of();
        String didYouMean = first && total == 0 ? Spelling.suggest(view.getIndexReader(), reader, language) : null;
        return new Page(hits, total, facets, next, didYouMean);
    }

    /** The ids of the best matches of the edition, for suggestions: no marks, no counts. */
    List<Long> best(String edition, String text, int limit) throws IOException {
        Query query = TextQuery.of(ReaderQuery.parse(text), language);
        if (query == null) {
            return List.of();
        }
        List<Long> ids = new ArrayList<>(limit);
        for (ScoreDoc hit : view.search(filtered(query, edition, Map.of(), null), limit, BY_RELEVANCE, true)
                .scoreDocs) {
            ids.add(view.articleId(hit.doc));
        }
        return ids;
    }

    private static long total(FacetsCollector collector) {
        return collector.getMatchingDocs().stream().mapToLong(m -> m.totalHits).sum();
    }

    private static Map<Facet.Dimension, Query> filters(SearchRequest request, Instant now) {
        Map<Facet.Dimension, Query> filters = new EnumMap<>(Facet.Dimension.class);
        if (request.section() != null) {
            filters.put(Facet.Dimension.SECTION, new TermQuery(new Term(Fields.SECTION, request.section())));
        }
        if (request.author() != null) {
            filters.put(Facet.Dimension.AUTHOR, new TermQuery(new Term(Fields.AUTHOR, request.author())));
        }
        if (request.tag() != null) {
            filters.put(Facet.Dimension.TAG, new TermQuery(new Term(Fields.TAG, request.tag())));
        }
        if (request.range() != null) {
            filters.put(Facet.Dimension.RANGE, LongPoint.newRangeQuery(Fields.PUBLISHED,
                    since(request.range(), now), Long.MAX_VALUE));
        }
        return filters;
    }

    private static long since(DateRange range, Instant now) {
        return now.minus(range.length()).toEpochMilli();
    }

    /** The text query restricted to the edition and the filters, leaving out one dimension's (for its counts). */
    private static Query filtered(Query text, String edition, Map<Facet.Dimension, Query> filters,
                                  Facet.Dimension without) {
        BooleanQuery.Builder query = new BooleanQuery.Builder()
                .add(text, BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term(Fields.EDITION, edition)), BooleanClause.Occur.FILTER);
        filters.forEach((dimension, filter) -> {
            if (dimension != without) {
                query.add(filter, BooleanClause.Occur.FILTER);
            }
        });
        return query.build();
    }

    /**
     * Counts per dimension. A dimension the request filters by is counted over the results of the other filters
     * alone (one more pass each), so its other values stay visible; the rest are counted over the results shown.
     */
    private List<Facet> facets(SearchRequest request, Query text, Map<Facet.Dimension, Query> filters,
                               FacetsCollector shown, Instant now, Function<String, String> sectionLabels)
            throws IOException {
        List<Facet> facets = new ArrayList<>();
        SortedSetDocValuesReaderState state = view.facets();
        // One pass counts every dimension over the results shown; a filtered dimension needs a pass of its own.
        SortedSetDocValuesFacetCounts shownCounts = state == null ? null
                : new SortedSetDocValuesFacetCounts(state, shown);
        for (Facet.Dimension dimension : Facet.Dimension.values()) {
            FacetsCollector counted = shown;
            if (filters.containsKey(dimension)) {
                counted = view.search(new ConstantScoreQuery(filtered(text, request.edition(), filters, dimension)),
                        new FacetsCollectorManager());
            }
            List<Facet.Value> values;
            if (dimension == Facet.Dimension.RANGE) {
                values = ranges(request, counted, now);
            } else if (state == null || state.getOrdRange(dimension.parameter()) == null) {
                values = List.of();
            } else {
                SortedSetDocValuesFacetCounts counts = counted == shown ? shownCounts
                        : new SortedSetDocValuesFacetCounts(state, counted);
                values = values(dimension, selected(request, dimension), counts, sectionLabels);
            }
            if (!values.isEmpty()) {
                facets.add(new Facet(dimension, values));
            }
        }
        return facets;
    }

    private static String selected(SearchRequest request, Facet.Dimension dimension) {
        return switch (dimension) {
            case SECTION -> request.section();
            case AUTHOR -> request.author();
            case TAG -> request.tag();
            case RANGE -> request.range() == null ? null : request.range().value();
        };
    }

    private static List<Facet.Value> values(Facet.Dimension dimension, String selected,
                                            SortedSetDocValuesFacetCounts counts,
                                            Function<String, String> sectionLabels) throws IOException {
        FacetResult top = counts.getTopChildren(TOP_VALUES, dimension.parameter());
        List<Facet.Value> values = new ArrayList<>();
        if (top == null) {
            return values;
        }
        for (LabelAndValue value : top.labelValues) {
            IndexedArticle.Label label = dimension == Facet.Dimension.SECTION
                    ? new IndexedArticle.Label(value.label, sectionLabels.apply(value.label))
                    : FacetLabels.decode(value.label);
            values.add(new Facet.Value(label.slug(), label.name(), value.value.longValue(),
                    label.slug().equals(selected)));
        }
        return values;
    }

    private static List<Facet.Value> ranges(SearchRequest request, FacetsCollector counted, Instant now)
            throws IOException {
        DateRange[] all = DateRange.values();
        LongRange[] ranges = new LongRange[all.length];
        for (int i = 0; i < all.length; i++) {
            ranges[i] = new LongRange(all[i].value(), since(all[i], now), true, Long.MAX_VALUE, true);
        }
        FacetResult result = new LongRangeFacetCounts(Fields.PUBLISHED, counted, ranges)
                .getAllChildren(Fields.PUBLISHED);
        List<Facet.Value> values = new ArrayList<>();
        for (LabelAndValue value : result.labelValues) {
            boolean selected = request.range() != null && request.range().value().equals(value.label);
            if (value.value.longValue() == 0 && !selected) {
                continue; // no story of the last day: no link to none
            }
            values.add(new Facet.Value(value.label, value.label, value.value.longValue(), selected));
        }
        return values;
    }
}
