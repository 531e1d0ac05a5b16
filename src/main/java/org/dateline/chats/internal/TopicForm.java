package org.dateline.chats.internal;

/**
 * The form that opens a topic room, as sent, to fill it in again: the edition, the title, the slug (derived from the
 * title when left empty), the mode ({@code open} or {@code premoderated}) and slow mode. Public only because the
 * compiled templates live in another package.
 */
public record TopicForm(String edition, String title, String slug, String mode, String slowMode) {

    static TopicForm blank(String edition) {
        return new TopicForm(edition, "", "", "open", "0");
    }
}
