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

    /** Links the article to the stories sharing {@code translationKey}, or unlinks it ({@code null}). */
    void setTranslationKey(long articleId, String translationKey);

    /**
     * Moves a story that was never public to another edition, into a section of it, with tags of that edition. False
     * if it is not a draft, in edit or ready (someone published it meanwhile).
     */
    boolean changeEdition(long articleId, org.dateline.editions.Section section,
                          java.util.List<org.dateline.editions.Tag> tags);

    /** Takes a live article off the site, ending its breaking-news mark; false if it was not live. */
    boolean remove(long articleId, ArticleState state, java.time.Instant at);

    /**
     * Marks a live article as breaking news since {@code since}, or ends the mark ({@code null}); false if the
     * article is not live (a take-down won the race).
     */
    boolean markBreaking(long articleId, java.time.Instant since);

    /**
     * Replaces the editable fields of a live article (edition, id and first publication stay); a correction note, when
     * given, is shown with the article from now on. False if the article is not live.
     */
    boolean update(long articleId, NewArticle fields, java.time.Instant updatedAt, String correctionNote);

    /** The article in any state, with the fields its last save gave it (the newsroom's view). */
    java.util.Optional<Article> stored(long articleId);

    /**
     * Replaces the fields of an article that is not on the site (a draft, or a scheduled or unpublished story); its
     * state and publication time stay. False if it is live, killed or unknown.
     */
    boolean saveOffSite(long articleId, NewArticle fields, java.time.Instant savedAt);

    /** Moves an article from one state to another; false if it was not in {@code from} (someone moved it first). */
    boolean move(long articleId, ArticleState from, ArticleState to);

    /**
     * Publishes a story that was never public: live at {@code at} now, or {@link ArticleState#SCHEDULED} for
     * {@code at}. False if it was not a draft, in edit or ready.
     */
    boolean publishWork(long articleId, java.time.Instant at, boolean scheduled, boolean embargo);
}
