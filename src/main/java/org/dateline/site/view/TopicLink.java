package org.dateline.site.view;

/**
 * A topic room in the edition's list of discussions.
 *
 * @param lastActivity       ISO instant of the newest message, null while nobody wrote
 * @param lastActivityLabel  the same in the edition's words
 * @param closed             read-only: readers may read but not write
 */
public record TopicLink(String title, String path, String lastActivity, String lastActivityLabel, boolean closed) {
}
