package org.dateline.chats;

import java.time.Duration;
import java.time.Instant;

import org.dateline.identity.Role;
import org.dateline.testing.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChatPolicyTest {

    private final Instant start = Instant.parse("2026-11-20T12:00:00Z");
    private final MutableClock clock = new MutableClock(start);
    private final ChatPolicy policy = new ChatPolicy(clock);

    private final Room open = room(RoomState.OPEN, false);
    private final Participant reader = participant(10, Role.READER);
    private final Participant other = participant(11, Role.READER);
    private final Participant moderator = participant(12, Role.MODERATOR);

    @Test
    void activeReaderPostsInAnOpenRoom() {
        assertThat(policy.post(reader, open)).isEmpty();
    }

    @Test
    void staffPostToo() {
        assertThat(policy.post(participant(13, Role.CONTRIBUTOR), open)).isEmpty();
        assertThat(policy.post(moderator, open)).isEmpty();
    }

    @Test
    void anonymousReaderMustLogIn() {
        assertThat(policy.post(null, open)).contains(Refusal.LOGIN_REQUIRED);
        assertThat(policy.react(null, open, message(reader, start))).contains(Refusal.LOGIN_REQUIRED);
    }

    @Test
    void deactivatedAccountCannotPost() {
        Participant inactive = new Participant(20, "Gone", Role.READER, false, null, start.minus(Duration.ofDays(9)));
        assertThat(policy.post(inactive, open)).contains(Refusal.ACCOUNT_INACTIVE);
    }

    @Test
    void bannedReaderCannotPostOrReact() {
        Participant banned = new Participant(21, "Troll", Role.READER, true, new BanInForce(null, null),
                start.minus(Duration.ofDays(9)));
        assertThat(policy.post(banned, open)).contains(Refusal.BANNED);
        assertThat(policy.react(banned, open, message(reader, start))).contains(Refusal.BANNED);
    }

    @Test
    void readOnlyRoomTakesNoMessagesNorReactions() {
        Room closed = room(RoomState.READ_ONLY, false);
        assertThat(policy.post(reader, closed)).contains(Refusal.ROOM_READ_ONLY);
        assertThat(policy.react(reader, closed, message(other, start))).contains(Refusal.ROOM_READ_ONLY);
        assertThat(policy.read(closed)).isEmpty();
    }

    @Test
    void roomOfARemovedArticleIsGoneForEveryone() {
        Room gone = room(RoomState.OPEN, true);
        assertThat(policy.read(gone)).contains(Refusal.ARTICLE_REMOVED);
        assertThat(policy.post(reader, gone)).contains(Refusal.ARTICLE_REMOVED);
        assertThat(policy.post(null, gone)).contains(Refusal.ARTICLE_REMOVED);
        assertThat(policy.delete(moderator, gone, message(reader, start))).contains(Refusal.ARTICLE_REMOVED);
    }

    @Test
    void authorEditsOwnMessageWithinTheWindowOnly() {
        Message mine = message(reader, start);
        assertThat(policy.edit(reader, open, mine)).isEmpty();
        clock.advance(ChatPolicy.EDIT_WINDOW);
        assertThat(policy.edit(reader, open, mine)).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(policy.edit(reader, open, mine)).contains(Refusal.EDIT_WINDOW_CLOSED);
    }

    @Test
    void nobodyEditsAnotherReadersWordsNotEvenAModerator() {
        Message theirs = message(other, start);
        assertThat(policy.edit(reader, open, theirs)).contains(Refusal.NOT_ALLOWED);
        assertThat(policy.edit(moderator, open, theirs)).contains(Refusal.NOT_ALLOWED);
    }

    @Test
    void authorDeletesOwnMessageWithinTheWindowOnly() {
        Message mine = message(reader, start);
        assertThat(policy.delete(reader, open, mine)).isEmpty();
        clock.advance(ChatPolicy.EDIT_WINDOW.plusSeconds(1));
        assertThat(policy.delete(reader, open, mine)).contains(Refusal.EDIT_WINDOW_CLOSED);
    }

    @Test
    void readerCannotDeleteAnotherReadersMessage() {
        assertThat(policy.delete(reader, open, message(other, start))).contains(Refusal.NOT_ALLOWED);
    }

    @Test
    void moderatorsEditorsAndAdminsDeleteAndHideAnyMessageAtAnyTime() {
        Message old = message(other, start.minus(Duration.ofDays(3)));
        for (Role role : new Role[] {Role.MODERATOR, Role.EDITOR, Role.ADMIN}) {
            Participant staff = participant(30, role);
            assertThat(policy.delete(staff, open, old)).isEmpty();
            assertThat(policy.delete(staff, room(RoomState.READ_ONLY, false), old)).isEmpty();
            assertThat(policy.hide(staff, old)).isEmpty();
        }
        assertThat(policy.hide(reader, old)).contains(Refusal.NOT_ALLOWED);
        assertThat(policy.hide(participant(31, Role.CONTRIBUTOR), old)).contains(Refusal.NOT_ALLOWED);
    }

    @Test
    void deletedOrHiddenMessagesCannotBeEditedOrReactedTo() {
        for (MessageState state : new MessageState[] {MessageState.DELETED, MessageState.HIDDEN, MessageState.HELD}) {
            Message gone = new Message(5, open.id(), reader.accountId(), "text", null, state, start, null, start);
            assertThat(policy.edit(reader, open, gone)).contains(Refusal.MESSAGE_NOT_FOUND);
            assertThat(policy.react(other, open, gone)).contains(Refusal.MESSAGE_NOT_FOUND);
            assertThat(policy.delete(reader, open, gone)).contains(Refusal.MESSAGE_NOT_FOUND);
        }
    }

    @Test
    void moderatorsDeleteHeldAndHiddenMessagesButNotDeletedOnes() {
        for (MessageState state : new MessageState[] {MessageState.HELD, MessageState.HIDDEN}) {
            Message waiting = new Message(6, open.id(), reader.accountId(), "text", null, state, start, null, null);
            assertThat(policy.delete(moderator, open, waiting)).isEmpty();
        }
        Message deleted = new Message(7, open.id(), reader.accountId(), "text", null, MessageState.DELETED, start,
                null, start);
        assertThat(policy.delete(moderator, open, deleted)).contains(Refusal.MESSAGE_NOT_FOUND);
    }

    @Test
    void readersReactToVisibleMessagesTheirOwnIncluded() {
        assertThat(policy.react(reader, open, message(other, start))).isEmpty();
        assertThat(policy.react(reader, open, message(reader, start))).isEmpty();
    }

    @Test
    void onlyModeratorsEditorsAndAdminsOpenTopicRooms() {
        assertThat(policy.createTopicRoom(moderator)).isEmpty();
        assertThat(policy.createTopicRoom(participant(40, Role.EDITOR))).isEmpty();
        assertThat(policy.createTopicRoom(participant(41, Role.ADMIN))).isEmpty();
        assertThat(policy.createTopicRoom(reader)).contains(Refusal.NOT_ALLOWED);
        assertThat(policy.createTopicRoom(participant(42, Role.CONTRIBUTOR))).contains(Refusal.NOT_ALLOWED);
        assertThat(policy.createTopicRoom(null)).contains(Refusal.LOGIN_REQUIRED);
    }

    @Test
    void accountsYoungerThanADayAreNew() {
        Participant fresh = new Participant(50, "New", Role.READER, true, null, start.minus(Duration.ofHours(23)));
        assertThat(policy.isNewAccount(fresh)).isTrue();
        assertThat(policy.isNewAccount(reader)).isFalse();
    }

    @Test
    void markingReadNeedsAnActiveAccountOnly() {
        assertThat(policy.markRead(reader, room(RoomState.READ_ONLY, false))).isEmpty();
        assertThat(policy.markRead(null, open)).contains(Refusal.LOGIN_REQUIRED);
    }

    @Test
    void moderatorsBanReadersButNeverStaffWhoModerateNorThemselves() {
        assertThat(policy.ban(moderator, reader)).isEmpty();
        assertThat(policy.ban(moderator, participant(60, Role.CONTRIBUTOR))).isEmpty();
        assertThat(policy.ban(moderator, participant(61, Role.EDITOR))).contains(Refusal.NOT_ALLOWED);
        assertThat(policy.ban(participant(62, Role.ADMIN), moderator)).contains(Refusal.NOT_ALLOWED);
        assertThat(policy.ban(moderator, moderator)).contains(Refusal.NOT_ALLOWED);
        assertThat(policy.ban(reader, other)).contains(Refusal.NOT_ALLOWED);
        assertThat(policy.ban(moderator, null)).contains(Refusal.ACCOUNT_NOT_FOUND);
        assertThat(policy.ban(null, reader)).contains(Refusal.LOGIN_REQUIRED);
    }

    @Test
    void onlyModeratorsWorkTheQueueAndCloseRooms() {
        assertThat(policy.moderate(moderator)).isEmpty();
        assertThat(policy.moderate(participant(63, Role.EDITOR))).isEmpty();
        assertThat(policy.moderate(reader)).contains(Refusal.NOT_ALLOWED);
        assertThat(policy.moderate(participant(64, Role.CONTRIBUTOR))).contains(Refusal.NOT_ALLOWED);
        assertThat(policy.moderate(null)).contains(Refusal.LOGIN_REQUIRED);
    }

    @Test
    void readersReportOthersVisibleMessagesNotTheirOwn() {
        assertThat(policy.report(reader, open, message(other, start))).isEmpty();
        assertThat(policy.report(reader, open, message(reader, start))).contains(Refusal.NOT_ALLOWED);
        assertThat(policy.report(reader, room(RoomState.READ_ONLY, false), message(other, start))).isEmpty();
        Participant banned = new Participant(65, "Troll", Role.READER, true, new BanInForce(null, null),
                start.minus(Duration.ofDays(9)));
        assertThat(policy.report(banned, open, message(other, start))).contains(Refusal.BANNED);
        assertThat(policy.report(null, open, message(other, start))).contains(Refusal.LOGIN_REQUIRED);
    }

    @Test
    void slowModeMakesReadersWaitButNotModerators() {
        Room slow = new Room(1, RoomKind.TOPIC, "en", null, "t", "T", RoomState.OPEN, 0, start, 30, false, false);
        assertThat(policy.pace(reader, slow, null)).isEmpty();
        assertThat(policy.pace(reader, slow, start.minusSeconds(10))).contains(Refusal.SLOW_MODE);
        assertThat(policy.pace(moderator, slow, start.minusSeconds(10))).isEmpty();
        assertThat(policy.pace(reader, slow, start.minusSeconds(30))).isEmpty();
        assertThat(policy.pace(reader, open, start)).isEmpty();
    }

    @Test
    void premoderatedRoomsAndBannedWordsHoldReadersMessagesNotModerators() {
        Room premoderated = new Room(1, RoomKind.TOPIC, "en", null, "t", "T", RoomState.OPEN, 0, start, 0, true, false);
        assertThat(policy.holdsForReview(reader, premoderated, false)).isTrue();
        assertThat(policy.holdsForReview(reader, open, true)).isTrue();
        assertThat(policy.holdsForReview(reader, open, false)).isFalse();
        assertThat(policy.holdsForReview(moderator, premoderated, true)).isFalse();
    }

    private Participant participant(long id, Role role) {
        return new Participant(id, "Reader " + id, role, true, null, start.minus(Duration.ofDays(30)));
    }

    private Room room(RoomState state, boolean removed) {
        return new Room(1, RoomKind.ARTICLE, "en", 42L, null, "Headline", state, 0, start, 0, false, removed);
    }

    private Message message(Participant author, Instant at) {
        return new Message(7, 1, author.accountId(), "Hello", null, MessageState.VISIBLE, at, null, null);
    }
}
