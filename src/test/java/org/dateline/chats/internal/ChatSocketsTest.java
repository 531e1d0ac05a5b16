package org.dateline.chats.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dateline.changes.Change;
import org.dateline.changes.ChangeKinds;
import org.dateline.chats.ActiveBan;
import org.dateline.chats.ChatKeys;
import org.dateline.chats.ChatResult;
import org.dateline.chats.MessageState;
import org.dateline.chats.MessageView;
import org.dateline.chats.PostMessage;
import org.dateline.chats.Refusal;
import org.dateline.chats.Room;
import org.dateline.chats.RoomKind;
import org.dateline.chats.RoomState;
import org.dateline.content.ContentQueries;
import org.dateline.identity.Account;
import org.dateline.identity.LoginSessions;
import org.dateline.identity.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The socket protocol to the byte, without Spring: client frames in, the exact JSON text of the server's frames out,
 * for every kind of frame (answers, catch-up, live changes, errors). The expected texts are what the server sent
 * before its frames became records.
 */
class ChatSocketsTest {

    /** As the application's mapper is set up ({@code spring.jackson.default-property-inclusion: non_null}). */
    static final JsonMapper JSON = JsonMapper.builder().changeDefaultPropertyInclusion(inclusion -> inclusion
            .withValueInclusion(JsonInclude.Include.NON_NULL).withContentInclusion(JsonInclude.Include.NON_NULL))
            .build();

    static final Instant AT = Instant.parse("2026-11-02T10:15:30.120Z");
    static final MessageView MESSAGE = new MessageView(5, 7, "en", 3, "Alice", "Hi <b>", "<p>Hi &lt;b&gt;</p>", null,
            AT, null, Map.of("like", 2), "/en/chat/m/5", MessageState.VISIBLE);
    static final String MESSAGE_JSON = "{\"id\":5,\"roomId\":7,\"edition\":\"en\",\"authorId\":3,"
            + "\"authorName\":\"Alice\",\"text\":\"Hi <b>\",\"html\":\"<p>Hi &lt;b&gt;</p>\","
            + "\"createdAt\":\"2026-11-02T10:15:30.120Z\",\"reactions\":{\"like\":2},\"permalink\":\"/en/chat/m/5\","
            + "\"state\":\"VISIBLE\"}";
    static final Room OPEN_ROOM = new Room(7, RoomKind.ARTICLE, "en", 42L, null, "A story", RoomState.OPEN, 5, AT, 0,
            false, false);
    static final Account ALICE = new Account(3, "alice@dateline.test", "Alice", Role.READER, true, false, AT, true,
            null, false);

    private final JdbcRooms rooms = mock(JdbcRooms.class);
    private final JdbcMessages messages = mock(JdbcMessages.class);
    private final JdbcReactions reactions = mock(JdbcReactions.class);
    private final ContentQueries content = mock(ContentQueries.class);
    private final ReaderInboxes inboxes = mock(ReaderInboxes.class);
    private final PostMessage posts = mock(PostMessage.class);
    private final LoginSessions logins = mock(LoginSessions.class);
    private ChatSockets sockets;
    private ChatDelivery delivery;

    @BeforeEach
    void setUp() {
        ChatProtocol protocol = new ChatProtocol(JSON);
        SocketRegistry registry = new SocketRegistry(inboxes);
        sockets = new ChatSockets(registry, protocol, rooms, content, new CatchUp(rooms, messages, protocol), inboxes,
                new SocketPosts(posts, logins, protocol));
        delivery = new ChatDelivery(registry, protocol, inboxes, rooms, messages, reactions, new FreshMessages(),
                new ChatSettings(0, 1, ChatSettings.Rate.DEFAULTS));
        when(rooms.room(7)).thenReturn(Optional.of(OPEN_ROOM));
        when(rooms.room(99)).thenReturn(Optional.empty());
    }

    /** A connection that keeps the text of every frame sent to it. */
    private record Client(WebSocketSession session, List<String> received) {
    }

    private Client connect(Long reader) {
        List<String> received = new ArrayList<>();
        Map<String, Object> attributes = new HashMap<>();
        if (reader != null) {
            attributes.put(ChatSocketConfiguration.READER, reader);
            attributes.put(ChatSocketConfiguration.LOGIN_SESSION, "login-1");
            attributes.put(ChatSocketConfiguration.ADDRESS, "192.0.2.1");
        }
        WebSocketSession session = RecordingSessions.recording(received, attributes);
        sockets.afterConnectionEstablished(session);
        return new Client(session, received);
    }

    private List<String> send(Client client, String frame) {
        client.received().clear();
        try {
            sockets.handleMessage(client.session(), new TextMessage(frame));
        } catch (Exception unexpected) {
            throw new AssertionError(unexpected);
        }
        return List.copyOf(client.received());
    }

    private static Change change(long position, String kind, long subject) {
        return new Change(position, AT, kind, "en", subject, Set.of(ChatKeys.room(7), ChatKeys.article(42)));
    }

    // ---- answers to client frames ----

    @Test
    void answersAPingWithAPong() {
        assertThat(send(connect(null), "{\"type\":\"ping\"}")).containsExactly("{\"type\":\"pong\"}");
    }

    @Test
    void refusesAFrameThatIsNotJson() {
        assertThat(send(connect(null), "{\"type\":"))
                .containsExactly("{\"type\":\"error\",\"code\":\"malformed_frame\"}");
    }

    @Test
    void refusesAFrameOfUnknownTypeOrWithoutOne() {
        Client client = connect(null);
        assertThat(send(client, "{\"type\":\"shout\"}"))
                .containsExactly("{\"type\":\"error\",\"code\":\"unknown_type\"}");
        assertThat(send(client, "{\"room\":7}")).containsExactly("{\"type\":\"error\",\"code\":\"unknown_type\"}");
        assertThat(send(client, "[1,2]")).containsExactly("{\"type\":\"error\",\"code\":\"unknown_type\"}");
        assertThat(send(client, "{\"type\":5}")).containsExactly("{\"type\":\"error\",\"code\":\"unknown_type\"}");
    }

    @Test
    void limitsTheSizeOfAClientFrame() {
        Client client = connect(null);
        verify(client.session()).setTextMessageSizeLimit(4096);
    }

    @Test
    void acknowledgesASubscriptionToARoom() {
        assertThat(send(connect(null), "{\"type\":\"subscribe\",\"room\":7}"))
                .containsExactly("{\"type\":\"subscribed\",\"room\":7}");
    }

    @Test
    void refusesASubscriptionToAnUnknownRoomOrArticle() {
        Client client = connect(null);
        assertThat(send(client, "{\"type\":\"subscribe\",\"room\":99}"))
                .containsExactly("{\"type\":\"error\",\"code\":\"room_not_found\",\"room\":99}");
        assertThat(send(client, "{\"type\":\"subscribe\",\"article\":41}"))
                .containsExactly("{\"type\":\"error\",\"code\":\"room_not_found\"}");
        assertThat(send(client, "{\"type\":\"subscribe\"}"))
                .containsExactly("{\"type\":\"error\",\"code\":\"room_not_found\"}");
    }

    @Test
    void readsNumbersGivenAsTextAndIgnoresValuesOfOtherTypes() {
        Client client = connect(null);
        assertThat(send(client, "{\"type\":\"subscribe\",\"room\":\"7\"}"))
                .containsExactly("{\"type\":\"subscribed\",\"room\":7}");
        assertThat(send(client, "{\"type\":\"subscribe\",\"room\":[7]}"))
                .containsExactly("{\"type\":\"error\",\"code\":\"room_not_found\"}");
        assertThat(send(client, "{\"type\":\"subscribe\",\"room\":\"seven\"}"))
                .containsExactly("{\"type\":\"error\",\"code\":\"room_not_found\"}");
        assertThat(send(client, "{\"type\":\"subscribe\",\"room\":true}"))
                .containsExactly("{\"type\":\"error\",\"code\":\"room_not_found\"}");
    }

    @Test
    void acknowledgesASubscriptionToAnArticleWithoutARoomAndSaysItIsInSync() {
        when(content.article(42)).thenReturn(Optional.of(mock(org.dateline.content.Article.class)));
        when(rooms.roomOfArticle(42)).thenReturn(Optional.empty());
        assertThat(send(connect(null), "{\"type\":\"subscribe\",\"article\":42,\"since\":0}")).containsExactly(
                "{\"type\":\"subscribed\",\"article\":42}",
                "{\"type\":\"synced\",\"seq\":0,\"open\":true}");
    }

    @Test
    void catchesUpOnEachKindOfChangeThenSaysItIsInSync() {
        when(rooms.lastChange(7)).thenReturn(13L);
        when(messages.changedSince(7, 10, CatchUp.MAX_CATCH_UP + 1)).thenReturn(List.of(
                new JdbcMessages.ChangedMessage(5, 11L, 11, MESSAGE),
                new JdbcMessages.ChangedMessage(4, 2L, 12, MESSAGE),
                new JdbcMessages.ChangedMessage(3, 1L, 13, null),
                new JdbcMessages.ChangedMessage(8, null, 13, null)));
        assertThat(send(connect(null), "{\"type\":\"subscribe\",\"room\":7,\"since\":10}")).containsExactly(
                "{\"type\":\"subscribed\",\"room\":7}",
                "{\"type\":\"message\",\"room\":7,\"message\":" + MESSAGE_JSON + ",\"seq\":11}",
                "{\"type\":\"changed\",\"room\":7,\"message\":" + MESSAGE_JSON + ",\"seq\":12}",
                "{\"type\":\"deleted\",\"room\":7,\"id\":3,\"seq\":13}",
                "{\"type\":\"synced\",\"room\":7,\"seq\":13,\"open\":true}");
    }

    @Test
    void tellsAClientThatMissedTooMuchToReset() {
        when(rooms.lastChange(7)).thenReturn(500L);
        List<JdbcMessages.ChangedMessage> many = new ArrayList<>();
        for (int i = 0; i <= CatchUp.MAX_CATCH_UP; i++) {
            many.add(new JdbcMessages.ChangedMessage(i + 1, 1L, 300 + i, null));
        }
        when(messages.changedSince(7, 10, CatchUp.MAX_CATCH_UP + 1)).thenReturn(many);
        assertThat(send(connect(null), "{\"type\":\"subscribe\",\"room\":7,\"since\":10}")).containsExactly(
                "{\"type\":\"subscribed\",\"room\":7}",
                "{\"type\":\"synced\",\"room\":7,\"reset\":true,\"seq\":500,\"open\":true}");
    }

    @Test
    void sendsTheMessagesAfterAnIdToAClientOfTheOlderProtocol() {
        when(messages.after(7, 4, CatchUp.MAX_CATCH_UP)).thenReturn(List.of(MESSAGE));
        assertThat(send(connect(null), "{\"type\":\"subscribe\",\"room\":7,\"after\":4}")).containsExactly(
                "{\"type\":\"subscribed\",\"room\":7}",
                "{\"type\":\"message\",\"room\":7,\"message\":" + MESSAGE_JSON + "}");
    }

    @Test
    void refusesMoreSubscriptionsThanTheLimit() {
        Client client = connect(null);
        for (long room = 100; room < 100 + SocketRegistry.MAX_SUBSCRIPTIONS; room++) {
            when(rooms.room(room)).thenReturn(Optional.of(new Room(room, RoomKind.TOPIC, "en", null, "t" + room,
                    "Topic", RoomState.OPEN, 0, AT, 0, false, false)));
            send(client, "{\"type\":\"subscribe\",\"room\":" + room + "}");
        }
        assertThat(send(client, "{\"type\":\"subscribe\",\"room\":7}"))
                .containsExactly("{\"type\":\"error\",\"code\":\"too_many_subscriptions\",\"room\":7}");
        assertThat(send(client, "{\"type\":\"subscribe\",\"room\":100}"))
                .containsExactly("{\"type\":\"subscribed\",\"room\":100}");
    }

    @Test
    void refusesTheInboxOfAnAnonymousConnection() {
        assertThat(send(connect(null), "{\"type\":\"inbox\"}"))
                .containsExactly("{\"type\":\"error\",\"code\":\"login_required\"}");
    }

    @Test
    void watchesTheInboxOfTheReaderTheHandshakeCarried() {
        Client client = connect(3L);
        send(client, "{\"type\":\"inbox\",\"details\":true}");
        verify(inboxes).watch(any(), eq(3L), eq(true));
        send(client, "{\"type\":\"inbox\",\"details\":\"yes\"}");
        verify(inboxes).watch(any(), eq(3L), eq(false));
    }

    // ---- posts ----

    @Test
    void acknowledgesAPostWithTheStoredMessageAndTheClientsRef() {
        when(logins.use("login-1", 3)).thenReturn(Optional.of(ALICE));
        when(posts.postAs(eq(ALICE), any())).thenReturn(ChatResult.done(MESSAGE));
        assertThat(send(connect(3L), "{\"type\":\"post\",\"ref\":\"c1\",\"room\":7,\"body\":\"Hi <b>\"}"))
                .containsExactly("{\"type\":\"posted\",\"ref\":\"c1\",\"message\":" + MESSAGE_JSON + "}");
        verify(posts).postAs(ALICE, new PostMessage.Command(7L, null, "Hi <b>", null, "192.0.2.1"));
    }

    @Test
    void postsUnderAnArticleWithAReplyAndTakesNoBodyThatIsNotText() {
        when(logins.use("login-1", 3)).thenReturn(Optional.of(ALICE));
        when(posts.postAs(eq(ALICE), any())).thenReturn(ChatResult.done(MESSAGE));
        send(connect(3L), "{\"type\":\"post\",\"ref\":\"c2\",\"article\":42,\"body\":12,\"replyTo\":4}");
        verify(posts).postAs(ALICE, new PostMessage.Command(null, 42L, null, 4L, "192.0.2.1"));
    }

    @Test
    void refusesAPostOfAnAnonymousConnection() {
        assertThat(send(connect(null), "{\"type\":\"post\",\"ref\":\"c1\",\"room\":7,\"body\":\"Hi\"}"))
                .containsExactly("{\"type\":\"refused\",\"ref\":\"c1\",\"code\":\"login_required\","
                        + "\"detail\":\"Log in to take part in the discussion.\"}");
    }

    @Test
    void refusesAPostOnceTheLoginSessionIsGoneAndCutsALongRef() {
        when(logins.use("login-1", 3)).thenReturn(Optional.empty());
        String ref = "r".repeat(80);
        assertThat(send(connect(3L), "{\"type\":\"post\",\"ref\":\"" + ref + "\",\"room\":7,\"body\":\"Hi\"}"))
                .containsExactly("{\"type\":\"refused\",\"ref\":\"" + "r".repeat(64) + "\",\"code\":\"login_required\","
                        + "\"detail\":\"Log in to take part in the discussion.\"}");
    }

    @Test
    void refusesAPostOfABannedReaderWithTheBansEnd() {
        when(logins.use("login-1", 3)).thenReturn(Optional.of(ALICE));
        when(posts.postAs(eq(ALICE), any())).thenReturn(ChatResult.refused(Refusal.BANNED));
        when(posts.banOf(anyLong(), any())).thenReturn(Optional.of(new ActiveBan(1, 3, "Alice", null, null, "Rude",
                "Mod", AT, Instant.parse("2026-11-03T10:00:00Z"))));
        assertThat(send(connect(3L), "{\"type\":\"post\",\"room\":7,\"body\":\"Hi\"}"))
                .containsExactly("{\"type\":\"refused\",\"ref\":\"\",\"code\":\"banned\","
                        + "\"detail\":\"You may not post in this room at the moment.\","
                        + "\"bannedUntil\":\"2026-11-03T10:00:00Z\",\"everyRoom\":true}");
    }

    @Test
    void refusesAPostOfAReaderBannedFromTheRoomUntilLifted() {
        when(logins.use("login-1", 3)).thenReturn(Optional.of(ALICE));
        when(posts.postAs(eq(ALICE), any())).thenReturn(ChatResult.refused(Refusal.BANNED));
        when(posts.banOf(anyLong(), any())).thenReturn(Optional.of(new ActiveBan(1, 3, "Alice", 7L, "A story",
                "Rude", "Mod", AT, null)));
        assertThat(send(connect(3L), "{\"type\":\"post\",\"ref\":\"c1\",\"room\":7,\"body\":\"Hi\"}"))
                .containsExactly("{\"type\":\"refused\",\"ref\":\"c1\",\"code\":\"banned\","
                        + "\"detail\":\"You may not post in this room at the moment.\",\"everyRoom\":false}");
    }

    // ---- live changes ----

    private Client subscribedToRoom() {
        Client client = connect(null);
        send(client, "{\"type\":\"subscribe\",\"room\":7}");
        client.received().clear();
        return client;
    }

    @Test
    void deliversANewMessageAnEditAndADeletionWithTheirPositions() {
        Client client = subscribedToRoom();
        when(messages.message(5)).thenReturn(Optional.of(MESSAGE));
        delivery.onChange(change(100, ChangeKinds.CHAT_MESSAGE, 5));
        delivery.onChange(change(101, ChangeKinds.CHAT_EDITED, 5));
        delivery.onChange(change(102, ChangeKinds.CHAT_DELETED, 5));
        assertThat(client.received()).containsExactly(
                "{\"type\":\"message\",\"room\":7,\"message\":" + MESSAGE_JSON + ",\"seq\":100}",
                "{\"type\":\"edited\",\"room\":7,\"message\":" + MESSAGE_JSON + ",\"seq\":101}",
                "{\"type\":\"deleted\",\"room\":7,\"id\":5,\"seq\":102}");
    }

    @Test
    void deliversARoomsStateAndAMessagesReactions() {
        Client client = subscribedToRoom();
        when(rooms.room(7)).thenReturn(Optional.of(new Room(7, RoomKind.ARTICLE, "en", 42L, null, "A story",
                RoomState.READ_ONLY, 5, AT, 0, false, false)));
        when(reactions.reactionCounts(5)).thenReturn(Map.of("love", 1));
        delivery.onChange(new Change(103, AT, ChangeKinds.CHAT_ROOM, "en", 7L, Set.of(ChatKeys.room(7))));
        delivery.onChange(change(104, ChangeKinds.CHAT_REACTION, 5));
        assertThat(client.received()).containsExactly(
                "{\"type\":\"room\",\"room\":7,\"open\":false,\"seq\":103}",
                "{\"type\":\"reactions\",\"room\":7,\"id\":5,\"reactions\":{\"love\":1},\"seq\":104}");
    }

    @Test
    void deliversNothingOfAReadersOwnNewsToTheRoom() {
        Client client = subscribedToRoom();
        delivery.onChange(change(105, ChangeKinds.CHAT_BAN, 1));
        delivery.onChange(change(106, ChangeKinds.CHAT_READ, 7));
        assertThat(client.received()).isEmpty();
    }

    @Test
    void deliversNothingAfterUnsubscribing() {
        Client client = subscribedToRoom();
        send(client, "{\"type\":\"unsubscribe\",\"room\":7}");
        delivery.onChange(change(107, ChangeKinds.CHAT_DELETED, 5));
        assertThat(client.received()).isEmpty();
    }
}
