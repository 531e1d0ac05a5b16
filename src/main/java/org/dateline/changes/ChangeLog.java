package org.dateline.changes;

import java.util.Collection;

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

    /** The position of the newest entry, 0 when the log is empty. */
    long head();
}
