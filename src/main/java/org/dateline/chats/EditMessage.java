package org.dateline.chats;

import java.util.Optional;

import org.dateline.changes.ChangeKinds;
import org.dateline.chats.internal.ChatChanges;
import org.dateline.chats.internal.JdbcMessages;
import org.dateline.chats.internal.JdbcRooms;
import org.dateline.chats.internal.Participants;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The author changes the text of their message within the edit window. */
@Component
public class EditMessage {

    private final Participants participants;
    private final JdbcRooms rooms;
    private final JdbcMessages messages;
    private final ChatPolicy policy;
    private final ChatChanges changes;
    private final TransactionTemplate transaction;

    EditMessage(Participants participants, JdbcRooms rooms, JdbcMessages messages, ChatPolicy policy,
                ChatChanges changes,
                PlatformTransactionManager transactions) {
        this.participants = participants;
        this.rooms = rooms;
        this.messages = messages;
        this.policy = policy;
        this.changes = changes;
        this.transaction = new TransactionTemplate(transactions);
    }

    public ChatResult<MessageView> edit(long messageId, String newBody) {
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
        Optional<Refusal> refusal = policy.edit(who, room.get(), message.get());
        if (refusal.isPresent()) {
            return ChatResult.refused(refusal.get(), who);
        }
        MessageText.Checked text = MessageText.check(newBody);
        if (text instanceof MessageText.Invalid invalid) {
            return ChatResult.refused(invalid.reason());
        }
        String body = ((MessageText.Valid) text).text();
        transaction.executeWithoutResult(status -> {
            messages.updateBody(messageId, body);
            changes.append(ChangeKinds.CHAT_EDITED, room.get(), messageId);
        });
        return ChatResult.done(messages.message(messageId).orElseThrow());
    }
}
