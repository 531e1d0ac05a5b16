package org.dateline.chats;

import java.util.List;
import java.util.Optional;

import org.dateline.chats.internal.JdbcMessages;
import org.dateline.chats.internal.JdbcModeration;
import org.dateline.chats.internal.JdbcRooms;
import org.dateline.chats.internal.Participants;
import org.dateline.chats.internal.RoomLinks;
import org.springframework.stereotype.Component;

/**
 * What the moderators' pages read: the queue of reported and held messages with their context, the bans in force
 * and a room's settings. Every read is for moderators only ({@link ChatPolicy#moderate}).
 */
@Component
public class ModerationQueries {

    /** Messages shown on either side of a queued one. */
    static final int CONTEXT = 2;
    static final int QUEUE_LIMIT = 100;
    static final int TOPICS_LIMIT = 500;

    private final Participants participants;
    private final JdbcRooms rooms;
    private final JdbcMessages messages;
    private final JdbcModeration moderation;
    private final RoomLinks links;
    private final ChatPolicy policy;

    ModerationQueries(Participants participants, JdbcRooms rooms, JdbcMessages messages, JdbcModeration moderation,
                      RoomLinks links,
                      ChatPolicy policy) {
        this.participants = participants;
        this.rooms = rooms;
        this.messages = messages;
        this.moderation = moderation;
        this.links = links;
        this.policy = policy;
    }

    /** Reported visible messages, most reported first, each with the readers' reasons and its neighbours. */
    public ChatResult<List<QueueEntry>> reported() {
        return allowed().<ChatResult<List<QueueEntry>>>map(ChatResult::refused).orElseGet(() -> ChatResult.done(
                moderation.openReports().stream().flatMap(r -> entry(r.messageId(), r.reports(),
                        moderation.openReasons(r.messageId())).stream()).toList()));
    }

    /** Messages held for review, oldest first, each with its neighbours. */
    public ChatResult<List<QueueEntry>> held() {
        return allowed().<ChatResult<List<QueueEntry>>>map(ChatResult::refused).orElseGet(() -> ChatResult.done(
                messages.held(QUEUE_LIMIT).stream().flatMap(m -> entry(m.id(), 0, List.of()).stream()).toList()));
    }

    public ChatResult<List<ActiveBan>> bans() {
        return allowed().<ChatResult<List<ActiveBan>>>map(ChatResult::refused)
                .orElseGet(() -> ChatResult.done(moderation.activeBans(200)));
    }

    /** Every edition's topic rooms, by edition, newest activity first. */
    public ChatResult<List<Room>> topics() {
        return allowed().<ChatResult<List<Room>>>map(ChatResult::refused)
                .orElseGet(() -> ChatResult.done(rooms.allTopics(TOPICS_LIMIT)));
    }

    public ChatResult<Room> room(long roomId) {
        return allowed().<ChatResult<Room>>map(ChatResult::refused).orElseGet(() -> rooms.room(roomId)
                .map(ChatResult::done).orElseGet(() -> ChatResult.refused(Refusal.ROOM_NOT_FOUND)));
    }

    /** The editions whose words moderators watch, in their order. */
    public List<String> editions() {
        return moderation.editions();
    }

    /** The public page of a room; empty when its article left the site. */
    public Optional<String> roomPath(Room room) {
        return links.pagePath(room);
    }

    private Optional<QueueEntry> entry(long messageId, long reports, List<String> reasons) {
        return messages.anyMessage(messageId).flatMap(message -> rooms.room(message.roomId()).map(room ->
                new QueueEntry(message, room, roomPath(room).orElse(null), reports, reasons,
                        messages.around(room.id(), messageId, CONTEXT))));
    }

    private Optional<Refusal> allowed() {
        return policy.moderate(participants.current().orElse(null));
    }
}
