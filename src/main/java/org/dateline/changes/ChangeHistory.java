package org.dateline.changes;

import java.util.List;

/**
 * Reads the change log back, for a projection that keeps its own position beside the tailer's: a search index that
 * stores in itself the position it reflects catches up from there when its node starts.
 */
public interface ChangeHistory {

    /** The entries after {@code position}, in position order, at most {@code limit}. */
    List<Change> after(long position, int limit);

    /**
     * The position of the oldest entry still kept, 0 when the log is empty. Entries before it were pruned: a
     * projection behind it has missed changes and must be rebuilt. The newest is {@link ChangeLog#head()}.
     */
    long oldest();
}
