package org.dateline.search;

/**
 * @param ready     the index answers; false while it is built from the database
 * @param position  the change-log position the index has applied
 * @param documents how many stories it holds
 * @param built     this node built the index from the database when it started (none on disk, or unusable); false
 *                  when it resumed the one on disk from the position in its last commit
 */
public record IndexStatus(boolean ready, long position, long documents, boolean built) {
}
