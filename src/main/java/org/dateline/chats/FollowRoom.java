package org.dateline.chats;

import java.util.Optional;

import org.dateline.chats.internal.ChatChanges;
import org.dateline.chats.internal.JdbcMemberships;
import org.dateline.chats.internal.JdbcRooms;
import org.dateline.chats.internal.Participants;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A reader follows a room (it appears among their rooms with its unread count) or stops following it. */
@Component
public class FollowRoom {

    private final Participants participants;
    private final JdbcRooms rooms;
    private final JdbcMemberships memberships;
    private final ChatPolicy policy;
    private final ChatChanges changes;
    private final TransactionTemplate transaction;

    FollowRoom(Participants participants, JdbcRooms rooms, JdbcMemberships memberships, ChatPolicy policy,
               ChatChanges changes,
               PlatformTransactionManager transactions) {
        this.participants = participants;
        this.rooms = rooms;
        this.memberships = memberships;
        this.policy = policy;
        this.changes = changes;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Done with whether the reader follows the room now. */
    public ChatResult<Boolean> follow(long roomId, boolean followed) {
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
            memberships.setFollowed(reader, roomId, followed);
            changes.readerMoved(reader, roomId); // the reader's open pages, on every node, count afresh
        });
        return ChatResult.done(followed);
    }
}
