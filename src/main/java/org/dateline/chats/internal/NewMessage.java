package org.dateline.chats.internal;

import java.time.Instant;
import java.util.Map;

import org.dateline.chats.MessageState;
import org.dateline.chats.MessageView;
import org.dateline.chats.Quote;
import org.dateline.chats.Room;
import org.dateline.content.ChatPaths;

/**
 * A message a reader posted, checked and ready to be stored ({@link MessageWriter}).
 *
 * @param html         the body's safe markup, for the stored message's view
 * @param createdAt    from {@link JdbcMessages#timestamp()}: to the millisecond, as stored
 * @param reportReason when a suspect word lets the message through, the reason of the report that puts it in the
 *                     moderation queue as its author's own; null otherwise
 * @param quote        how it quotes the message it replies to; null for none
 */
public record NewMessage(Room room, long authorId, String authorName, String body, String html, Long replyTo,
                         MessageState state, Instant createdAt, String reportReason, Quote quote) {

    /** The stored message as a read would return it: nobody has reacted to it or edited it yet. */
    public MessageView view(long id) {
        return new MessageView(id, room.id(), room.edition(), authorId, authorName, body, html, replyTo, createdAt,
                null, Map.of(), ChatPaths.permalink(room.edition(), id), state, quote);
    }

    /** A held message is in nobody's view until a moderator lets it through. */
    boolean visible() {
        return state == MessageState.VISIBLE;
    }
}
