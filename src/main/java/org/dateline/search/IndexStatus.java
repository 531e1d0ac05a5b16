package org.dateline.search;

/**
 * @param ready     the index answers; false while it is built from the database
 * @param position  the change-log position the index has applied
 * @param documents how many stories it holds
 */
public record IndexStatus(boolean ready, long position, long documents) {
}
