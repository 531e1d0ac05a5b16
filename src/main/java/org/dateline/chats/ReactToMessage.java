package org.dateline.chats;

import java.util.Map;
import java.util.Optional;

import org.dateline.changes.ChangeKinds;
import org.dateline.chats.internal.ChatChanges;
import org.dateline.chats.internal.ChatThrottle;
import org.dateline.chats.internal.JdbcMessages;
import org.dateline.chats.internal.JdbcReactions;
import org.dateline.chats.internal.JdbcRooms;
import org.dateline.chats.internal.Participants;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A reader puts one of six reactions on a message (replacing their earlier one) or takes theirs back. */
@Component
public class ReactToMessage {

    private final Participants participants;
    private final JdbcRooms rooms;
    private final JdbcMessages messages;
    private final JdbcReactions reactions;
    private final ChatPolicy policy;
    private final ChatThrottle throttle;
    private final ChatChanges changes;
    private final TransactionTemplate transaction;

    ReactToMessage(Participants participants, JdbcRooms rooms, JdbcMessages messages, JdbcReactions reactions,
                   ChatPolicy policy, ChatThrottle throttle,
                   ChatChanges changes, PlatformTransactionManager transactions) {
        this.participants = participants;
        this.rooms = rooms;
        this.messages = messages;
        this.reactions = reactions;
        this.policy = policy;
        this.throttle = throttle;
        this.changes = changes;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Done with the message's counts by reaction code. */
    public ChatResult<Map<String, Integer>> react(long messageId, String emoji, String address) {
        Optional<Reaction> reaction = Reaction.parse(emoji);
        return change(messageId, address, reaction.isEmpty() ? Refusal.UNKNOWN_REACTION : null,
                (who, room) -> reactions.react(messageId, who.accountId(), reaction.get()));
    }

    public ChatResult<Map<String, Integer>> withdraw(long messageId, String address) {
        return change(messageId, address, null, (who, room) -> reactions.unreact(messageId, who.accountId()));
    }

    private interface Update {
        boolean apply(Participant who, Room room);
    }

    private ChatResult<Map<String, Integer>> change(long messageId, String address, Refusal invalid, Update update) {
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
        Optional<Refusal> refusal = policy.react(who, room.get(), message.get());
        if (refusal.isPresent()) {
            return ChatResult.refused(refusal.get(), who);
        }
        if (invalid != null) {
            return ChatResult.refused(invalid);
        }
        if (!throttle.tryAcquire(ChatThrottle.Action.REACTION, who.accountId(), false, address)) {
            return ChatResult.refused(Refusal.RATE_LIMITED);
        }
        transaction.executeWithoutResult(status -> {
            if (update.apply(who, room.get())) {
                changes.append(ChangeKinds.CHAT_REACTION, room.get(), messageId);
            }
        });
        return ChatResult.done(reactions.reactionCounts(messageId));
    }
}
