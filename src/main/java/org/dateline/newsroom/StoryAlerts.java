package org.dateline.newsroom;

/**
 * How many alerts a story set off, for the editor: on the story's newsroom page and in the admin API. The alerts
 * module answers (it depends on the newsroom, not the other way round); without it there are none.
 */
public interface StoryAlerts {

    /** A story's alerts: waiting to go (also in a digest still to come), sent, and failed for good. */
    record Counts(long queued, long sent, long failed) {

        public static final Counts NONE = new Counts(0, 0, 0);

        public long total() {
            return queued + sent + failed;
        }
    }

    Counts counts(long storyId);
}
