package org.dateline.newsroom;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dateline.content.Article;
import org.dateline.content.ArticleState;
import org.dateline.content.ArticleStore;
import org.dateline.content.ContentQueries;
import org.dateline.editions.Author;
import org.dateline.editions.Tag;
import org.dateline.search.StoryIndex;
import org.dateline.search.TextRanking;
import org.springframework.stereotype.Service;

/** The newsroom's reads: stories in any state, the story list, revisions, translations, a wire item's story. */
@Service
public class StoryQueries {

    /** How many stories (newest change first) one newsroom search reads and analyses at most without the index. */
    public static final int SEARCH_CANDIDATES = 1000;

    private final ArticleStore articles;
    private final ContentQueries content;
    private final StoryStore stories;
    private final EditLocks locks;
    private final TextRanking ranking;
    private final StoryIndex index;

    StoryQueries(ArticleStore articles, ContentQueries content, StoryStore stories, EditLocks locks,
                 TextRanking ranking, StoryIndex index) {
        this.articles = articles;
        this.content = content;
        this.stories = stories;
        this.locks = locks;
        this.ranking = ranking;
        this.index = index;
    }

    public Optional<Story> find(long id) {
        return articles.stored(id).flatMap(article -> content.state(id).flatMap(state -> stories.meta(id)
                .map(meta -> story(article, state, meta, state == ArticleState.LIVE
                        ? content.breakingSince(id).orElse(null) : null))));
    }

    public List<StorySummary> list(StoryFilter filter) {
        return stories.list(filter, locks.staleBefore());
    }

    /**
     * The newsroom search: stories in any state that hold every word of {@code words} in headline, lead, body or
     * byline, by the readers' search's analysis (stemmed, so a draft is found by another form of its words), best
     * match first, narrowed by the filter's other parts. The story index answers; while it is being built, the
     * {@link #SEARCH_CANDIDATES} most recently changed stories that pass the filter are searched in an index built
     * for the request.
     */
    public StorySearch search(String words, StoryFilter filter) {
        int limit = Math.max(1, Math.min(200, filter.limit()));
        Optional<StoryIndex.Found> found = index.search(words, new StoryIndex.Filter(
                filter.state() == null ? null : filter.state().name(), filter.desk(), filter.edition(),
                filter.section(), filter.createdBy(), filter.author()), limit);
        if (found.isPresent()) {
            // The index may lag a change by a moment: what no longer passes the filter is left out.
            return new StorySearch(stories.summaries(found.get().ids(), filter, locks.staleBefore()),
                    found.get().searched(), false, false);
        }
        List<StoryStore.Searchable> candidates = stories.searchable(filter, SEARCH_CANDIDATES + 1,
                locks.staleBefore());
        boolean partial = candidates.size() > SEARCH_CANDIDATES;
        if (partial) {
            candidates = candidates.subList(0, SEARCH_CANDIDATES);
        }
        Map<Long, StorySummary> byId = new HashMap<>();
        List<TextRanking.Candidate> texts = new ArrayList<>(candidates.size());
        for (StoryStore.Searchable candidate : candidates) {
            StorySummary summary = candidate.summary();
            byId.put(summary.id(), summary);
            texts.add(new TextRanking.Candidate(summary.id(), summary.edition(), summary.headline(),
                    candidate.text()));
        }
        List<StorySummary> ranked = ranking.rank(words, texts, limit).stream().map(byId::get).toList();
        return new StorySearch(ranked, candidates.size(), partial, true);
    }

    public List<StoryRevision> revisions(long id) {
        return stories.revisions(id);
    }

    public Optional<StoryRevision> revision(long id, int number) {
        return stories.revision(id, number);
    }

    /** The story a wire item with this guid became, if any. */
    public Optional<Story> byWireGuid(String guid) {
        return stories.byWireGuid(guid).flatMap(this::find);
    }

    /** The same story in the other editions, in any state. */
    public List<Story> translations(long id) {
        String key = articles.stored(id).map(Article::translationKey).orElse(null);
        if (key == null) {
            return List.of();
        }
        List<Story> linked = new ArrayList<>();
        articles.articlesWithTranslationKey(key, id).forEach(other -> find(other).ifPresent(linked::add));
        return linked;
    }

    /** Who other than the actor holds a fresh edit lock on the story, if anyone: the editor shows it. */
    public Optional<String> lockHolder(org.dateline.identity.Actor actor, Story story) {
        return locks.holder(actor, story);
    }

    private static Story story(Article article, ArticleState state, StoryStore.Meta meta, Instant breakingSince) {
        boolean everPublic = !state.isUnpublishedWork();
        return new Story(article.id(), state, meta.desk(), article.edition(), article.section().slug(),
                article.slug(), article.headline(), article.lead(), article.body().blocks(), article.datelinePlace(),
                article.datelineDate(), article.credit(), article.tags().stream().map(Tag::name).toList(),
                article.authors().stream().map(Author::name).toList(), everPublic ? article.publishedAt() : null,
                article.updatedAt(), everPublic ? article.path() : null, article.correctionNote(), meta.revision(),
                meta.createdBy(), meta.createdByName(), meta.lock(), meta.provenance(), article.leadPictureId(),
                breakingSince);
    }
}
