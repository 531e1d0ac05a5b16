package org.dateline.chats;

import java.util.Optional;

import org.dateline.changes.ChangeKinds;
import org.dateline.chats.internal.ChatChanges;
import org.dateline.chats.internal.JdbcModeration;
import org.dateline.chats.internal.JdbcRooms;
import org.dateline.chats.internal.Participants;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A moderator gives a topic room a new title (its address stays: links to it keep working). An article's room bears
 * its story's headline and is not renamed.
 */
@Component
public class RenameTopicRoom {

    private final Participants participants;
    private final JdbcRooms rooms;
    private final ChatPolicy policy;
    private final ChatChanges changes;
    private final JdbcModeration moderation;
    private final TransactionTemplate transaction;

    RenameTopicRoom(Participants participants, JdbcRooms rooms, ChatPolicy policy, ChatChanges changes,
                    JdbcModeration moderation, PlatformTransactionManager transactions) {
        this.participants = participants;
        this.rooms = rooms;
        this.policy = policy;
        this.changes = changes;
        this.moderation = moderation;
        this.transaction = new TransactionTemplate(transactions);
    }

    public ChatResult<Room> rename(long roomId, String title) {
        Optional<Participant> who = participants.current();
        Optional<Refusal> refusal = policy.moderate(who.orElse(null));
        if (refusal.isPresent()) {
            return ChatResult.refused(refusal.get());
        }
        Optional<Room> room = rooms.room(roomId);
        if (room.isEmpty()) {
            return ChatResult.refused(Refusal.ROOM_NOT_FOUND);
        }
        if (room.get().kind() != RoomKind.TOPIC) {
            return ChatResult.refused(Refusal.NOT_A_TOPIC);
        }
        Optional<String> name = CreateTopicRoom.title(title);
        if (name.isEmpty()) {
            return ChatResult.refused(Refusal.INVALID_TOPIC);
        }
        if (!name.get().equals(room.get().title())) {
            // the change evicts the room's page and the edition's list of discussions on every node
            transaction.executeWithoutResult(status -> {
                rooms.rename(roomId, name.get());
                moderation.log(who.get().accountId(), "rename_room", roomId, null, null,
                        room.get().title() + " \u2192 " + name.get());
                changes.append(ChangeKinds.CHAT_ROOM, room.get(), roomId);
            });
        }
        return ChatResult.done(rooms.room(roomId).orElseThrow());
    }
}
