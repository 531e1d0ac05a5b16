package org.dateline.chats;

import java.util.Optional;

import org.dateline.chats.internal.ChatChanges;
import org.dateline.chats.internal.JdbcMemberships;
import org.dateline.chats.internal.JdbcRooms;
import org.dateline.chats.internal.Participants;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A reader has read a room up to a message: the room is followed and its unread count drops. */
@Component
public class MarkRead {

    private final Participants participants;
    private final JdbcRooms rooms;
    private final JdbcMemberships memberships;
    private final ChatPolicy policy;
    private final ChatChanges changes;
    private final TransactionTemplate transaction;

    MarkRead(Participants participants, JdbcRooms rooms, JdbcMemberships memberships, ChatPolicy policy,
             ChatChanges changes,
             PlatformTransactionManager transactions) {
        this.participants = participants;
        this.rooms = rooms;
        this.memberships = memberships;
        this.policy = policy;
        this.changes = changes;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Done with the reader's last read message id in the room (never moves backwards, never past the newest). */
    public ChatResult<Long> markRead(long roomId, long lastReadId) {
        Optional<Participant> who = participants.current();
        if (who.isEmpty()) {
            return ChatResult.refused(Refusal.LOGIN_REQUIRED);
        }
        Optional<Room> room = rooms.room(roomId);
        if (room.isEmpty()) {
            return ChatResult.refused(Refusal.ROOM_NOT_FOUND);
        }
        Optional<Refusal> refusal = policy.markRead(who.get(), room.get());
        if (refusal.isPresent()) {
            return ChatResult.refused(refusal.get());
        }
        long reader = who.get().accountId();
        transaction.executeWithoutResult(status -> {
            memberships.readUpTo(reader, roomId, Math.max(0, Math.min(lastReadId, room.get().lastMessageId())));
            changes.readerMoved(reader, roomId); // the reader's open pages, on every node, count afresh
        });
        return ChatResult.done(memberships.lastReadId(who.get().accountId(), roomId));
    }
}
