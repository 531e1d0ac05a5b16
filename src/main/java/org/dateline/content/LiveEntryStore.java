package org.dateline.content;

import java.time.Instant;

/** Writes live coverage. Only the newsroom's use cases call it, inside their transaction. */
public interface LiveEntryStore {

    /** Marks the story as live coverage or not; false if no such article. */
    boolean setLiveCoverage(long articleId, boolean liveCoverage);

    /** Stores a new entry of the story and returns its id. */
    long post(long articleId, String text, String link, Instant at, Long postedBy, String postedByName);

    /** Replaces an entry's text and link, stamped as updated at {@code at}; false if it is deleted or unknown. */
    boolean correct(long entryId, String text, String link, Instant at);

    /** Takes an entry off the story; false if it was deleted already or is unknown. */
    boolean delete(long entryId, Instant at);
}
