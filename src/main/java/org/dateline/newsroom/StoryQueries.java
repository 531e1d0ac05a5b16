package org.dateline.newsroom;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.dateline.content.Article;
import org.dateline.content.ArticleState;
import org.dateline.content.ArticleStore;
import org.dateline.content.ContentQueries;
import org.dateline.editions.Author;
import org.dateline.editions.Tag;
import org.springframework.stereotype.Service;

/** The newsroom's reads: stories in any state, the story list, revisions, translations, a wire item's story. */
@Service
public class StoryQueries {

    private final ArticleStore articles;
    private final ContentQueries content;
    private final StoryStore stories;
    private final EditLocks locks;

    StoryQueries(ArticleStore articles, ContentQueries content, StoryStore stories, EditLocks locks) {
        this.articles = articles;
        this.content = content;
        this.stories = stories;
        this.locks = locks;
    }

    public Optional<Story> find(long id) {
        return articles.stored(id).flatMap(article -> content.state(id).flatMap(state -> stories.meta(id)
                .map(meta -> story(article, state, meta))));
    }

    public List<StorySummary> list(StoryFilter filter) {
        return stories.list(filter, locks.staleBefore());
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

    private static Story story(Article article, ArticleState state, StoryStore.Meta meta) {
        boolean everPublic = !state.isUnpublishedWork();
        return new Story(article.id(), state, meta.desk(), article.edition(), article.section().slug(),
                article.slug(), article.headline(), article.lead(), article.body().blocks(), article.datelinePlace(),
                article.datelineDate(), article.credit(), article.tags().stream().map(Tag::name).toList(),
                article.authors().stream().map(Author::name).toList(), everPublic ? article.publishedAt() : null,
                article.updatedAt(), everPublic ? article.path() : null, article.correctionNote(), meta.revision(),
                meta.createdBy(), meta.createdByName(), meta.lock(), meta.provenance(), article.leadPictureId());
    }
}
