package org.dateline.chats;

import java.util.Optional;

import org.dateline.changes.ChangeKinds;
import org.dateline.chats.internal.ChatChanges;
import org.dateline.chats.internal.JdbcModeration;
import org.dateline.chats.internal.JdbcRooms;
import org.dateline.chats.internal.Participants;
import org.dateline.editions.Editions;
import org.dateline.identity.Account;
import org.dateline.shared.Slug;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A moderator, editor or administrator opens a room on a subject in one edition, with its rules (slow mode,
 * pre-moderation) from the first message on; the audit log records it.
 */
@Component
public class CreateTopicRoom {

    /** The longest title of a topic room, in characters. */
    public static final int MAX_TITLE = 200;

    private final Participants participants;
    private final JdbcRooms rooms;
    private final ChatPolicy policy;
    private final Editions editions;
    private final ChatChanges changes;
    private final JdbcModeration moderation;
    private final TransactionTemplate transaction;

    CreateTopicRoom(Participants participants, JdbcRooms rooms, ChatPolicy policy, Editions editions,
                    ChatChanges changes, JdbcModeration moderation, PlatformTransactionManager transactions) {
        this.participants = participants;
        this.rooms = rooms;
        this.policy = policy;
        this.editions = editions;
        this.changes = changes;
        this.moderation = moderation;
        this.transaction = new TransactionTemplate(transactions);
    }

    public ChatResult<Room> create(String edition, String slug, String title) {
        return create(edition, slug, title, 0, false);
    }

    /** @param slowModeSeconds 0 to 3600, as {@link ModerateChats#setRules} takes it */
    public ChatResult<Room> create(String edition, String slug, String title, int slowModeSeconds,
                                   boolean premoderated) {
        return create(participants.current(), edition, slug, title, slowModeSeconds, premoderated);
    }

    /** An account opens the room outside any request (the demo's community desk): the same checks. */
    public ChatResult<Room> createAs(Account account, String edition, String slug, String title) {
        return create(Optional.of(Participants.of(account)), edition, slug, title, 0, false);
    }

    private ChatResult<Room> create(Optional<Participant> who, String edition, String slug, String title,
                                    int slowModeSeconds, boolean premoderated) {
        Optional<Refusal> refusal = policy.createTopicRoom(who.orElse(null));
        if (refusal.isPresent()) {
            return ChatResult.refused(refusal.get());
        }
        Optional<String> name = title(title);
        if (slug == null || !Slug.isValid(slug) || name.isEmpty()) {
            return ChatResult.refused(Refusal.INVALID_TOPIC);
        }
        if (!ModerateChats.validSlowMode(slowModeSeconds)) {
            return ChatResult.refused(Refusal.INVALID_RULES);
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
                rooms.insertRoom(RoomKind.TOPIC, edition, null, slug, name.get(), who.get().accountId());
                Room room = rooms.topic(edition, slug).orElseThrow();
                if (slowModeSeconds != 0 || premoderated) {
                    rooms.setRules(room.id(), slowModeSeconds, premoderated);
                }
                moderation.log(who.get().accountId(), "create_room", room.id(), null, null, edition + "/" + slug
                        + ": " + name.get() + (premoderated ? ", pre-moderated" : "")
                        + (slowModeSeconds > 0 ? ", slow mode " + slowModeSeconds + " s" : ""));
                changes.append(ChangeKinds.CHAT_ROOM, room, room.id());
            });
        } catch (DuplicateKeyException raced) {
            return ChatResult.refused(Refusal.SLUG_TAKEN);
        }
        return ChatResult.done(rooms.topic(edition, slug).orElseThrow());
    }

    /** A topic room's title as stored: one line of 1 to {@link #MAX_TITLE} characters, trimmed; empty if invalid. */
    static Optional<String> title(String title) {
        String name = title == null ? "" : title.strip();
        boolean valid = !name.isEmpty() && name.length() <= MAX_TITLE && !name.contains("\n")
                && !name.contains("\r") && MessageText.check(name) instanceof MessageText.Valid;
        return valid ? Optional.of(name) : Optional.empty();
    }
}
