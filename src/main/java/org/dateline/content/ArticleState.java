package org.dateline.content;

/** Whether a published article is on the site. */
public enum ArticleState {
    LIVE,
    /** Waiting for its publication time (scheduled or embargoed); nowhere public before it. */
    SCHEDULED,
    /** Taken off the site; it may come back. Its address answers 404. */
    UNPUBLISHED,
    /** Withdrawn for good. Its address answers 410 Gone. */
    KILLED
}
