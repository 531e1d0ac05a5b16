package org.dateline.chats;

import java.time.Duration;
import java.util.Map;

import org.dateline.content.ArticleSummary;
import org.dateline.content.ContentQueries;
import org.dateline.testing.IntegrationTest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Posting over the chat socket, as a logged-in reader's page does: the same use case as the HTTP API, answered by
 * the client's ref; refusals carry the same codes; a logout ends it. Real server, real WebSocket connections.
 */
@IntegrationTest
class ChatSocketPostIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    ContentQueries content;

    private ArticleSummary article(int index) {
        return content.latest("en", null, 40).get(index);
    }

    private ChatReader reader() {
        return ChatReader.register(port, jdbc, encoder);
    }

    private static String post(String ref, String target, String body) {
        return "{\"type\":\"post\",\"ref\":\"" + ref + "\"," + target + ",\"body\":" + body + "}";
    }

    private static JsonNode answer(ChatSocket socket, String ref) {
        return socket.next(f -> ref.equals(f.path("ref").asString(null)));
    }

    @Test
    void aReaderPostsOverTheSocketAndTheRoomSeesItLive() {
        ArticleSummary article = article(16);
        ChatReader alice = reader();
        try (ChatSocket watcher = new ChatSocket(port); ChatSocket page = alice.socket(port)) {
            watcher.subscribe("{\"type\":\"subscribe\",\"article\":" + article.id() + "}");

            // the first message under the article opens its room
            page.send(post("a1", "\"article\":" + article.id(), "\"First, over the socket <b>bold</b>\""));
            JsonNode posted = answer(page, "a1");
            assertThat(posted.get("type").asString()).isEqualTo("posted");
            JsonNode message = posted.get("message");
            long roomId = message.get("roomId").asLong();
            assertThat(message.get("text").asString()).isEqualTo("First, over the socket <b>bold</b>");
            assertThat(message.get("html").asString()).contains("&lt;b&gt;").doesNotContain("<b>");
            assertThat(message.get("authorName").asString()).isEqualTo(alice.name);

            JsonNode live = watcher.nextOfType("message");
            assertThat(live.get("message").get("id").asLong()).isEqualTo(message.get("id").asLong());

            // stored as any message: the HTTP history has it, and a reply by room id names what it answers
            assertThat(alice.get("/api/chats/rooms/" + roomId + "/messages").body())
                    .contains("First, over the socket");
            page.send("{\"type\":\"post\",\"ref\":\"a2\",\"room\":" + roomId + ",\"body\":\"A reply\",\"replyTo\":"
                    + message.get("id").asLong() + "}");
            JsonNode reply = answer(page, "a2").get("message");
            assertThat(reply.get("replyTo").asLong()).isEqualTo(message.get("id").asLong());
            assertThat(jdbc.sql("SELECT COUNT(*) FROM chat_messages WHERE room_id = ? AND author_id = ?")
                    .params(roomId, alice.accountId).query(Long.class).single()).isEqualTo(2);
        }
    }

    @Test
    void refusalsCarryTheApiCodesAndStoreNothing() {
        ArticleSummary article = article(17);
        ChatReader bob = reader();
        long roomId = bob.posted(article.id(), "Before").get("roomId").asLong();
        try (ChatSocket anonymous = new ChatSocket(port); ChatSocket page = bob.socket(port)) {
            anonymous.send(post("x", "\"room\":" + roomId, "\"Hello\""));
            JsonNode refused = answer(anonymous, "x");
            assertThat(refused.get("type").asString()).isEqualTo("refused");
            assertThat(refused.get("code").asString()).isEqualTo("login_required");

            page.send(post("e1", "\"room\":" + roomId, "\"   \""));
            assertThat(answer(page, "e1").get("code").asString()).isEqualTo("message_empty");
            page.send(post("e2", "\"room\":" + roomId, "42"));
            assertThat(answer(page, "e2").get("code").asString()).isEqualTo("message_empty");
            page.send(post("e3", "\"room\":" + roomId, "\"" + "x".repeat(MessageText.MAX_LENGTH + 1) + "\""));
            assertThat(answer(page, "e3").get("code").asString()).isEqualTo("message_too_long");
            page.send(post("e4", "\"room\":987654321", "\"Nowhere\""));
            assertThat(answer(page, "e4").get("code").asString()).isEqualTo("room_not_found");
            page.send(post("e5", "\"room\":" + roomId, "\"\\ud800 alone\""));
            assertThat(answer(page, "e5").get("code").asString()).isEqualTo("message_invalid_characters");
            page.send("{\"type\":\"post\",\"ref\":\"e6\",\"room\":" + roomId + ",\"body\":\"Reply\",\"replyTo\":1}");
            assertThat(answer(page, "e6").get("code").asString()).isEqualTo("reply_not_found");
            // a ref longer than 64 characters comes back cut, and the detail is the API's
            page.send(post("r".repeat(100), "\"room\":" + roomId, "\"\""));
            JsonNode cut = answer(page, "r".repeat(64));
            assertThat(cut.get("detail").asString()).isEqualTo(Refusal.EMPTY.message());
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM chat_messages WHERE room_id = ? AND author_id = ?")
                .params(roomId, bob.accountId).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aBannedReaderIsToldUntilWhen() {
        ArticleSummary article = article(18);
        ChatReader troll = reader();
        ChatReader moderator = ChatReader.register(port, jdbc, encoder, "MODERATOR",
                java.time.Instant.now().minus(Duration.ofDays(30)));
        long roomId = troll.posted(article.id(), "Before the ban").get("roomId").asLong();
        assertThat(moderator.call("POST", "/api/chats/bans", "{\"accountId\":" + troll.accountId + ",\"roomId\":"
                + roomId + ",\"minutes\":60,\"reason\":\"Flooding\"}").statusCode()).isEqualTo(201);
        try (ChatSocket page = troll.socket(port)) {
            page.send(post("b1", "\"article\":" + article.id(), "\"During the ban\""));
            JsonNode refused = answer(page, "b1");
            assertThat(refused.get("code").asString()).isEqualTo("banned");
            assertThat(refused.get("bannedUntil").asString()).isNotBlank();
            assertThat(refused.get("everyRoom").asBoolean()).isFalse();
        }
    }

    @Test
    void postingOverTheSocketKeepsTheLoginAlive() {
        ArticleSummary article = article(39);
        ChatReader dave = reader();
        String session = dave.sessionId();
        try (ChatSocket page = dave.socket(port)) {
            // the reader has loaded no page for hours: the session is a minute from expiring
            long now = System.currentTimeMillis();
            assertThat(jdbc.sql("UPDATE spring_session SET last_access_time = ?, expiry_time = ? WHERE session_id = ?")
                    .params(now - Duration.ofHours(8).minusMinutes(1).toMillis(), now + 60_000, session).update())
                    .isEqualTo(1);
            page.send(post("k1", "\"article\":" + article.id(), "\"Still chatting\""));
            assertThat(answer(page, "k1").get("type").asString()).isEqualTo("posted");
            // posting used the session as a page load would: idle for the whole timeout from now
            long expiry = jdbc.sql("SELECT expiry_time FROM spring_session WHERE session_id = ?").params(session)
                    .query(Long.class).single();
            assertThat(expiry).isGreaterThan(now + Duration.ofHours(7).toMillis());
            // an expired one is not brought back
            jdbc.sql("UPDATE spring_session SET expiry_time = ? WHERE session_id = ?")
                    .params(System.currentTimeMillis() - 1, session).update();
            page.send(post("k2", "\"article\":" + article.id(), "\"After expiry\""));
            assertThat(answer(page, "k2").get("code").asString()).isEqualTo("login_required");
        }
    }

    @Test
    void aLogoutEndsPostingOverASocketOpenedBefore() {
        ArticleSummary article = article(19);
        ChatReader carol = reader();
        try (ChatSocket page = carol.socket(port)) {
            page.send(post("l1", "\"article\":" + article.id(), "\"Logged in\""));
            assertThat(answer(page, "l1").get("type").asString()).isEqualTo("posted");

            String token = Jsoup.parse(carol.get("/account").body())
                    .select("form[action=/account/logout] input[name=_csrf]").attr("value");
            assertThat(token).isNotEmpty();
            carol.submit("/account/logout", Map.of("_csrf", token));

            page.send(post("l2", "\"article\":" + article.id(), "\"Logged out\""));
            assertThat(answer(page, "l2").get("code").asString()).isEqualTo("login_required");
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM chat_messages WHERE author_id = ?").params(carol.accountId)
                .query(Long.class).single()).isEqualTo(1);
    }
}
