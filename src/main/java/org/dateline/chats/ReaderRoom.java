package org.dateline.chats;

import java.time.Instant;

/** A room a reader follows, with how much is new for them. */
public record ReaderRoom(long roomId, RoomKind kind, String edition, String title, String url, long lastMessageId,
                         Instant lastActivityAt, long lastReadId, long unread) {
}
