package org.dateline.chats.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.dateline.changes.ChangeKinds;
import org.dateline.changes.ChangeLog;
import org.dateline.chats.ChatKeys;
import org.dateline.chats.Room;
import org.springframework.stereotype.Component;

/**
 * Appends chat changes to the change log with the keys of their room (and article page), and stamps the room and
 * the message with the entry's position, so that a reconnecting client can ask for everything after the position
 * it has seen ({@link JdbcMessages#changedSince}).
 */
@Component
public class ChatChanges {

    private final ChangeLog log;
    private final JdbcRooms rooms;
    private final JdbcMessages messages;

    ChatChanges(ChangeLog log, JdbcRooms rooms, JdbcMessages messages) {
        this.log = log;
        this.rooms = rooms;
        this.messages = messages;
    }

    /**
     * A ban of the reader began or was lifted: no page shows it, the reader's open sockets are told. Must run inside
     * the transaction that stores the ban.
     */
    public void banChanged(long banId, long accountId) {
        log.append(ChangeKinds.CHAT_BAN, null, banId, List.of(ChatKeys.reader(accountId)));
    }

    /**
     * The reader read, followed or stopped following the room: the unread counts of their open pages on every node
     * are read again. Must run inside the transaction that stores it.
     */
    public void readerMoved(long accountId, long roomId) {
        log.append(ChangeKinds.CHAT_READ, null, roomId, List.of(ChatKeys.reader(accountId)));
    }

    /**
     * Must run inside the transaction that stores the change. The subject is a message, or the room itself for
     * {@link ChangeKinds#CHAT_ROOM}.
     * <p>
     * The room is locked before the position is taken, so the changes of one room take their positions in the
     * order they commit: a client that has seen position p of a room can never miss a change of that room that
     * commits later with a smaller one. The message is locked before the room, as every use case that changes a
     * message row already does, so two changes of one message never wait on each other in opposite orders.
     */
    public void append(String kind, Room room, long subjectId) {
        append(kind, room, subjectId, true);
    }

    /** A message just inserted, visible, in its room. */
    public record Posted(Room room, long messageId) {
    }

    /**
     * Messages inserted in this transaction were posted and are visible: their rooms' last activity moves on and
     * their changes are appended, each kind of statement once for all of them (a batch). The rooms' update locks them
     * (so no separate lock), in the order of their ids, before any position is taken; the new rows are this
     * transaction's alone until it commits.
     *
     * @param posted in the order of their rooms' ids, and within a room in the order of the messages
     */
    public void posted(List<Posted> posted) {
        if (posted.isEmpty()) {
            return;
        }
        Map<Long, Long> newestMessage = new TreeMap<>();
        List<ChangeLog.Entry> entries = new ArrayList<>(posted.size());
        for (Posted one : posted) {
            newestMessage.merge(one.room().id(), one.messageId(), Math::max);
            entries.add(new ChangeLog.Entry(ChangeKinds.CHAT_MESSAGE, one.room().edition(), one.messageId(),
                    keys(one.room())));
        }
        rooms.touchRooms(newestMessage);
        long[] positions = log.appendAll(entries);
        Map<Long, Long> newestPosition = new TreeMap<>();
        long[] messageIds = new long[posted.size()];
        for (int i = 0; i < posted.size(); i++) {
            newestPosition.merge(posted.get(i).room().id(), positions[i], Math::max);
            messageIds[i] = posted.get(i).messageId();
        }
        rooms.stampRooms(newestPosition);
        messages.stampShown(messageIds, positions);
    }

    /** A chat change concerns its room's sockets and the page its room is shown on. */
    private static List<String> keys(Room room) {
        return List.of(ChatKeys.room(room.id()),
                room.articleId() != null ? ChatKeys.article(room.articleId()) : ChatKeys.topics(room.edition()));
    }

    private void append(String kind, Room room, long subjectId, boolean lock) {
        boolean aboutMessage = !ChangeKinds.CHAT_ROOM.equals(kind);
        if (lock) {
            if (aboutMessage) {
                messages.lockMessage(subjectId);
            }
            rooms.lockRoom(room.id());
        }
        long position = log.append(kind, room.edition(), subjectId, keys(room));
        rooms.stampRooms(Map.of(room.id(), position));
        if (ChangeKinds.CHAT_MESSAGE.equals(kind)) { // became visible here (a held message let through)
            messages.stampShown(new long[] {subjectId}, new long[] {position});
        } else if (aboutMessage) {
            messages.stampChanged(subjectId, position);
        }
    }
}
