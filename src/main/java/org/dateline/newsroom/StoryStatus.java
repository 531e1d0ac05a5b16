package org.dateline.newsroom;

/** Where a story stands in the newsroom workflow. */
public enum StoryStatus {
    DRAFT, IN_EDIT, READY, SCHEDULED, PUBLISHED, UNPUBLISHED, KILLED;

    /** Whether readers can see the story in this state. */
    public boolean isPublic() {
        return this == PUBLISHED;
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
