package org.dateline.chats;

import java.util.Optional;

import org.dateline.chats.internal.JdbcChats;
import org.dateline.chats.internal.Participants;
import org.dateline.chats.internal.ReaderInboxes;
import org.springframework.stereotype.Component;

/** A reader follows a room (it appears among their rooms with its unread count) or stops following it. */
@Component
public class FollowRoom {

    private final Participants participants;
    private final JdbcChats chats;
    private final ChatPolicy policy;
    private final ReaderInboxes inboxes;

    FollowRoom(Participants participants, JdbcChats chats, ChatPolicy policy, ReaderInboxes inboxes) {
        this.participants = participants;
        this.chats = chats;
        this.policy = policy;
        this.inboxes = inboxes;
    }

    /** Done with whether the reader follows the room now. */
    public ChatResult<Boolean> follow(long roomId, boolean followed) {
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
        chats.setFollowed(who.get().accountId(), roomId, followed);
        inboxes.readerMoved(who.get().accountId(), roomId); // the reader's open pages here count afresh
        return ChatResult.done(followed);
    }
}
