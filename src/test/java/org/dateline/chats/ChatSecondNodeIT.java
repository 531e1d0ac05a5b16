package org.dateline.chats;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

import org.dateline.chats.internal.ChatRules;
import org.dateline.content.ArticleSummary;
import org.dateline.content.ContentQueries;
import org.dateline.testing.DatelineTestContext;
import org.dateline.testing.Http;
import org.dateline.testing.IntegrationTest;
import org.dateline.testing.TestNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A message posted on one node reaches a reader whose socket is open on another node, through the change log, and
 * the other node's cached article page shows it; what a moderator or an editor forbids on one node, the rules the
 * other node checks posts against learn from the log.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChatSecondNodeIT {

    @LocalServerPort
    int port;
    @Autowired
    Environment environment;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    ContentQueries content;

    private ConfigurableApplicationContext second;

    @BeforeAll
    void startSecondNode() {
        second = TestNodes.start(environment, "chat-second-node");
    }

    @AfterAll
    void stopSecondNode() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void messagePostedOnOneNodeReachesReadersOnAnother() throws Exception {
        ArticleSummary article = content.latest("en", null, 20).get(15);
        int otherPort = ((WebServerApplicationContext) second).getWebServer().getPort();
        Http other = new Http(otherPort);
        other.get(article.path());
        assertThat(other.get(article.path()).headers().firstValue("X-Cache")).hasValue("hit");

        try (ChatSocket onSecond = new ChatSocket(otherPort)) {
            onSecond.subscribe("{\"type\":\"subscribe\",\"article\":" + article.id() + "}");
            ChatReader alice = ChatReader.register(port, jdbc, encoder);
            long id = alice.posted(article.id(), "Posted on the first node").get("id").asLong();
            JsonNode heard = onSecond.nextOfType("message");
            assertThat(heard.get("message").get("id").asLong()).isEqualTo(id);
            long deadline = System.nanoTime() + 2_000_000_000L;
            while (!other.get(article.path()).body().contains("id=\"m" + id + "\"")) {
                assertThat(System.nanoTime()).as("second node's page shows the message").isLessThan(deadline);
                Thread.sleep(20);
            }
        }
    }

    @Test
    void closedRoomBanAndKilledStoryOnOneNodeCountOnAnother() throws Exception {
        ChatRules rulesOnSecond = second.getBean(ChatRules.class);
        Http http = new Http(port);
        HttpResponse<String> published = http.postJson("/api/admin/articles",
                Http.article("en", "russia", "Story discussed on two nodes " + System.nanoTime()),
                DatelineTestContext.ADMIN_TOKEN);
        assertThat(published.statusCode()).isEqualTo(201);
        String path = URI.create(ChatReader.JSON.readTree(published.body()).get("url").asString()).getPath();
        long articleId = Long.parseLong(path.substring(path.lastIndexOf('/') + 1).split("-")[0]);
        ChatReader alice = ChatReader.register(port, jdbc, encoder);
        ChatReader moderator = ChatReader.register(port, jdbc, encoder, "MODERATOR",
                Instant.now().minus(Duration.ofDays(300)));
        long roomId = alice.posted(articleId, "First").get("roomId").asLong();
        // the second node reads the room and the reader's bans once and keeps them
        assertThat(rulesOnSecond.room(roomId).orElseThrow().state()).isEqualTo(RoomState.OPEN);
        assertThat(rulesOnSecond.banned(alice.accountId, roomId)).isFalse();

        assertThat(moderator.call("PUT", "/api/chats/rooms/" + roomId + "/state", "{\"state\":\"READ_ONLY\"}")
                .statusCode()).isEqualTo(200);
        awaitOnSecond("the room is read-only",
                () -> rulesOnSecond.room(roomId).orElseThrow().state() == RoomState.READ_ONLY);
        assertThat(moderator.call("PUT", "/api/chats/rooms/" + roomId + "/rules",
                "{\"slowModeSeconds\":30,\"premoderated\":true}").statusCode()).isEqualTo(200);
        awaitOnSecond("the room's new rules", () -> rulesOnSecond.room(roomId).orElseThrow().premoderated()
                && rulesOnSecond.room(roomId).orElseThrow().slowModeSeconds() == 30);

        assertThat(moderator.call("POST", "/api/chats/bans", "{\"accountId\":" + alice.accountId + ",\"roomId\":"
                + roomId + ",\"minutes\":60,\"reason\":\"Flooding\"}").statusCode()).isEqualTo(201);
        awaitOnSecond("the reader is banned", () -> rulesOnSecond.banned(alice.accountId, roomId));

        assertThat(http.postJson("/api/admin/articles/" + articleId + "/kill", "", DatelineTestContext.ADMIN_TOKEN)
                .statusCode()).isEqualTo(200);
        awaitOnSecond("the story is gone", () -> rulesOnSecond.room(roomId).orElseThrow().articleRemoved());
    }

    private static void awaitOnSecond(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("the second node learns that %s", what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
