package org.dateline.chats.internal;

import java.util.ArrayList;
import java.util.List;

import org.dateline.changes.ChangeKinds;
import org.dateline.changes.ChangeLog;
import org.dateline.chats.ChatKeys;
import org.dateline.chats.Room;
import org.springframework.stereotype.Component;

/**
 * Appends chat changes to the change log with the keys of their room (and article page), and stamps the room and
 * the message with the entry's position, so that a reconnecting client can ask for everything after the position
 * it has seen ({@link JdbcChats#changedSince}).
 */
@Component
public class ChatChanges {

    private final ChangeLog log;
    private final JdbcChats chats;

    ChatChanges(ChangeLog log, JdbcChats chats) {
        this.log = log;
        this.chats = chats;
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

    /**
     * A message inserted in this transaction was posted and is visible: the room's last activity moves on and the
     * change is appended. The room's update locks it (so no separate lock), and the new row is this transaction's
     * alone until it commits.
     */
    public void posted(Room room, long messageId) {
        chats.touchRoom(room.id(), messageId);
        append(ChangeKinds.CHAT_MESSAGE, room, messageId, false);
    }

    private void append(String kind, Room room, long subjectId, boolean lock) {
        boolean aboutMessage = !ChangeKinds.CHAT_ROOM.equals(kind);
        if (lock) {
            if (aboutMessage) {
                chats.lockMessage(subjectId);
            }
            chats.lockRoom(room.id());
        }
        List<String> keys = new ArrayList<>();
        keys.add(ChatKeys.room(room.id()));
        if (room.articleId() != null) {
            keys.add(ChatKeys.article(room.articleId()));
        } else {
            keys.add(ChatKeys.topics(room.edition()));
        }
        long position = log.append(kind, room.edition(), subjectId, keys);
        chats.stampRoom(room.id(), position);
        if (aboutMessage) {
            chats.stampMessage(subjectId, position, ChangeKinds.CHAT_MESSAGE.equals(kind));
        }
    }
}
