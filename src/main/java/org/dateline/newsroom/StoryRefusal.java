package org.dateline.newsroom;

/**
 * Why a newsroom action on a story was not done. The code is the contract with API clients and the wire's ingest
 * log; the admin API maps each reason to an HTTP status, and the newsroom pages to a message, each in one place
 * ({@code newsroom.internal.StoryAnswers}).
 */
public enum StoryRefusal {
    /** No story with this id. */
    NOT_FOUND("unknown_article"),
    /** The actor's role may not do this with this story (or any story). */
    NOT_PERMITTED("not_permitted"),
    /** The story was killed: nothing about it changes any more. */
    STORY_KILLED("story_killed"),
    /** The workflow has no such step from where the story stands. */
    TRANSITION_NOT_ALLOWED("transition_not_allowed"),
    /** The step needs a story on the site (unpublish, kill, update, correct) and this one is not there. */
    NOT_LIVE("not_live"),
    /** The story is live already, or killed. */
    NOT_PUBLISHABLE("not_publishable"),
    /** Someone else holds a fresh edit lock; the detail names them. */
    STORY_LOCKED("story_locked"),
    /** Someone saved in between; the detail is the revision the story is at now. */
    STALE_REVISION("stale_revision"),
    /** The story changed state between reading and writing (another editor, another node, the scheduler). */
    STATE_CHANGED("state_changed"),
    /** The story has no revision of this number; the detail is the number. */
    UNKNOWN_REVISION("unknown_revision"),
    /** Only a story that was never published moves to another edition. */
    NOT_MOVABLE("not_movable"),
    /** A story linked to this one as its translation stands in the edition it would move to. */
    TRANSLATION_IN_EDITION("translation_in_edition"),
    /** Entries are posted only to a story marked as live coverage. */
    NOT_LIVE_COVERAGE("not_live_coverage"),
    /** The story has no such entry (or it was deleted). */
    UNKNOWN_ENTRY("unknown_entry");

    private final String code;

    StoryRefusal(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
