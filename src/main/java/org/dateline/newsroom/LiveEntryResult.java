package org.dateline.newsroom;

/** The outcome of posting, correcting or deleting an entry of a live story. */
public sealed interface LiveEntryResult {

    /** Done: the entry posted, corrected or deleted. */
    record Done(long storyId, long entryId) implements LiveEntryResult {
    }

    /** Not done, as a story action that is not done: its fields refused or the action refused; nothing stored. */
    record NotDone(StoryResult why) implements LiveEntryResult {
    }
}
