package org.dateline.chats;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.dateline.identity.Role;

/**
 * Who may do what in chats: the one place these rules live (STYLE: one policy per aggregate). Pure: the use cases
 * load the facts and ask; an empty answer means allowed. A null participant is an anonymous reader.
 */
public final class ChatPolicy {

    /** How long authors may change or delete their own message. */
    public static final Duration EDIT_WINDOW = Duration.ofMinutes(5);
    /** Accounts younger than this are slowed down (fewer messages per minute). */
    public static final Duration NEW_ACCOUNT = Duration.ofHours(24);

    private final Clock clock;

    public ChatPolicy(Clock clock) {
        this.clock = clock;
    }

    /** Moderators, editors and administrators keep order in every room. */
    public static boolean moderates(Role role) {
        return role == Role.MODERATOR || role == Role.EDITOR || role == Role.ADMIN;
    }

    /** A room can be read while its article is live (topic rooms always). */
    public Optional<Refusal> read(Room room) {
        return room.articleRemoved() ? Optional.of(Refusal.ARTICLE_REMOVED) : Optional.empty();
    }

    public Optional<Refusal> post(Participant who, Room room) {
        return read(room).or(() -> standing(who)).or(() -> open(room));
    }

    /** Authors change their own visible message within the edit window; nobody changes another's words. */
    public Optional<Refusal> edit(Participant who, Room room, Message message) {
        Optional<Refusal> basic = read(room).or(() -> standing(who)).or(() -> open(room)).or(() -> exists(message));
        if (basic.isPresent()) {
            return basic;
        }
        if (message.authorId() != who.accountId()) {
            return Optional.of(Refusal.NOT_ALLOWED);
        }
        return withinWindow(message);
    }

    /**
     * Authors delete their own message within the edit window; moderators delete any message at any time, held and
     * hidden ones included.
     */
    public Optional<Refusal> delete(Participant who, Room room, Message message) {
        Optional<Refusal> present = read(room).or(() -> present(who));
        if (present.isPresent()) {
            return present;
        }
        if (moderates(who.role())) {
            return message.state() == MessageState.DELETED ? Optional.of(Refusal.MESSAGE_NOT_FOUND) : Optional.empty();
        }
        Optional<Refusal> basic = exists(message);
        if (basic.isPresent()) {
            return basic;
        }
        if (message.authorId() != who.accountId()) {
            return Optional.of(Refusal.NOT_ALLOWED);
        }
        return standing(who).or(() -> withinWindow(message));
    }

    /** Only moderators hide messages (moderation queue, next round). */
    public Optional<Refusal> hide(Participant who, Message message) {
        return present(who).or(() -> exists(message))
                .or(() -> moderates(who.role()) ? Optional.empty() : Optional.of(Refusal.NOT_ALLOWED));
    }

    /** Any reader in good standing reacts to a visible message of an open room, their own included. */
    public Optional<Refusal> react(Participant who, Room room, Message message) {
        return read(room).or(() -> standing(who)).or(() -> open(room)).or(() -> exists(message));
    }

    /** Marking a room read needs only a logged-in, active account. */
    public Optional<Refusal> markRead(Participant who, Room room) {
        return read(room).or(() -> present(who));
    }

    public Optional<Refusal> createTopicRoom(Participant who) {
        return present(who).or(() -> moderates(who.role()) ? Optional.empty() : Optional.of(Refusal.NOT_ALLOWED));
    }

    /** Moderators ban readers (and contributors), never another moderator, editor or administrator, nor themselves. */
    public Optional<Refusal> ban(Participant who, Participant target) {
        return present(who)
                .or(() -> moderates(who.role()) ? Optional.empty() : Optional.of(Refusal.NOT_ALLOWED))
                .or(() -> target == null ? Optional.of(Refusal.ACCOUNT_NOT_FOUND) : Optional.empty())
                .or(() -> target.accountId() == who.accountId() || moderates(target.role())
                        ? Optional.of(Refusal.NOT_ALLOWED) : Optional.empty());
    }

    /** Moderators close a room to new messages, open it again, work the reports queue and hide messages. */
    public Optional<Refusal> moderate(Participant who) {
        return present(who).or(() -> moderates(who.role()) ? Optional.empty() : Optional.of(Refusal.NOT_ALLOWED));
    }

    /** Readers in good standing report others' visible messages (their own they can delete). */
    public Optional<Refusal> report(Participant who, Room room, Message message) {
        return read(room).or(() -> standing(who)).or(() -> exists(message))
                .or(() -> message.authorId() == who.accountId() ? Optional.of(Refusal.NOT_ALLOWED) : Optional.empty());
    }

    /** Slow mode: a reader waits between two messages in the room; moderators never wait. */
    public Optional<Refusal> pace(Participant who, Room room, Instant lastPostedAt) {
        if (room.slowModeSeconds() <= 0 || moderates(who.role()) || lastPostedAt == null) {
            return Optional.empty();
        }
        boolean tooSoon = clock.instant().isBefore(lastPostedAt.plusSeconds(room.slowModeSeconds()));
        return tooSoon ? Optional.of(Refusal.SLOW_MODE) : Optional.empty();
    }

    /**
     * Whether a new message waits for a moderator before anyone sees it: every reader's message in a pre-moderated
     * room, and any message with a banned word. A moderator's own message never waits.
     */
    public boolean holdsForReview(Participant who, Room room, boolean hasBannedWord) {
        return !moderates(who.role()) && (room.premoderated() || hasBannedWord);
    }

    /** Whether a suspect word in the message sends it to the moderation queue: not for a moderator's own. */
    public boolean flagsForReview(Participant who) {
        return !moderates(who.role());
    }

    /** Brand-new accounts get a smaller message allowance. */
    public boolean isNewAccount(Participant who) {
        return who.createdAt().isAfter(clock.instant().minus(NEW_ACCOUNT));
    }

    private static Optional<Refusal> present(Participant who) {
        if (who == null) {
            return Optional.of(Refusal.LOGIN_REQUIRED);
        }
        return who.active() ? Optional.empty() : Optional.of(Refusal.ACCOUNT_INACTIVE);
    }

    private static Optional<Refusal> standing(Participant who) {
        return present(who).or(() -> who.banned() ? Optional.of(Refusal.BANNED) : Optional.empty());
    }

    private static Optional<Refusal> open(Room room) {
        return room.state() == RoomState.OPEN ? Optional.empty() : Optional.of(Refusal.ROOM_READ_ONLY);
    }

    private static Optional<Refusal> exists(Message message) {
        return message.state() == MessageState.VISIBLE ? Optional.empty() : Optional.of(Refusal.MESSAGE_NOT_FOUND);
    }

    private Optional<Refusal> withinWindow(Message message) {
        boolean within = !clock.instant().isAfter(message.createdAt().plus(EDIT_WINDOW));
        return within ? Optional.empty() : Optional.of(Refusal.EDIT_WINDOW_CLOSED);
    }
}
