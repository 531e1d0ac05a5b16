package org.dateline.newsroom;

/** Where a story stands in the newsroom workflow. */
public enum StoryStatus {
    DRAFT, IN_EDIT, READY, SCHEDULED, PUBLISHED, UNPUBLISHED, KILLED;

    /** Whether readers can see the story in this state. */
    public boolean isPublic() {
        return this == PUBLISHED;
    }

    /** Where the article of a story in this state stands. */
    public org.dateline.content.ArticleState articleState() {
        return switch (this) {
            case DRAFT -> org.dateline.content.ArticleState.DRAFT;
            case IN_EDIT -> org.dateline.content.ArticleState.IN_EDIT;
            case READY -> org.dateline.content.ArticleState.READY;
            case SCHEDULED -> org.dateline.content.ArticleState.SCHEDULED;
            case PUBLISHED -> org.dateline.content.ArticleState.LIVE;
            case UNPUBLISHED -> org.dateline.content.ArticleState.UNPUBLISHED;
            case KILLED -> org.dateline.content.ArticleState.KILLED;
        };
    }

    /** The newsroom's name for where an article stands. */
    public static StoryStatus of(org.dateline.content.ArticleState state) {
        return switch (state) {
            case DRAFT -> DRAFT;
            case IN_EDIT -> IN_EDIT;
            case READY -> READY;
            case SCHEDULED -> SCHEDULED;
            case LIVE -> PUBLISHED;
            case UNPUBLISHED -> UNPUBLISHED;
            case KILLED -> KILLED;
        };
    }
}
