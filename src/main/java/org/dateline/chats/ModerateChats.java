package org.dateline.chats;

import java.time.Duration;
import java.time.Clock;
import java.util.List;
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

/**
 * What moderators (and editors and administrators) do: hide a message, close or reopen a room, set its rules, rename
 * a topic room, ban and unban a reader, work the reports queue, watch words. Each action is checked by {@link ChatPolicy} and written to the audit log in the
 * transaction that does it; what readers see changes through the change log like any chat change.
 */
@Component
public class ModerateChats {

    /** The longest timed ban; longer ones are open-ended. */
    public static final Duration LONGEST_BAN = Duration.ofDays(365);

    private final Participants participants;
    private final JdbcRooms rooms;
    private final JdbcMessages messages;
    private final JdbcModeration moderation;
    private final ChatPolicy policy;
    private final ChatChanges changes;
    private final Clock clock;
    private final TransactionTemplate transaction;

    ModerateChats(Participants participants, JdbcRooms rooms, JdbcMessages messages, JdbcModeration moderation,
                  ChatPolicy policy,
                  ChatChanges changes, Clock clock, PlatformTransactionManager transactions) {
        this.participants = participants;
        this.rooms = rooms;
        this.messages = messages;
        this.moderation = moderation;
        this.policy = policy;
        this.changes = changes;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Takes a message out of view (kept for the record) and closes its open reports. */
    public ChatResult<Long> hide(long messageId, String reason) {
        Optional<Participant> who = participants.current();
        Optional<Message> message = messages.findMessage(messageId);
        Optional<Room> room = message.flatMap(m -> rooms.room(m.roomId()));
        Optional<Refusal> refusal = who.isEmpty() ? Optional.of(Refusal.LOGIN_REQUIRED)
                : message.isEmpty() || room.isEmpty() ? Optional.of(Refusal.MESSAGE_NOT_FOUND)
                : policy.hide(who.get(), message.get());
        if (refusal.isPresent()) {
            return ChatResult.refused(refusal.get());
        }
        transaction.executeWithoutResult(status -> {
            messages.remove(messageId, MessageState.HIDDEN);
            moderation.resolveReports(messageId, who.get().accountId(), "hidden");
            moderation.log(who.get().accountId(), "hide", room.get().id(), messageId, message.get().authorId(),
                    reason);
            changes.append(ChangeKinds.CHAT_DELETED, room.get(), messageId);
        });
        return ChatResult.done(messageId);
    }

    /** Closes all reports of a message without acting on it. */
    public ChatResult<Integer> dismissReports(long messageId) {
        Optional<Participant> who = participants.current();
        Optional<Refusal> refusal = policy.moderate(who.orElse(null));
        if (refusal.isPresent()) {
            return ChatResult.refused(refusal.get());
        }
        Optional<Message> message = messages.findMessage(messageId);
        if (message.isEmpty()) {
            return ChatResult.refused(Refusal.MESSAGE_NOT_FOUND);
        }
        return ChatResult.done(transaction.execute(status -> {
            int resolved = moderation.resolveReports(messageId, who.get().accountId(), "dismissed");
            moderation.log(who.get().accountId(), "dismiss_reports", message.get().roomId(), messageId,
                    message.get().authorId(), resolved + " report(s)");
            return resolved;
        }));
    }

    /** Opens a room to new messages or makes it read-only. */
    public ChatResult<Room> setRoomState(long roomId, String state) {
        return inRoom(roomId, (who, room) -> {
            RoomState target;
            try {
                target = RoomState.valueOf(state == null ? "" : state.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                return ChatResult.refused(Refusal.INVALID_STATE);
            }
            if (target != room.state()) {
                transaction.executeWithoutResult(status -> {
                    rooms.setRoomState(roomId, target);
                    moderation.log(who.accountId(), target == RoomState.OPEN ? "open_room" : "close_room",
                            roomId, null, null, "");
                    changes.append(ChangeKinds.CHAT_ROOM, room, roomId);
                });
            }
            return ChatResult.done(rooms.room(roomId).orElseThrow());
        });
    }

    /**
     * Gives a topic room a new title; its address stays, so links to it keep working. An article's room bears its
     * story's headline and is not renamed.
     */
    public ChatResult<Room> rename(long roomId, String title) {
        return inRoom(roomId, (who, room) -> {
            if (room.kind() != RoomKind.TOPIC) {
                return ChatResult.refused(Refusal.NOT_A_TOPIC);
            }
            Optional<String> name = CreateTopicRoom.title(title);
            if (name.isEmpty()) {
                return ChatResult.refused(Refusal.INVALID_TOPIC);
            }
            if (!name.get().equals(room.title())) {
                // the change evicts the room's page and the edition's list of discussions on every node
                transaction.executeWithoutResult(status -> {
                    rooms.rename(roomId, name.get());
                    moderation.log(who.accountId(), "rename_room", roomId, null, null,
                            room.title() + " \u2192 " + name.get());
                    changes.append(ChangeKinds.CHAT_ROOM, room, roomId);
                });
            }
            return ChatResult.done(rooms.room(roomId).orElseThrow());
        });
    }

    /**
     * Bans a reader from one room or (roomId null) from every room, for a time or (duration null) until lifted.
     * Done with the ban's id.
     */
    public ChatResult<Long> ban(long accountId, Long roomId, Duration duration, String reason) {
        Optional<Participant> who = participants.current();
        Optional<Participant> target = participants.account(accountId);
        Optional<Refusal> refusal = who.isEmpty() ? Optional.of(Refusal.LOGIN_REQUIRED)
                : policy.ban(who.get(), target.orElse(null));
        if (refusal.isPresent()) {
            return ChatResult.refused(refusal.get());
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 500 || (duration != null && (duration.isNegative() || duration.isZero()
                || duration.compareTo(LONGEST_BAN) > 0))) {
            return ChatResult.refused(Refusal.INVALID_BAN);
        }
        if (roomId != null && rooms.room(roomId).isEmpty()) {
            return ChatResult.refused(Refusal.ROOM_NOT_FOUND);
        }
        return ChatResult.done(transaction.execute(status -> {
            long id = moderation.ban(accountId, roomId, why, who.get().accountId(),
                    duration == null ? null : clock.instant().plus(duration));
            moderation.log(who.get().accountId(), "ban", roomId, null, accountId,
                    (duration == null ? "until lifted" : "for " + duration) + ": " + why);
            changes.banChanged(id, accountId); // the reader's open pages learn of it at once
            return id;
        }));
    }

    public ChatResult<Long> lift(long banId) {
        Optional<Participant> who = participants.current();
        Optional<Refusal> refusal = policy.moderate(who.orElse(null));
        if (refusal.isPresent()) {
            return ChatResult.refused(refusal.get());
        }
        Optional<Long> account = moderation.bannedAccount(banId);
        if (account.isEmpty()) {
            return ChatResult.refused(Refusal.NOT_FOUND_BAN);
        }
        transaction.executeWithoutResult(status -> {
            moderation.lift(banId, who.get().accountId());
            moderation.log(who.get().accountId(), "lift_ban", null, null, account.get(), "ban " + banId);
            changes.banChanged(banId, account.get());
        });
        return ChatResult.done(banId);
    }

    /** Lets a held message through (delivered and shown from now on) or rejects it (hidden for good). */
    public ChatResult<Long> review(long messageId, boolean approve) {
        Optional<Participant> who = participants.current();
        Optional<Refusal> refusal = policy.moderate(who.orElse(null));
        if (refusal.isPresent()) {
            return ChatResult.refused(refusal.get());
        }
        Optional<Message> message = messages.findMessage(messageId);
        Optional<Room> room = message.flatMap(m -> rooms.room(m.roomId()));
        if (message.isEmpty() || room.isEmpty() || message.get().state() != MessageState.HELD) {
            return ChatResult.refused(Refusal.NOT_HELD);
        }
        transaction.executeWithoutResult(status -> {
            messages.setState(messageId, approve ? MessageState.VISIBLE : MessageState.HIDDEN);
            moderation.log(who.get().accountId(), approve ? "approve" : "reject", room.get().id(), messageId,
                    message.get().authorId(), "");
            if (approve) {
                rooms.touchRoom(room.get().id(), messageId);
                changes.append(ChangeKinds.CHAT_MESSAGE, room.get(), messageId);
            }
        });
        return ChatResult.done(messageId);
    }

    public ChatResult<List<MessageView>> held() {
        return policy.moderate(participants.current().orElse(null))
                .<ChatResult<List<MessageView>>>map(ChatResult::refused)
                .orElseGet(() -> ChatResult.done(messages.held(100)));
    }

    /** Slow mode: 0 (none) to an hour between a reader's two messages. */
    static boolean validSlowMode(int seconds) {
        return seconds >= 0 && seconds <= 3600;
    }

    /** Slow mode (0 to 3600 seconds) and pre-moderation of a room. */
    public ChatResult<Room> setRules(long roomId, int slowModeSeconds, boolean premoderated) {
        return inRoom(roomId, (who, room) -> {
            if (!validSlowMode(slowModeSeconds)) {
                return ChatResult.refused(Refusal.INVALID_RULES);
            }
            transaction.executeWithoutResult(status -> {
                rooms.setRules(roomId, slowModeSeconds, premoderated);
                moderation.log(who.accountId(), "room_rules", roomId, null, null,
                        "slow mode " + slowModeSeconds + " s, pre-moderation " + (premoderated ? "on" : "off"));
                changes.append(ChangeKinds.CHAT_ROOM, room, roomId); // every node checks posts against the new rules
            });
            return ChatResult.done(rooms.room(roomId).orElseThrow());
        });
    }

    private interface RoomAction {
        ChatResult<Room> apply(Participant who, Room room);
    }

    /** An action of a moderator on a room: refused when the participant does not moderate or there is no such room. */
    private ChatResult<Room> inRoom(long roomId, RoomAction action) {
        Optional<Participant> who = participants.current();
        Optional<Refusal> refusal = policy.moderate(who.orElse(null));
        if (refusal.isPresent()) {
            return ChatResult.refused(refusal.get());
        }
        Optional<Room> room = rooms.room(roomId);
        return room.isEmpty() ? ChatResult.refused(Refusal.ROOM_NOT_FOUND) : action.apply(who.get(), room.get());
    }

    /**
     * Watches a word or phrase in an edition: a banned one holds messages for review, a suspect one puts them in the
     * queue. Done with false if it was watched so already.
     */
    public ChatResult<Boolean> watchWord(String edition, WordKind kind, String word) {
        Optional<Participant> who = participants.current();
        Optional<Refusal> refusal = policy.moderate(who.orElse(null));
        if (refusal.isPresent()) {
            return ChatResult.refused(refusal.get());
        }
        if (edition == null || !moderation.editionExists(edition)) {
            return ChatResult.refused(Refusal.UNKNOWN_EDITION);
        }
        String normal = word == null ? "" : word.strip().toLowerCase(java.util.Locale.ROOT);
        if (kind == null || normal.length() < 2 || normal.length() > 100 || normal.contains("\n")
                || MessageText.check(normal) instanceof MessageText.Invalid) {
            return ChatResult.refused(Refusal.INVALID_WORD);
        }
        return ChatResult.done(transaction.execute(status -> {
            boolean added = moderation.addWord(edition, kind, normal, who.get().accountId());
            if (added) {
                moderation.log(who.get().accountId(), "ban_word", null, null, null,
                        edition + " " + kind.name().toLowerCase(java.util.Locale.ROOT) + ": " + normal);
            }
            return added;
        }));
    }

    /** Stops watching a word. Done with false if there was no such word. */
    public ChatResult<Boolean> unwatchWord(long id) {
        Optional<Participant> who = participants.current();
        Optional<Refusal> refusal = policy.moderate(who.orElse(null));
        if (refusal.isPresent()) {
            return ChatResult.refused(refusal.get());
        }
        return ChatResult.done(Boolean.TRUE.equals(transaction.execute(status -> moderation.removeWord(id)
                .map(word -> {
                    moderation.log(who.get().accountId(), "unban_word", null, null, null, word.edition() + " "
                            + word.kind().name().toLowerCase(java.util.Locale.ROOT) + ": " + word.word());
                    return true;
                }).orElse(false))));
    }

    public ChatResult<List<WatchedWord>> watchedWords() {
        return policy.moderate(participants.current().orElse(null))
                .<ChatResult<List<WatchedWord>>>map(ChatResult::refused)
                .orElseGet(() -> ChatResult.done(moderation.wordList()));
    }

    public ChatResult<List<ReportedMessage>> queue() {
        return policy.moderate(participants.current().orElse(null))
                .<ChatResult<List<ReportedMessage>>>map(ChatResult::refused)
                .orElseGet(() -> ChatResult.done(moderation.openReports()));
    }

    public ChatResult<List<ModerationEntry>> log(Long before, int limit) {
        return policy.moderate(participants.current().orElse(null))
                .<ChatResult<List<ModerationEntry>>>map(ChatResult::refused)
                .orElseGet(() -> ChatResult.done(moderation.logBefore(before == null ? Long.MAX_VALUE : before,
                        limit)));
    }
}
