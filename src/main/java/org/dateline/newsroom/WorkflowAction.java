package org.dateline.newsroom;

/** What someone asks to do with a story. */
public enum WorkflowAction {
    /** Hand a draft to the editors. */
    SUBMIT,
    /** An edited story is ready to go. */
    MARK_READY,
    /** Send a story back to its author. */
    RETURN_TO_DRAFT,
    PUBLISH,
    /** Publish at a time of our choosing. */
    SCHEDULE,
    /** Publish at a time the source imposes; nothing may appear before it. */
    EMBARGO,
    /** Take back a schedule or embargo; the story is ready again. */
    UNSCHEDULE,
    /** Change a published story; readers see a new "updated" stamp. */
    UPDATE,
    /** Change a published story with a public correction note. */
    CORRECT,
    UNPUBLISH,
    /** Mark a live story as breaking news, or end the mark: the public breaking bar and the alerts follow it. */
    BREAKING,
    /** Withdraw everywhere for good: the URL answers 410. */
    KILL
}
