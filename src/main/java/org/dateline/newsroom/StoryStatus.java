package org.dateline.newsroom;

/** Where a story stands in the newsroom workflow. */
public enum StoryStatus {
    DRAFT, IN_EDIT, READY, SCHEDULED, PUBLISHED, UNPUBLISHED, KILLED;

    /** Whether readers can see the story in this state. */
    public boolean isPublic() {
        return this == PUBLISHED;
    }
}
