package org.dateline.chats;

import java.time.Duration;
import java.util.List;

import org.dateline.content.ArticleSummary;
import org.dateline.content.ContentQueries;
import org.dateline.testing.IntegrationTest;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that reconnects names the last change it applied and receives exactly what it missed: messages that
 * appeared, edits, deletions and hides, reaction counts. Real server, real WebSocket connections.
 */
@IntegrationTest
class ChatCatchUpIT {

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

    private ChatReader reader(String role) {
        return ChatReader.register(port, jdbc, encoder, role, java.time.Instant.now().minus(Duration.ofDays(300)));
    }

    private Element chatSection(ArticleSummary article) {
        return ChatReader.publicPage(port, article.path(), page -> true).getElementById("chat");
    }

    @Test
    void aReconnectingClientReceivesEachChangeItMissedExactlyOnce() {
        ArticleSummary article = article(30);
        ChatReader alice = reader("READER");
        ChatReader carol = reader("READER");
        ChatReader moderator = reader("MODERATOR");
        long edited = alice.posted(article.id(), "Frist").get("id").asLong();
        long deleted = alice.posted(article.id(), "Oops, wrong story").get("id").asLong();
        long hidden = carol.posted(article.id(), "Something rude").get("id").asLong();
        long liked = carol.posted(article.id(), "A fine point").get("id").asLong();
        long untouched = carol.posted(article.id(), "Nothing happens to me").get("id").asLong();

        // The page as a cache serves it, and a socket that catches up from it: nothing is new yet.
        Element chat = chatSection(article);
        long roomId = Long.parseLong(chat.attr("data-room"));
        long pageSeq = Long.parseLong(chat.attr("data-seq"));
        assertThat(pageSeq).isPositive();
        long seen;
        try (ChatSocket bob = new ChatSocket(port)) {
            bob.subscribe("{\"type\":\"subscribe\",\"room\":" + roomId + ",\"since\":" + pageSeq + "}");
            List<JsonNode> frames = bob.until("synced");
            assertThat(frames).hasSize(1);
            assertThat(frames.get(0).get("seq").asLong()).isEqualTo(pageSeq);
            assertThat(frames.get(0).get("open").asBoolean()).isTrue();
            seen = frames.get(0).get("seq").asLong();
        } // Bob's connection drops

        assertThat(alice.call("PATCH", "/api/chats/messages/" + edited, "{\"body\":\"First\"}").statusCode())
                .isEqualTo(200);
        assertThat(alice.call("DELETE", "/api/chats/messages/" + deleted, null).statusCode()).isEqualTo(204);
        assertThat(moderator.call("POST", "/api/chats/messages/" + hidden + "/hide", "{\"reason\":\"rude\"}")
                .statusCode()).isEqualTo(204);
        assertThat(alice.call("PUT", "/api/chats/messages/" + liked + "/reaction", "{\"emoji\":\"like\"}")
                .statusCode()).isEqualTo(200);
        assertThat(carol.call("PUT", "/api/chats/messages/" + liked + "/reaction", "{\"emoji\":\"love\"}")
                .statusCode()).isEqualTo(200);
        long fresh = alice.posted(article.id(), "Posted while Bob was away").get("id").asLong();
        long gone = alice.posted(article.id(), "Here and gone").get("id").asLong();
        assertThat(alice.call("DELETE", "/api/chats/messages/" + gone, null).statusCode()).isEqualTo(204);

        try (ChatSocket bob = new ChatSocket(port)) {
            bob.subscribe("{\"type\":\"subscribe\",\"room\":" + roomId + ",\"since\":" + seen + "}");
            List<JsonNode> frames = bob.until("synced");
            // one frame per changed message, in the order of their last change; nothing about the untouched one
            // nor about the message that came and went while Bob was away
            assertThat(frames).extracting(f -> f.get("type").asString() + ":" + id(f)).containsExactly(
                    "changed:" + edited, "deleted:" + deleted, "deleted:" + hidden, "changed:" + liked,
                    "message:" + fresh, "synced:0");
            JsonNode edit = frames.get(0).get("message");
            assertThat(edit.get("text").asString()).isEqualTo("First");
            assertThat(edit.get("editedAt").isNull()).isFalse();
            assertThat(frames.get(1).get("room").asLong()).isEqualTo(roomId);
            assertThat(frames.get(3).get("message").get("reactions").toString()).isEqualTo("{\"like\":1,\"love\":1}");
            assertThat(frames.get(4).get("message").get("text").asString()).isEqualTo("Posted while Bob was away");
            // positions rise, and synced names the newest, which the page rendered now carries too
            long previous = seen;
            for (JsonNode frame : frames.subList(0, 5)) {
                assertThat(frame.get("seq").asLong()).isGreaterThan(previous);
                previous = frame.get("seq").asLong();
            }
            long synced = frames.get(5).get("seq").asLong();
            assertThat(synced).isGreaterThanOrEqualTo(previous);
            // the page rendered after the changes starts from there
            assertThat(ChatReader.publicPage(port, article.path(),
                    page -> page.getElementById("chat").attr("data-seq").equals(String.valueOf(synced)))
                    .getElementById("chat").attr("data-seq")).isEqualTo(String.valueOf(synced));
            assertThat(frames).noneMatch(f -> id(f) == untouched || id(f) == gone);

            // Live from here on: each frame carries its position, above what the catch-up ended with.
            assertThat(alice.call("PUT", "/api/chats/messages/" + fresh + "/reaction", "{\"emoji\":\"wow\"}")
                    .statusCode()).isEqualTo(200);
            JsonNode live = bob.nextOfType("reactions");
            assertThat(live.get("id").asLong()).isEqualTo(fresh);
            assertThat(live.get("seq").asLong()).isGreaterThan(synced);

            // A catch-up from where Bob is now brings nothing.
            bob.send("{\"type\":\"subscribe\",\"room\":" + roomId + ",\"since\":" + live.get("seq").asLong() + "}");
            assertThat(bob.until("synced")).extracting(f -> f.get("type").asString())
                    .containsExactly("subscribed", "synced");
        }
    }

    @Test
    void aMessageApprovedWhileAwayArrivesAsNewThoughItsIdIsOlder() {
        ArticleSummary article = article(31);
        ChatReader alice = reader("READER");
        ChatReader moderator = reader("MODERATOR");
        long roomId = alice.posted(article.id(), "Before the rules").get("roomId").asLong();
        assertThat(moderator.call("PUT", "/api/chats/rooms/" + roomId + "/rules", "{\"premoderated\":true}")
                .statusCode()).isEqualTo(200);
        var held = alice.postToRoom(roomId, "Waiting for a moderator", null);
        assertThat(held.statusCode()).isEqualTo(202);
        long heldId = ChatReader.JSON.readTree(held.body()).get("id").asLong();
        assertThat(moderator.call("PUT", "/api/chats/rooms/" + roomId + "/rules", "{\"premoderated\":false}")
                .statusCode()).isEqualTo(200);
        long later = alice.posted(article.id(), "After the rules").get("id").asLong();
        assertThat(later).isGreaterThan(heldId);

        long seen = Long.parseLong(chatSection(article).attr("data-seq"));
        assertThat(moderator.call("POST", "/api/chats/moderation/held/" + heldId, "{\"outcome\":\"approve\"}")
                .statusCode()).isEqualTo(204);
        try (ChatSocket bob = new ChatSocket(port)) {
            bob.subscribe("{\"type\":\"subscribe\",\"room\":" + roomId + ",\"since\":" + seen + "}");
            assertThat(bob.until("synced")).extracting(f -> f.get("type").asString() + ":" + id(f))
                    .containsExactly("message:" + heldId, "synced:0");
        }
    }

    @Test
    void aPageWithoutARoomCatchesUpWithTheRoomThatOpenedSince() {
        ArticleSummary article = article(32);
        Element chat = chatSection(article);
        assertThat(chat.attr("data-room")).isEmpty();
        assertThat(chat.attr("data-seq")).isEqualTo("0");
        ChatReader alice = reader("READER");
        long first = alice.posted(article.id(), "The first word").get("id").asLong();
        try (ChatSocket bob = new ChatSocket(port)) {
            bob.subscribe("{\"type\":\"subscribe\",\"article\":" + article.id() + ",\"since\":0}");
            assertThat(bob.until("synced")).extracting(f -> f.get("type").asString() + ":" + id(f))
                    .containsExactly("message:" + first, "synced:0");
        }
    }

    /** The message id a frame is about (0 for none). */
    private static long id(JsonNode frame) {
        if (frame.has("message")) {
            return frame.get("message").get("id").asLong();
        }
        return frame.path("id").asLong(0);
    }
}
