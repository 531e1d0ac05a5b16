package org.dateline.chats;

/** Only {@link #VISIBLE} messages are shown and delivered. */
public enum MessageState {
    VISIBLE,
    /** Waiting for a moderator (pre-moderation). */
    HELD,
    /** Removed from view by a moderator; kept for the audit. */
    HIDDEN,
    /** Deleted by its author or a moderator. */
    DELETED
}
