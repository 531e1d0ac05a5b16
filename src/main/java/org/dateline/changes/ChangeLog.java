package org.dateline.changes;

import java.util.Collection;
import java.util.List;

/** Appends to the change log. Must be called inside the transaction that makes the change. */
public interface ChangeLog {

    /**
     * Records a change; it becomes visible to every node's tailer when the surrounding transaction commits, and is
     * lost with it when it rolls back.
     *
     * @return the entry's position. Positions come in the order entries are appended, which is not always the order
     *         their transactions commit in: a writer that needs commit order among its own changes serialises them
     *         (chats lock the room first).
     */
    long append(String kind, String edition, Long subjectId, Collection<String> keys);

    /** One entry to append; see {@link #append}. */
    record Entry(String kind, String edition, Long subjectId, Collection<String> keys) {
    }

    /**
     * Records several changes at once (one batch of statements), as {@link #append} would one after the other.
     *
     * @return their positions, in the order of the entries
     */
    long[] appendAll(List<Entry> entries);

    /** The position of the newest entry, 0 when the log is empty. */
    long head();
}
