/**
 * The cluster-wide change log (ARCHITECTURE §4, second kind: once per node).
 * <p>
 * Every change readers can see is appended with {@link org.dateline.changes.ChangeLog#append} (several at once, one
 * batch: {@code appendAll}) in the same transaction as the change itself. Each node tails the log from its last seen position (on PostgreSQL {@code LISTEN/NOTIFY}
 * wakes the tailer at once; on H2 it polls) and hands every entry, in order, to each
 * {@link org.dateline.changes.ChangeListener} bean: page cache eviction, the live newsfeed, the search indexes and
 * chat delivery. A restarted node resumes from the position it stored. A
 * {@link org.dateline.changes.CommitListener} also gets this node's own changes right after their commit, before the
 * tailer reads them: a cache that must not let through, on the node that forbade it, what was just forbidden.
 * {@link org.dateline.changes.ChangeHistory} reads the log back for a projection that stores its own position (the
 * search index catches up from the position in its last commit).
 * <p>
 * Settings: {@code internal.ChangesSettings} ({@code dateline.changes.*}: poll interval, retention, gap timeout); the
 * node's id, under which it stores its position, is {@code platform}'s {@code dateline.node-id}.
 */
package org.dateline.changes;
