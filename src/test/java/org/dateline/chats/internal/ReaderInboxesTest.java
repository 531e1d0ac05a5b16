package org.dateline.chats.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.dateline.changes.Change;
import org.dateline.changes.ChangeKinds;
import org.dateline.chats.ChatKeys;
import org.dateline.chats.ChatQueries;
import org.dateline.chats.MessageState;
import org.dateline.chats.MessageView;
import org.dateline.chats.ReaderRoom;
import org.dateline.chats.Room;
import org.dateline.chats.RoomKind;
import org.dateline.chats.RoomState;
import org.junit.jupiter.api.Test;
import org.springframework.web.socket.WebSocketSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dateline.chats.internal.ChatSocketsTest.AT;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The frames of a reader's unread counts to the byte, without Spring: the answer to {@code inbox}, the
 * {@code unread} frames of a header and of the chats page, and a ban's notice. The expected texts are what the server
 * sent before its frames became records.
 */
class ReaderInboxesTest {

    private final JdbcRooms rooms = mock(JdbcRooms.class);
    private final JdbcMemberships memberships = mock(JdbcMemberships.class);
    private final RoomLinks links = mock(RoomLinks.class);
    private final ChatQueries queries = mock(ChatQueries.class);
    private final JdbcModeration moderation = mock(JdbcModeration.class);
    private final ReaderInboxes inboxes = new ReaderInboxes(rooms, memberships, links, queries,
            new ChatProtocol(ChatSocketsTest.JSON),
            moderation);

    private static ReaderRoom followed(long roomId, long unread) {
        return new ReaderRoom(roomId, RoomKind.ARTICLE, "en", "A story", "/en/a#chat", 10, AT, 2, unread, "Bob",
                "Hello");
    }

    private record Socket(Subscriber subscriber, List<String> received) {
    }

    private static Socket socket() {
        List<String> received = new ArrayList<>();
        WebSocketSession session = RecordingSessions.recording(received, new java.util.HashMap<>());
        return new Socket(new Subscriber(session, 0), received);
    }

    private static Change change(long position, String kind, long subject, String... keys) {
        return new Change(position, AT, kind, "en", subject, Set.of(keys));
    }

    @Test
    void answersAHeadersInboxWithTheTotalAlone() {
        when(queries.roomsOf(3)).thenReturn(List.of(followed(7, 3), followed(8, 2)));
        Socket header = socket();
        inboxes.watch(header.subscriber(), 3, false);
        assertThat(header.received()).containsExactly("{\"type\":\"inbox\",\"total\":5}");
    }

    @Test
    void answersTheChatsPagesInboxWithEachRoomsCount() {
        when(queries.roomsOf(3)).thenReturn(List.of(followed(7, 3), followed(8, 0)));
        Socket page = socket();
        inboxes.watch(page.subscriber(), 3, true);
        assertThat(page.received()).containsExactly("{\"type\":\"inbox\",\"total\":3,"
                + "\"rooms\":[{\"room\":7,\"unread\":3},{\"room\":8,\"unread\":0}]}");
    }

    @Test
    void tellsAHeaderItsNewTotalAndThePageTheRoomWithItsLastMessage() {
        when(queries.roomsOf(3)).thenReturn(List.of(followed(7, 3)));
        Socket header = socket();
        Socket page = socket();
        inboxes.watch(header.subscriber(), 3, false);
        inboxes.watch(page.subscriber(), 3, true);
        header.received().clear();
        page.received().clear();
        MessageView message = new MessageView(11, 7, "en", 4, "Bob", "Look at this", "<p>Look at this</p>", null,
                AT, null, Map.of(), "/en/chat/m/11", MessageState.VISIBLE);
        when(memberships.unreadIn(eq(7L), anyCollection())).thenReturn(Map.of(3L, 4L));
        inboxes.onChange(change(50, ChangeKinds.CHAT_MESSAGE, 11, ChatKeys.room(7)), () -> Optional.of(message));
        inboxes.flush();
        assertThat(header.received()).containsExactly("{\"type\":\"unread\",\"total\":4}");
        assertThat(page.received()).containsExactly("{\"type\":\"unread\",\"total\":4,\"rooms\":[{\"room\":7,"
                + "\"unread\":4,\"last\":{\"id\":11,\"author\":\"Bob\",\"text\":\"Look at this\","
                + "\"at\":\"2026-11-02T10:15:30.120Z\"}}]}");
    }

    @Test
    void tellsThePageOfARoomNoLongerFollowedAndOfOneNewlyFollowed() {
        when(queries.roomsOf(3)).thenReturn(List.of(followed(7, 3)));
        Socket page = socket();
        inboxes.watch(page.subscriber(), 3, true);
        page.received().clear();
        when(memberships.unreadIn(eq(7L), anyCollection())).thenReturn(Map.of());
        Room topic = new Room(9, RoomKind.TOPIC, "en", null, "budget", "Budget", RoomState.OPEN, 12, AT, 0, false,
                false);
        when(memberships.unreadIn(eq(9L), anyCollection())).thenReturn(Map.of(3L, 1L));
        when(rooms.room(9)).thenReturn(Optional.of(topic));
        when(links.link(topic)).thenReturn(Optional.of(new RoomLinks.RoomLink("Budget", "/en/chat/budget#chat")));
        inboxes.onChange(change(51, ChangeKinds.CHAT_READ, 7, ChatKeys.reader(3)), Optional::empty);
        inboxes.onChange(change(52, ChangeKinds.CHAT_READ, 9, ChatKeys.reader(3)), Optional::empty);
        inboxes.flush();
        assertThat(page.received()).containsExactly("{\"type\":\"unread\",\"total\":1,\"rooms\":["
                + "{\"room\":7,\"unread\":0,\"followed\":false},"
                + "{\"room\":9,\"unread\":1,\"title\":\"Budget\",\"url\":\"/en/chat/budget#chat\","
                + "\"at\":\"2026-11-02T10:15:30.120Z\"}]}");
    }

    @Test
    void tellsABannedReadersSocketsOfTheBanAndItsEnd() {
        when(queries.roomsOf(3)).thenReturn(List.of());
        Socket header = socket();
        inboxes.watch(header.subscriber(), 3, false);
        header.received().clear();
        when(moderation.banNotice(1)).thenReturn(Optional.of(new JdbcModeration.BanNotice(3, 7L,
                Instant.parse("2026-11-03T10:00:00Z"), false)));
        when(moderation.banNotice(2)).thenReturn(Optional.of(new JdbcModeration.BanNotice(3, null, null, true)));
        inboxes.onChange(change(53, ChangeKinds.CHAT_BAN, 1, ChatKeys.reader(3)), Optional::empty);
        inboxes.onChange(change(54, ChangeKinds.CHAT_BAN, 2, ChatKeys.reader(3)), Optional::empty);
        assertThat(header.received()).containsExactly(
                "{\"type\":\"ban\",\"room\":7,\"until\":\"2026-11-03T10:00:00Z\",\"lifted\":false}",
                "{\"type\":\"ban\",\"lifted\":true}");
    }
}
