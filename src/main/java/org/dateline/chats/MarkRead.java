package org.dateline.chats;

import java.util.Optional;

import org.dateline.chats.internal.JdbcChats;
import org.dateline.chats.internal.Participants;
import org.dateline.chats.internal.ReaderInboxes;
import org.springframework.stereotype.Component;

/** A reader has read a room up to a message: the room is followed and its unread count drops. */
@Component
public class MarkRead {

    private final Participants participants;
    private final JdbcChats chats;
    private final ChatPolicy policy;
    private final ReaderInboxes inboxes;

    MarkRead(Participants participants, JdbcChats chats, ChatPolicy policy, ReaderInboxes inboxes) {
        this.participants = participants;
        this.chats = chats;
        this.policy = policy;
        this.inboxes = inboxes;
    }

    /** Done with the reader's last read message id in the room (never moves backwards, never past the newest). */
    public ChatResult<Long> markRead(long roomId, long lastReadId) {
        Optional<Participant> who = participants.current();
        if (who.isEmpty()) {
            return ChatResult.refused(Refusal.LOGIN_REQUIRED);
        }
        Optional<Room> room = chats.room(roomId);
        if (room.isEmpty()) {
            return ChatResult.refused(Refusal.ROOM_NOT_FOUND);
        }
        Optional<Refusal> refusal = policy.markRead(who.get(), room.get());
        if (refusal.isPresent()) {
            return ChatResult.refused(refusal.get());
        }
        chats.readUpTo(who.get().accountId(), roomId, Math.max(0, Math.min(lastReadId, room.get().lastMessageId())));
        inboxes.readerMoved(who.get().accountId(), roomId); // the reader's open pages here count afresh
        return ChatResult.done(chats.lastReadId(who.get().accountId(), roomId));
    }
}
