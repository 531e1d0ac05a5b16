package org.dateline.changes;

/**
 * A projection that must reflect this node's own changes the moment their transaction commits, not only once the
 * tailer has read them (milliseconds later): a cache that would otherwise let through, on the node that just
 * forbade it, what a moderator or an editor forbade (a ban, a closed room, a story taken down). Right after the
 * commit, on the committing thread, {@link #onChange} is called with each entry the transaction appended, in the
 * order appended; the tailer then hands the same entries over as it does to every listener, on this node and every
 * other. What a listener does with a change must therefore be idempotent (evicting is). Other nodes see the change
 * when their tailer reads it.
 */
public interface CommitListener extends ChangeListener {
}
