package org.dateline.search.internal;

import java.util.Optional;
import java.util.Set;

import org.apache.lucene.document.Document;
import org.dateline.changes.ChangeHistory;
import org.dateline.changes.ChangeKinds;
import org.dateline.changes.ChangeLog;
import org.dateline.content.Article;
import org.dateline.content.ContentQueries;
import org.dateline.editions.Edition;
import org.dateline.editions.Editions;
import org.dateline.platform.DatelineSettings;
import org.dateline.platform.cache.PageCache;
import org.dateline.search.SearchKeys;
import org.springframework.stereotype.Component;

/**
 * Keeps this node's index of live articles ({@code <data-dir>/search/articles}) in step with the change log
 * ({@link ChangeFedIndex}): an article change puts the article as it is now when it is live, and takes it out
 * otherwise. A refresh evicts the cached search pages of the editions its changes touched; while the index is built,
 * searches say it is being prepared.
 */
@Component
class SearchIndexer extends ChangeFedIndex<Article> {

    /** Its fields' version is raised when they change: an index of another schema is rebuilt, never read. */
    static final String SCHEMA = ArticleIndex.schema(1);
    private static final Set<String> ARTICLE_KINDS = Set.of(ChangeKinds.ARTICLE_PUBLISHED,
            ChangeKinds.ARTICLE_UPDATED, ChangeKinds.ARTICLE_REMOVED);

    private final Editions editions;
    private final PageCache pageCache;

    SearchIndexer(DatelineSettings node, ContentQueries content, Editions editions, ChangeLog changeLog,
                  ChangeHistory history, PageCache pageCache, SearchSettings settings) {
        super("search", node.dataDir().resolve("search").resolve("articles"), SCHEMA,
                new Subjects<>(ARTICLE_KINDS, content::article, content::liveAfter, Article::id), editions, changeLog,
                history, settings);
        this.editions = editions;
        this.pageCache = pageCache;
    }

    @Override
    Document document(Article article) {
        return ArticleDocument.of(IndexedArticle.of(article, languageOf(article.edition())));
    }

    /** The editions whose result pages the change may alter: every one when a removed article's is unknown. */
    @Override
    void note(long id, String edition, Optional<Article> now, Set<String> touched) {
        now.ifPresent(article -> touched.add(article.edition()));
        if (edition != null) {
            touched.add(edition);
        } else if (now.isEmpty()) {
            editions.all().forEach(e -> touched.add(e.code()));
        }
    }

    /** Pages rendered while the index was built showed what it could not answer yet (no related stories). */
    @Override
    void whenBuilt(long count) {
        pageCache.evict(editions.all().stream().map(Edition::code).map(SearchKeys::results).toList());
    }

    /** Evicts the cached result pages of the editions the refreshed changes touched. */
    @Override
    void refreshed(Set<String> editionsTouched) {
        pageCache.evict(editionsTouched.stream().map(SearchKeys::results).toList());
    }
}
