package org.dateline.chats;

import java.util.Optional;

import org.dateline.changes.ChangeKinds;
import org.dateline.chats.internal.ChatChanges;
import org.dateline.chats.internal.JdbcMessages;
import org.dateline.chats.internal.JdbcModeration;
import org.dateline.chats.internal.JdbcRooms;
import org.dateline.chats.internal.Participants;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The author deletes their message within the edit window, or a moderator deletes any message. */
@Component
public class DeleteMessage {

    private final Participants participants;
    private final JdbcRooms rooms;
    private final JdbcMessages messages;
    private final ChatPolicy policy;
    private final ChatChanges changes;
    private final JdbcModeration moderation;
    private final TransactionTemplate transaction;

    DeleteMessage(Participants participants, JdbcRooms rooms, JdbcMessages messages, ChatPolicy policy,
                  ChatChanges changes,
                  JdbcModeration moderation, PlatformTransactionManager transactions) {
        this.participants = participants;
        this.rooms = rooms;
        this.messages = messages;
        this.moderation = moderation;
        this.policy = policy;
        this.changes = changes;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Done with the id of the deleted message. */
    public ChatResult<Long> delete(long messageId) {
        Optional<Participant> current = participants.current();
        if (current.isEmpty()) {
            return ChatResult.refused(Refusal.LOGIN_REQUIRED);
        }
        Optional<Message> message = messages.findMessage(messageId);
        Optional<Room> room = message.flatMap(m -> rooms.room(m.roomId()));
        if (message.isEmpty() || room.isEmpty()) {
            return ChatResult.refused(Refusal.MESSAGE_NOT_FOUND);
        }
        Participant who = participants.in(current.get(), room.get().id());
        Optional<Refusal> refusal = policy.delete(who, room.get(), message.get());
        if (refusal.isPresent()) {
            return ChatResult.refused(refusal.get(), who);
        }
        transaction.executeWithoutResult(status -> {
            messages.remove(messageId, MessageState.DELETED);
            if (message.get().authorId() != who.accountId()) {
                // a moderator's deletion of someone else's words goes on the record
                moderation.resolveReports(messageId, who.accountId(), "deleted");
                moderation.log(who.accountId(), "delete", room.get().id(), messageId,
                        message.get().authorId(), "");
            }
            changes.append(ChangeKinds.CHAT_DELETED, room.get(), messageId);
        });
        return ChatResult.done(messageId);
    }
}
