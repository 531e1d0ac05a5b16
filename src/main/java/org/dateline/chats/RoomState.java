package org.dateline.chats;

public enum RoomState {
    OPEN,
    /** Readable, closed to new messages and reactions. */
    READ_ONLY
}
