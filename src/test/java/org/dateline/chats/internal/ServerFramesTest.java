package org.dateline.chats.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.dateline.chats.BanInForce;
import org.dateline.chats.MessageState;
import org.dateline.chats.MessageView;
import org.dateline.chats.Quote;
import org.dateline.chats.Refusal;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dateline.chats.internal.Frames.AT;
import static org.dateline.chats.internal.Frames.MESSAGE;
import static org.dateline.chats.internal.Frames.MESSAGE_JSON;

/**
 * Each server frame's JSON text, field for field and in order, as the socket sent it when its frames were built as
 * maps (the browser's script and the benchmark's client read them; the benchmark compares the first bytes).
 */
class ServerFramesTest {

    private final ChatProtocol protocol = new ChatProtocol(Frames.JSON);

    private String json(ServerFrame frame) {
        return protocol.write(frame).getPayload();
    }

    @Test
    void writesASubscriptionToARoomOrToAnArticleWithoutOne() {
        assertThat(json(new ServerFrame.Subscribed(7L, null))).isEqualTo("{\"type\":\"subscribed\",\"room\":7}");
        assertThat(json(new ServerFrame.Subscribed(7L, 42L)))
                .isEqualTo("{\"type\":\"subscribed\",\"room\":7,\"article\":42}");
        assertThat(json(new ServerFrame.Subscribed(null, 42L))).isEqualTo("{\"type\":\"subscribed\",\"article\":42}");
    }

    @Test
    void writesAMessageAsShownEditedOrChangedWithItsPositionLast() {
        assertThat(json(ServerFrame.MessageNow.shown(MESSAGE, 11L)))
                .isEqualTo("{\"type\":\"message\",\"room\":7,\"message\":" + MESSAGE_JSON + ",\"seq\":11}");
        assertThat(json(ServerFrame.MessageNow.edited(MESSAGE, 12L)))
                .isEqualTo("{\"type\":\"edited\",\"room\":7,\"message\":" + MESSAGE_JSON + ",\"seq\":12}");
        assertThat(json(ServerFrame.MessageNow.changed(MESSAGE, 13L)))
                .isEqualTo("{\"type\":\"changed\",\"room\":7,\"message\":" + MESSAGE_JSON + ",\"seq\":13}");
        assertThat(json(ServerFrame.MessageNow.shown(MESSAGE, null)))
                .isEqualTo("{\"type\":\"message\",\"room\":7,\"message\":" + MESSAGE_JSON + "}");
    }

    @Test
    void writesAReplysQuoteAfterEveryFieldAMessageAlwaysHad() {
        MessageView reply = new MessageView(6, 7, "en", 4, "Bob", "No", "No", 5L, AT, null, Map.of(),
                "/en/chat/m/6", MessageState.VISIBLE, new Quote("Alice", "Hi <b>", null));
        String fields = "{\"id\":6,\"roomId\":7,\"edition\":\"en\",\"authorId\":4,\"authorName\":\"Bob\","
                + "\"text\":\"No\",\"html\":\"No\",\"replyTo\":5,\"createdAt\":\"2026-11-02T10:15:30.120Z\","
                + "\"reactions\":{},\"permalink\":\"/en/chat/m/6\",\"state\":\"VISIBLE\",";
        assertThat(json(ServerFrame.MessageNow.shown(reply, 14L))).isEqualTo("{\"type\":\"message\",\"room\":7,"
                + "\"message\":" + fields + "\"quote\":{\"authorName\":\"Alice\",\"text\":\"Hi <b>\"}},\"seq\":14}");
        MessageView toDeleted = new MessageView(6, 7, "en", 4, "Bob", "No", "No", 5L, AT, null, Map.of(),
                "/en/chat/m/6", MessageState.VISIBLE, new Quote(null, null, true));
        assertThat(json(new ServerFrame.Posted("c9", toDeleted))).isEqualTo("{\"type\":\"posted\",\"ref\":\"c9\","
                + "\"message\":" + fields + "\"quote\":{\"deleted\":true}}}");
    }

    @Test
    void writesADeletionARoomsStateAndReactions() {
        assertThat(json(new ServerFrame.Deleted(7L, 3, 13L)))
                .isEqualTo("{\"type\":\"deleted\",\"room\":7,\"id\":3,\"seq\":13}");
        assertThat(json(new ServerFrame.RoomOpen(7, false, 103L)))
                .isEqualTo("{\"type\":\"room\",\"room\":7,\"open\":false,\"seq\":103}");
        assertThat(json(new ServerFrame.Reactions(7L, 5, Map.of("love", 1), 104L)))
                .isEqualTo("{\"type\":\"reactions\",\"room\":7,\"id\":5,\"reactions\":{\"love\":1},\"seq\":104}");
    }

    @Test
    void writesTheEndOfACatchUp() {
        assertThat(json(new ServerFrame.Synced(7L, null, 13, true)))
                .isEqualTo("{\"type\":\"synced\",\"room\":7,\"seq\":13,\"open\":true}");
        assertThat(json(new ServerFrame.Synced(7L, true, 500, false)))
                .isEqualTo("{\"type\":\"synced\",\"room\":7,\"reset\":true,\"seq\":500,\"open\":false}");
        assertThat(json(new ServerFrame.Synced(null, null, 0, true)))
                .isEqualTo("{\"type\":\"synced\",\"seq\":0,\"open\":true}");
    }

    @Test
    void writesAPong() {
        assertThat(json(new ServerFrame.Pong())).isEqualTo("{\"type\":\"pong\"}");
    }

    @Test
    void writesThePostedAnswerWithTheRefFirst() {
        assertThat(json(new ServerFrame.Posted("c1", MESSAGE)))
                .isEqualTo("{\"type\":\"posted\",\"ref\":\"c1\",\"message\":" + MESSAGE_JSON + "}");
    }

    @Test
    void writesARefusalAndABansEnd() {
        assertThat(json(ServerFrame.Refused.of("c1", Refusal.SLOW_MODE, null))).isEqualTo("{\"type\":\"refused\","
                + "\"ref\":\"c1\",\"code\":\"slow_mode\",\"detail\":\"" + Refusal.SLOW_MODE.message() + "\"}");
        BanInForce everywhere = new BanInForce(null, Instant.parse("2026-11-03T10:00:00Z"));
        assertThat(json(ServerFrame.Refused.of("c2", Refusal.BANNED, everywhere))).isEqualTo("{\"type\":\"refused\","
                + "\"ref\":\"c2\",\"code\":\"banned\",\"detail\":\"" + Refusal.BANNED.message() + "\","
                + "\"bannedUntil\":\"2026-11-03T10:00:00Z\",\"everyRoom\":true}");
        BanInForce hereUntilLifted = new BanInForce(7L, null);
        assertThat(json(ServerFrame.Refused.of("c3", Refusal.BANNED, hereUntilLifted))).isEqualTo("{\"type\":"
                + "\"refused\",\"ref\":\"c3\",\"code\":\"banned\",\"detail\":\"" + Refusal.BANNED.message() + "\","
                + "\"everyRoom\":false}");
    }

    @Test
    void writesAnErrorWithTheRoomOnlyWhenOneWasNamed() {
        assertThat(json(new ServerFrame.Error("unknown_type", null)))
                .isEqualTo("{\"type\":\"error\",\"code\":\"unknown_type\"}");
        assertThat(json(new ServerFrame.Error("room_not_found", 99L)))
                .isEqualTo("{\"type\":\"error\",\"code\":\"room_not_found\",\"room\":99}");
    }

    @Test
    void writesAReadersCountsAndABan() {
        assertThat(json(new ServerFrame.Unread(12, null))).isEqualTo("{\"type\":\"unread\",\"total\":12}");
        assertThat(json(new ServerFrame.Inbox(3, List.of(ServerFrame.RoomCount.of(7, 3)))))
                .isEqualTo("{\"type\":\"inbox\",\"total\":3,\"rooms\":[{\"room\":7,\"unread\":3}]}");
        assertThat(json(new ServerFrame.Unread(0, List.of(new ServerFrame.RoomCount(8, 0, false, null, null,
                null, null))))).isEqualTo("{\"type\":\"unread\",\"total\":0,\"rooms\":[{\"room\":8,\"unread\":0,"
                + "\"followed\":false}]}");
        assertThat(json(new ServerFrame.Ban(null, null, true))).isEqualTo("{\"type\":\"ban\",\"lifted\":true}");
    }

    @Test
    void leavesOutNullFieldsWhateverTheMappersDefault() {
        ChatProtocol plain = new ChatProtocol(JsonMapper.builder().build());
        assertThat(plain.write(new ServerFrame.Synced(null, null, 0, true)).getPayload())
                .isEqualTo("{\"type\":\"synced\",\"seq\":0,\"open\":true}");
        assertThat(plain.write(new ServerFrame.Error("unknown_type", null)).getPayload())
                .isEqualTo("{\"type\":\"error\",\"code\":\"unknown_type\"}");
        assertThat(plain.write(new ServerFrame.Unread(1, List.of(ServerFrame.RoomCount.of(7, 1))))
                .getPayload()).isEqualTo("{\"type\":\"unread\",\"total\":1,\"rooms\":[{\"room\":7,\"unread\":1}]}");
    }
}
