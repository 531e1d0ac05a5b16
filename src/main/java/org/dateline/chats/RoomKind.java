package org.dateline.chats;

public enum RoomKind {
    /** The conversation under one published article. */
    ARTICLE,
    /** A room on a subject, opened by a moderator or editor. */
    TOPIC
}
