package org.dateline.chats.internal;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import org.dateline.chats.BanInForce;
import org.dateline.chats.MessageView;
import org.dateline.chats.Refusal;

/**
 * What the server says over a chat socket, written by {@link ChatProtocol#write}: {@code type} first (the record's
 * type name), then the record's fields in their order; a null field is left out. Every frame about a change carries
 * {@code seq}, the change's position in the change log, last.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
sealed interface ServerFrame {

    /** A subscription stands: to the room, or to the article whose room does not exist yet. */
    @JsonTypeName("subscribed")
    record Subscribed(Long room, Long article) implements ServerFrame {
    }

    /**
     * A message as it is now: {@code message} (became visible), {@code edited}, or {@code changed} (in a catch-up:
     * visible already, edited or reacted to since).
     */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NONE)
    record MessageNow(String type, long room, MessageView message, Long seq) implements ServerFrame {

        static MessageNow shown(MessageView message, Long seq) {
            return new MessageNow("message", message.roomId(), message, seq);
        }

        static MessageNow edited(MessageView message, Long seq) {
            return new MessageNow("edited", message.roomId(), message, seq);
        }

        static MessageNow changed(MessageView message, Long seq) {
            return new MessageNow("changed", message.roomId(), message, seq);
        }
    }

    /** A message left the room (deleted, hidden). */
    @JsonTypeName("deleted")
    record Deleted(Long room, long id, Long seq) implements ServerFrame {
    }

    /** A room opened or closed. */
    @JsonTypeName("room")
    record RoomOpen(long room, boolean open, Long seq) implements ServerFrame {
    }

    /** A message's reactions as they are now. */
    @JsonTypeName("reactions")
    record Reactions(Long room, long id, Map<String, Integer> reactions, Long seq) implements ServerFrame {
    }

    /**
     * The catch-up is complete: the client has everything up to {@code seq}.
     *
     * @param reset true when more changed than a catch-up sends: the client reloads the newest page of history; null
     *              otherwise
     */
    @JsonTypeName("synced")
    record Synced(Long room, Boolean reset, long seq, boolean open) implements ServerFrame {
    }

    /** The answer to a ping. */
    @JsonTypeName("pong")
    record Pong() implements ServerFrame {
    }

    /** A post over the socket was stored. */
    @JsonTypeName("posted")
    record Posted(String ref, MessageView message) implements ServerFrame {
    }

    /**
     * A post over the socket was refused.
     *
     * @param bannedUntil for a ban, when it ends (null: until lifted)
     * @param everyRoom   for a ban, whether it covers every room; null for any other refusal
     */
    @JsonTypeName("refused")
    record Refused(String ref, String code, String detail, String bannedUntil, Boolean everyRoom)
            implements ServerFrame {

        static Refused of(String ref, Refusal refusal, BanInForce ban) {
            return new Refused(ref, refusal.code(), refusal.message(),
                    ban == null || ban.expiresAt() == null ? null : ban.expiresAt().toString(),
                    ban == null ? null : ban.everyRoom());
        }
    }

    /** A reader's unread counts, the answer to {@code inbox} ({@link ReaderInboxes}); per room for a list of rooms. */
    @JsonTypeName("inbox")
    record Inbox(long total, List<RoomCount> rooms) implements ServerFrame {
    }

    /**
     * The reader's counts moved: the total alone to a header, each room whose count moved to a list of rooms.
     */
    @JsonTypeName("unread")
    record Unread(long total, List<RoomCount> rooms) implements ServerFrame {
    }

    /**
     * A room's count in {@link Inbox} and {@link Unread}; what a list of rooms shows of it besides the count only
     * when it changed.
     *
     * @param followed false for a room the reader no longer follows; null otherwise
     * @param last     the message just posted in it, if one was
     * @param title    for a room the reader follows since the last frame, with its {@code url} and activity time
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RoomCount(long room, long unread, Boolean followed, LastMessage last, String title, String url, String at) {

        static RoomCount of(long room, long unread) {
            return new RoomCount(room, unread, null, null, null, null, null);
        }
    }

    /** The newest message of a followed room, as a list of rooms previews it. */
    record LastMessage(long id, String author, String text, String at) {
    }

    /** A ban of the reader began ({@code room} null: every room; {@code until} null: until lifted) or ended. */
    @JsonTypeName("ban")
    record Ban(Long room, String until, boolean lifted) implements ServerFrame {
    }

    /** A client frame that could not be followed; {@code room} when it named one. */
    @JsonTypeName("error")
    record Error(String code, Long room) implements ServerFrame {
    }
}
