package org.dateline.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.lucene.search.FieldDoc;
import org.dateline.content.ArticleSummary;
import org.dateline.content.ContentQueries;
import org.dateline.editions.Edition;
import org.dateline.editions.Editions;
import org.dateline.search.IndexStatus;
import org.dateline.search.SearchAnswer;
import org.dateline.search.SearchHit;
import org.dateline.search.SearchQueries;
import org.dateline.search.SearchRefusal;
import org.dateline.search.SearchRequest;
import org.dateline.search.SearchResults;
import org.dateline.search.Suggestion;
import org.springframework.stereotype.Service;

/**
 * Answers searches from this node's index, and reads what it shows of each story (section, time, picture) from the
 * published read model: a story the index still holds but the database no longer shows as live is left out.
 */
@Service
class LuceneSearchQueries implements SearchQueries {

    private final SearchIndexer indexer;
    private final ContentQueries content;
    private final Editions editions;
    private final Clock clock;
    private final Related related = new Related();

    LuceneSearchQueries(SearchIndexer indexer, ContentQueries content, Editions editions, Clock clock) {
        this.indexer = indexer;
        this.content = content;
        this.editions = editions;
        this.clock = clock;
    }

    @Override
    public SearchAnswer search(SearchRequest request) {
        if (request.text().length() > MAX_QUERY_LENGTH) {
            return new SearchAnswer.Refused(SearchRefusal.QUERY_TOO_LONG);
        }
        FieldDoc after = null;
        if (request.cursor() != null) {
            Optional<FieldDoc> decoded = SearchCursor.decode(request.sort(), request.cursor());
            if (decoded.isEmpty()) {
                return new SearchAnswer.Refused(SearchRefusal.BAD_CURSOR);
            }
            after = decoded.get();
        }
        if (!indexer.ready()) {
            return new SearchAnswer.Found(SearchResults.empty(request.text(), true));
        }
        Edition edition = edition(request.edition());
        Map<String, String> sections = new HashMap<>();
        editions.sections(edition.code()).forEach(s -> sections.put(s.slug(), s.name()));
        FieldDoc start = after;
        IndexSearch.Page page = read(view -> new IndexSearch(view, indexer.languageOf(edition.code()),
                edition.locale()).run(request, start, clock.instant(), slug -> sections.getOrDefault(slug, slug)));
        Map<Long, ArticleSummary> live = byId(content.liveSummaries(page.hits().stream().map(IndexSearch.Hit::id)
                .toList()));
        List<SearchHit> hits = page.hits().stream().filter(hit -> live.containsKey(hit.id()))
                .map(hit -> new SearchHit(live.get(hit.id()), hit.headlineHtml(), hit.snippetHtml())).toList();
        return new SearchAnswer.Found(new SearchResults(request.text(), hits, page.total(), page.facets(),
                page.nextCursor(), page.didYouMean(), false));
    }

    @Override
    public List<Suggestion> suggest(String edition, String text, int limit) {
        String typed = text == null ? "" : text.strip().length() > MAX_QUERY_LENGTH
                ? text.strip().substring(0, MAX_QUERY_LENGTH) : text;
        if (typed.strip().codePointCount(0, typed.strip().length()) < TextQuery.MIN_PREFIX || !indexer.ready()) {
            return List.of();
        }
        Edition e = edition(edition);
        // Twice as many as shown: stories of one headline (a running story's updates) are offered once.
        List<Long> ids = read(view -> new IndexSearch(view, indexer.languageOf(e.code()), e.locale())
                .best(e.code(), typed, 2 * limit));
        Set<String> headlines = new HashSet<>();
        return content.liveSummaries(ids).stream().filter(a -> headlines.add(a.headline())).limit(limit)
                .map(a -> new Suggestion(a.headline(), a.path())).toList();
    }

    @Override
    public List<ArticleSummary> related(long articleId, String edition, int limit) {
        if (!indexer.ready() || limit < 1) {
            return List.of();
        }
        Edition e = edition(edition);
        // A few more than asked: some may have left the site since the index last heard.
        List<Long> ids = read(view -> related.of(view, articleId, e.code(), indexer.languageOf(e.code()), limit + 5));
        if (ids.isEmpty()) {
            return List.of();
        }
        // The story itself is read along, in the same query: one just taken down has no related stories either.
        List<Long> asked = new ArrayList<>(ids.size() + 1);
        asked.add(articleId);
        asked.addAll(ids);
        List<ArticleSummary> live = content.liveSummaries(asked);
        if (live.isEmpty() || live.get(0).id() != articleId || !live.get(0).edition().equals(e.code())) {
            return List.of();
        }
        return live.subList(1, live.size()).stream().limit(limit).toList();
    }

    @Override
    public IndexStatus status() {
        return indexer.status();
    }

    private Edition edition(String code) {
        return editions.find(code).orElseThrow(() -> new IllegalArgumentException("unknown edition " + code));
    }

    private <T> T read(ArticleIndex.SearchWork<T> work) {
        try {
            return indexer.search(work);
        } catch (IOException e) {
            throw new UncheckedIOException("The search index could not be read", e);
        }
    }

    private static Map<Long, ArticleSummary> byId(List<ArticleSummary> summaries) {
        Map<Long, ArticleSummary> byId = new HashMap<>();
        summaries.forEach(s -> byId.put(s.id(), s));
        return byId;
    }
}
