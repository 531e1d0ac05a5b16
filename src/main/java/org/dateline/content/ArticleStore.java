package org.dateline.content;

/** Puts articles on the site. Only the newsroom's use cases call it, inside their transaction. */
public interface ArticleStore {

    /** Stores a published article and returns its id. */
    default long insert(NewArticle article) {
        return insert(article, ArticleState.LIVE, false);
    }

    /** Stores an article, live now or {@link ArticleState#SCHEDULED scheduled} for its publication time. */
    long insert(NewArticle article, ArticleState state, boolean embargo);

    /** Ids of scheduled articles whose time has come, oldest first. */
    java.util.List<Long> due(java.time.Instant now, int limit);

    /**
     * Puts a scheduled or unpublished article live; a scheduled one keeps its time unless {@code publishedAt} is
     * given. False if it was in neither state (another node released it first, or it was killed).
     */
    boolean release(long articleId, java.time.Instant publishedAt);

    /**
     * The translation key shared by an article and its versions in other editions; assigned to the article now if
     * it had none. Empty when no such article exists.
     */
    java.util.Optional<String> translationKeyOf(long articleId);

    /** Ids of the other articles sharing the translation key. */
    java.util.List<Long> articlesWithTranslationKey(String translationKey, long exceptId);

    /** Takes a live article off the site; false if it was not live. */
    boolean remove(long articleId, ArticleState state, java.time.Instant at);

    /**
     * Replaces the editable fields of a live article (edition, id and first publication stay); a correction note, when
     * given, is shown with the article from now on. False if the article is not live.
     */
    boolean update(long articleId, NewArticle fields, java.time.Instant updatedAt, String correctionNote);
}
