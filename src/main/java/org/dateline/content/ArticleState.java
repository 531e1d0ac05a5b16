package org.dateline.content;

/** Where an article stands: only {@link #LIVE} is public; the first three are stories the newsroom works on. */
public enum ArticleState {
    /** Being written; never public. */
    DRAFT,
    /** Handed to the editors; never public. */
    IN_EDIT,
    /** Edited and ready to go; never public. */
    READY,
    LIVE,
    /** Waiting for its publication time (scheduled or embargoed); nowhere public before it. */
    SCHEDULED,
    /** Taken off the site; it may come back. Its address answers 404. */
    UNPUBLISHED,
    /** Withdrawn for good. Its address answers 410 Gone. */
    KILLED;

    /** Whether the story was never published: it has no public address yet. */
    public boolean isUnpublishedWork() {
        return this == DRAFT || this == IN_EDIT || this == READY;
    }
}
