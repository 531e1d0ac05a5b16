package org.dateline.chats;

import java.util.Optional;

import org.dateline.chats.internal.ChatThrottle;
import org.dateline.chats.internal.JdbcMessages;
import org.dateline.chats.internal.JdbcModeration;
import org.dateline.chats.internal.JdbcRooms;
import org.dateline.chats.internal.Participants;
import org.springframework.stereotype.Component;

/** A reader reports another reader's message to the moderators. Reporting twice counts once. */
@Component
public class ReportMessage {

    private final Participants participants;
    private final JdbcRooms rooms;
    private final JdbcMessages messages;
    private final JdbcModeration moderation;
    private final ChatPolicy policy;
    private final ChatThrottle throttle;

    ReportMessage(Participants participants, JdbcRooms rooms, JdbcMessages messages, JdbcModeration moderation,
                  ChatPolicy policy,
                  ChatThrottle throttle) {
        this.participants = participants;
        this.rooms = rooms;
        this.messages = messages;
        this.moderation = moderation;
        this.policy = policy;
        this.throttle = throttle;
    }

    /** Done with true when this report is new, false when the reader had reported the message before. */
    public ChatResult<Boolean> report(long messageId, String reason, String address) {
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
        Optional<Refusal> refusal = policy.report(who, room.get(), message.get());
        if (refusal.isPresent()) {
            return ChatResult.refused(refusal.get(), who);
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 500 || MessageText.check(why) instanceof MessageText.Invalid) {
            return ChatResult.refused(Refusal.INVALID_REPORT);
        }
        if (!throttle.tryAcquire(ChatThrottle.Action.REPORT, who.accountId(), false, address)) {
            return ChatResult.refused(Refusal.RATE_LIMITED);
        }
        return ChatResult.done(moderation.report(messageId, who.accountId(), why));
    }
}
