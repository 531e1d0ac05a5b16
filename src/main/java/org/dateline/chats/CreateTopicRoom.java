package org.dateline.chats;

import java.util.Optional;

import org.dateline.changes.ChangeKinds;
import org.dateline.chats.internal.ChatChanges;
import org.dateline.chats.internal.JdbcRooms;
import org.dateline.chats.internal.Participants;
import org.dateline.editions.Editions;
import org.dateline.shared.Slug;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A moderator, editor or administrator opens a room on a subject in one edition. */
@Component
public class CreateTopicRoom {

    private final Participants participants;
    private final JdbcRooms rooms;
    private final ChatPolicy policy;
    private final Editions editions;
    private final ChatChanges changes;
    private final TransactionTemplate transaction;

    CreateTopicRoom(Participants participants, JdbcRooms rooms, ChatPolicy policy, Editions editions,
                    ChatChanges changes, PlatformTransactionManager transactions) {
        this.participants = participants;
        this.rooms = rooms;
        this.policy = policy;
        this.editions = editions;
        this.changes = changes;
        this.transaction = new TransactionTemplate(transactions);
    }

    public ChatResult<Room> create(String edition, String slug, String title) {
        Optional<Participant> who = participants.current();
        Optional<Refusal> refusal = policy.createTopicRoom(who.orElse(null));
        if (refusal.isPresent()) {
            return ChatResult.refused(refusal.get());
        }
        String name = title == null ? "" : title.strip();
        if (slug == null || !Slug.isValid(slug) || name.isEmpty() || name.length() > 200
                || MessageText.check(name) instanceof MessageText.Invalid || name.contains("\n")) {
            return ChatResult.refused(Refusal.INVALID_TOPIC);
        }
        if (edition == null || editions.find(edition).isEmpty()) {
            return ChatResult.refused(Refusal.UNKNOWN_EDITION);
        }
        if (rooms.topic(edition, slug).isPresent()) {
            return ChatResult.refused(Refusal.SLUG_TAKEN);
        }
        try {
            // the change evicts the edition's list of discussions on every node
            transaction.executeWithoutResult(status -> {
                rooms.insertRoom(RoomKind.TOPIC, edition, null, slug, name, who.get().accountId());
                Room room = rooms.topic(edition, slug).orElseThrow();
                changes.append(ChangeKinds.CHAT_ROOM, room, room.id());
            });
        } catch (DuplicateKeyException raced) {
            return ChatResult.refused(Refusal.SLUG_TAKEN);
        }
        return ChatResult.done(rooms.topic(edition, slug).orElseThrow());
    }
}
