package org.dateline.chats;

import java.time.Instant;

/**
 * A room a reader follows, with how much is new for them.
 *
 * @param title      the article's headline for an article room, the topic's title for a topic room
 * @param url        where it is read: the article's {@code #chat}, or the topic room's page
 * @param unread     visible messages of others after the reader's last read one
 * @param lastAuthor who wrote the newest visible message; null when there is none
 * @param lastText   the beginning of that message (at most {@link #PREVIEW} characters); null when there is none
 */
public record ReaderRoom(long roomId, RoomKind kind, String edition, String title, String url, long lastMessageId,
                         Instant lastActivityAt, long lastReadId, long unread, String lastAuthor, String lastText) {

    public static final int PREVIEW = 140;

    /** The text cut to the preview length, on a character boundary, with an ellipsis when cut. */
    public static String preview(String text) {
        return MessageText.start(text, PREVIEW);
    }
}
