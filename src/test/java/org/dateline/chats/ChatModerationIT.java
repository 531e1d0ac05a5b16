package org.dateline.chats;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.dateline.content.ArticleSummary;
import org.dateline.content.ContentQueries;
import org.dateline.testing.IntegrationTest;
import org.dateline.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Reports, the moderators' queue, hiding, bans and read-only rooms, with the audit log; over real HTTP. */
@IntegrationTest
@Import(ChatsIT.Clocks.class)
class ChatModerationIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    ContentQueries content;
    @Autowired
    MutableClock clock;

    private ChatReader reader() {
        return ChatReader.register(port, jdbc, encoder, "READER", clock.instant().minus(Duration.ofDays(3)));
    }

    private ChatReader moderator() {
        return ChatReader.register(port, jdbc, encoder, "MODERATOR", clock.instant().minus(Duration.ofDays(300)));
    }

    private ArticleSummary article(int index) {
        return content.latest("en", null, 30).get(index);
    }

    @Test
    void reportedMessageIsQueuedOnceAndHiddenEverywhere() {
        ArticleSummary article = article(20);
        ChatReader troll = reader();
        ChatReader alice = reader();
        ChatReader bob = reader();
        ChatReader moderator = moderator();
        long id = troll.posted(article.id(), "Something nasty").get("id").asLong();
        String report = "/api/chats/messages/" + id + "/report";
        assertThat(alice.call("POST", report, "{\"reason\":\"Insulting\"}").statusCode()).isEqualTo(202);
        assertThat(ChatReader.JSON.readTree(alice.call("POST", report, "{\"reason\":\"Again\"}").body())
                .get("new").asBoolean()).isFalse();
        assertThat(bob.call("POST", report, "{\"reason\":\"Spam\"}").statusCode()).isEqualTo(202);
        assertThat(ChatReader.code(troll.call("POST", report, "{\"reason\":\"Me\"}"))).isEqualTo("not_allowed");
        assertThat(ChatReader.code(bob.call("POST", report, "{\"reason\":\"\"}"))).isEqualTo("invalid_report");

        assertThat(alice.call("GET", "/api/chats/moderation/reports", null).statusCode()).isEqualTo(403);
        JsonNode queue = ChatReader.JSON.readTree(moderator.call("GET", "/api/chats/moderation/reports", null).body());
        JsonNode queued = null;
        for (JsonNode entry : queue.get("messages")) {
            if (entry.get("messageId").asLong() == id) {
                queued = entry;
            }
        }
        assertThat(queued).isNotNull();
        assertThat(queued.get("reports").asLong()).isEqualTo(2);

        try (ChatSocket watcher = new ChatSocket(port)) {
            watcher.subscribe("{\"type\":\"subscribe\",\"article\":" + article.id() + "}");
            assertThat(moderator.call("POST", "/api/chats/moderation/reports/" + id, "{\"outcome\":\"hide\"}")
                    .statusCode()).isEqualTo(204);
            assertThat(watcher.nextOfType("deleted").get("id").asLong()).isEqualTo(id);
        }
        assertThat(troll.get("/api/chats/rooms/" + troll.posted(article.id(), "Still here").get("roomId").asLong()
                + "/messages").body()).doesNotContain("Something nasty");
        JsonNode after = ChatReader.JSON.readTree(moderator.call("GET", "/api/chats/moderation/reports", null).body());
        assertThat(after.get("messages").toString()).doesNotContain("\"messageId\":" + id + ",");
        JsonNode log = ChatReader.JSON.readTree(moderator.call("GET", "/api/chats/moderation/log", null).body());
        assertThat(log.get("entries").get(0).get("action").asString()).isEqualTo("hide");
        assertThat(log.get("entries").get(0).get("messageId").asLong()).isEqualTo(id);
    }

    @Test
    void bannedReaderCannotPostUntilTheBanEndsAndModeratorsCannotBeBanned() {
        ArticleSummary article = article(21);
        ChatReader troll = reader();
        ChatReader moderator = moderator();
        long roomId = troll.posted(article.id(), "Before the ban").get("roomId").asLong();

        HttpResponse<String> banned = moderator.call("POST", "/api/chats/bans",
                "{\"accountId\":" + troll.accountId + ",\"roomId\":" + roomId + ",\"minutes\":60,\"reason\":\"Flooding\"}");
        assertThat(banned.statusCode()).isEqualTo(201);
        HttpResponse<String> refused = troll.postToRoom(roomId, "During the ban", null);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(ChatReader.code(refused)).isEqualTo("banned");
        // The ban is for this room only.
        assertThat(troll.postToArticle(article(22).id(), "Elsewhere").statusCode()).isEqualTo(201);

        clock.advance(Duration.ofMinutes(61));
        assertThat(troll.postToRoom(roomId, "After the ban", null).statusCode()).isEqualTo(201);

        long everywhere;
        try (ChatSocket trollsPage = troll.socket(port)) {
            // The reader's open page hears of a ban, and of its end, at once.
            trollsPage.send("{\"type\":\"inbox\"}");
            trollsPage.nextOfType("inbox");
            everywhere = ChatReader.JSON.readTree(moderator.call("POST", "/api/chats/bans",
                    "{\"accountId\":" + troll.accountId + ",\"reason\":\"Repeated flooding\"}").body()).get("id").asLong();
            JsonNode ban = trollsPage.nextOfType("ban");
            assertThat(ban.path("room").isMissingNode() || ban.path("room").isNull()).isTrue(); // every room
            assertThat(ban.path("until").isMissingNode() || ban.path("until").isNull()).isTrue(); // until lifted
            assertThat(ban.path("lifted").asBoolean(true)).isFalse();
            assertThat(ChatReader.code(troll.postToArticle(article(22).id(), "Anywhere?"))).isEqualTo("banned");
            assertThat(moderator.call("DELETE", "/api/chats/bans/" + everywhere, null).statusCode()).isEqualTo(204);
            assertThat(trollsPage.nextOfType("ban").path("lifted").asBoolean(false)).isTrue();
        }
        assertThat(troll.postToArticle(article(22).id(), "Back").statusCode()).isEqualTo(201);

        ChatReader other = moderator();
        assertThat(ChatReader.code(moderator.call("POST", "/api/chats/bans",
                "{\"accountId\":" + other.accountId + ",\"reason\":\"Coup\"}"))).isEqualTo("not_allowed");
        assertThat(ChatReader.code(troll.call("POST", "/api/chats/bans",
                "{\"accountId\":" + other.accountId + ",\"reason\":\"Revenge\"}"))).isEqualTo("not_allowed");
        assertThat(ChatReader.code(moderator.call("POST", "/api/chats/bans",
                "{\"accountId\":" + troll.accountId + ",\"minutes\":-5,\"reason\":\"x\"}"))).isEqualTo("invalid_ban");
        assertThat(moderator.call("DELETE", "/api/chats/bans/987654321", null).statusCode()).isEqualTo(404);
    }

    /** The ban in a refusal or in {@code /api/chats/me}: until when (null for a ban until lifted) and where. */
    private static void assertBan(JsonNode ban, Instant until, boolean everyRoom) {
        assertThat(ban.path("code").isMissingNode() || ban.path("code").asString().equals("banned")).isTrue();
        if (until == null) {
            assertThat(ban.path("bannedUntil").isMissingNode() || ban.path("bannedUntil").isNull()).isTrue();
        } else {
            assertThat(Instant.parse(ban.path("bannedUntil").asString())).isEqualTo(until);
        }
        assertThat(ban.path("everyRoom").asBoolean(!everyRoom)).isEqualTo(everyRoom);
    }

    @Test
    void everyRefusalOfABannedReaderAndTheirPageSayUntilWhen() {
        ArticleSummary article = article(29);
        ChatReader troll = reader();
        ChatReader bob = reader();
        ChatReader moderator = moderator();
        JsonNode own = troll.posted(article.id(), "Mine, before the ban");
        long roomId = own.get("roomId").asLong();
        long others = bob.posted(article.id(), "Bob's words").get("id").asLong();
        String me = "/api/chats/me?room=" + roomId;
        assertThat(ChatReader.JSON.readTree(troll.call("GET", me, null).body()).has("ban")).isFalse();

        assertThat(moderator.call("POST", "/api/chats/bans", "{\"accountId\":" + troll.accountId + ",\"roomId\":"
                + roomId + ",\"minutes\":60,\"reason\":\"Flooding\"}").statusCode()).isEqualTo(201);
        Instant until = clock.instant().plus(Duration.ofMinutes(60)).truncatedTo(ChronoUnit.MILLIS);
        long id = own.get("id").asLong();
        // Whatever the reader tries, the refusal says until when: a post, a reaction, an edit, a deletion, a report.
        List<HttpResponse<String>> refusals = List.of(troll.postToRoom(roomId, "During the ban", null),
                troll.call("PUT", "/api/chats/messages/" + others + "/reaction", "{\"emoji\":\"like\"}"),
                troll.call("DELETE", "/api/chats/messages/" + others + "/reaction", null),
                troll.call("PATCH", "/api/chats/messages/" + id, "{\"body\":\"Changed\"}"),
                troll.call("DELETE", "/api/chats/messages/" + id, null),
                troll.call("POST", "/api/chats/messages/" + others + "/report", "{\"reason\":\"Spite\"}"));
        for (HttpResponse<String> refused : refusals) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
            assertBan(ChatReader.JSON.readTree(refused.body()), until, false);
        }
        try (ChatSocket page = troll.socket(port)) {
            page.send("{\"type\":\"post\",\"ref\":\"b1\",\"room\":" + roomId + ",\"body\":\"Socket?\"}");
            assertBan(page.next(f -> "b1".equals(f.path("ref").asString(null))), until, false);
        }
        // The page asks where it stands before it offers anything: by room, or by article.
        assertBan(ChatReader.JSON.readTree(troll.call("GET", me, null).body()).get("ban"), until, false);
        assertBan(ChatReader.JSON.readTree(troll.call("GET", "/api/chats/me?article=" + article.id(), null).body())
                .get("ban"), until, false);
        assertThat(ChatReader.JSON.readTree(troll.call("GET", "/api/chats/me?article=" + article(19).id(), null)
                .body()).has("ban")).isFalse();
        assertThat(ChatReader.JSON.readTree(bob.call("GET", me, null).body()).has("ban")).isFalse();
        assertThat(bob.call("POST", "/api/chats/messages/" + id + "/report", "{\"reason\":\"Spam\"}").statusCode())
                .isEqualTo(202);

        // A ban of every room until lifted outlasts the timed one: that is the one the reader is told of.
        long everywhere = ChatReader.JSON.readTree(moderator.call("POST", "/api/chats/bans",
                "{\"accountId\":" + troll.accountId + ",\"reason\":\"Again\"}").body()).get("id").asLong();
        assertBan(ChatReader.JSON.readTree(troll.call("PUT", "/api/chats/messages/" + others + "/reaction",
                "{\"emoji\":\"sad\"}").body()), null, true);
        assertBan(ChatReader.JSON.readTree(troll.call("GET", "/api/chats/me?article=" + article(19).id(), null)
                .body()).get("ban"), null, true);
        assertThat(moderator.call("DELETE", "/api/chats/bans/" + everywhere, null).statusCode()).isEqualTo(204);
        assertBan(ChatReader.JSON.readTree(troll.call("GET", me, null).body()).get("ban"), until, false);

        clock.advance(Duration.ofMinutes(61));
        assertThat(ChatReader.JSON.readTree(troll.call("GET", me, null).body()).has("ban")).isFalse();
        assertThat(troll.call("PUT", "/api/chats/messages/" + others + "/reaction", "{\"emoji\":\"like\"}")
                .statusCode()).isEqualTo(200);
    }

    @Test
    void readOnlyRoomRefusesMessagesAndReactionsAndTellsOpenPages() {
        ArticleSummary article = article(23);
        ChatReader alice = reader();
        ChatReader moderator = moderator();
        JsonNode first = alice.posted(article.id(), "Last words");
        long roomId = first.get("roomId").asLong();
        try (ChatSocket watcher = new ChatSocket(port)) {
            watcher.subscribe("{\"type\":\"subscribe\",\"room\":" + roomId + "}");
            HttpResponse<String> closed = moderator.call("PUT", "/api/chats/rooms/" + roomId + "/state",
                    "{\"state\":\"READ_ONLY\"}");
            assertThat(closed.statusCode()).isEqualTo(200);
            assertThat(watcher.nextOfType("room").get("open").asBoolean()).isFalse();
        }
        assertThat(ChatReader.code(alice.postToRoom(roomId, "Hello?", null))).isEqualTo("room_read_only");
        assertThat(ChatReader.code(alice.call("PUT", "/api/chats/messages/" + first.get("id").asLong() + "/reaction",
                "{\"emoji\":\"sad\"}"))).isEqualTo("room_read_only");
        assertThat(ChatReader.code(alice.call("PUT", "/api/chats/rooms/" + roomId + "/state",
                "{\"state\":\"OPEN\"}"))).isEqualTo("not_allowed");
        assertThat(ChatReader.code(moderator.call("PUT", "/api/chats/rooms/" + roomId + "/state",
                "{\"state\":\"LOCKED\"}"))).isEqualTo("invalid_state");
        assertThat(moderator.call("PUT", "/api/chats/rooms/" + roomId + "/state", "{\"state\":\"open\"}")
                .statusCode()).isEqualTo(200);
        assertThat(alice.postToRoom(roomId, "Open again", null).statusCode()).isEqualTo(201);
    }

    @Test
    void moderatorsDeletionOfAnotherReadersMessageIsOnTheRecord() {
        ArticleSummary article = article(24);
        ChatReader alice = reader();
        ChatReader moderator = moderator();
        long id = alice.posted(article.id(), "To be removed").get("id").asLong();
        assertThat(moderator.call("DELETE", "/api/chats/messages/" + id, null).statusCode()).isEqualTo(204);
        JsonNode log = ChatReader.JSON.readTree(moderator.call("GET", "/api/chats/moderation/log", null).body());
        JsonNode latest = log.get("entries").get(0);
        assertThat(latest.get("action").asString()).isEqualTo("delete");
        assertThat(latest.get("accountId").asLong()).isEqualTo(alice.accountId);
        assertThat(alice.call("GET", "/api/chats/moderation/log", null).statusCode()).isEqualTo(403);
    }

    @Test
    void slowModeMakesReadersWaitBetweenMessages() {
        ChatReader alice = reader();
        ChatReader moderator = moderator();
        long roomId = alice.posted(article(25).id(), "First").get("roomId").asLong();
        assertThat(moderator.call("PUT", "/api/chats/rooms/" + roomId + "/rules",
                "{\"slowModeSeconds\":30}").statusCode()).isEqualTo(200);
        HttpResponse<String> tooSoon = alice.postToRoom(roomId, "Second", null);
        assertThat(tooSoon.statusCode()).isEqualTo(429);
        assertThat(ChatReader.code(tooSoon)).isEqualTo("slow_mode");
        assertThat(moderator.postToRoom(roomId, "Moderators never wait", null).statusCode()).isEqualTo(201);
        assertThat(moderator.postToRoom(roomId, "Not even twice", null).statusCode()).isEqualTo(201);
        clock.advance(Duration.ofSeconds(31));
        assertThat(alice.postToRoom(roomId, "Second, later", null).statusCode()).isEqualTo(201);
        assertThat(ChatReader.code(moderator.call("PUT", "/api/chats/rooms/" + roomId + "/rules",
                "{\"slowModeSeconds\":99999}"))).isEqualTo("invalid_rules");
        assertThat(ChatReader.code(alice.call("PUT", "/api/chats/rooms/" + roomId + "/rules",
                "{\"slowModeSeconds\":0}"))).isEqualTo("not_allowed");
    }

    @Test
    void preModeratedRoomHoldsMessagesUntilAModeratorLetsThemThrough() {
        ArticleSummary article = article(26);
        ChatReader alice = reader();
        ChatReader moderator = moderator();
        long roomId = moderator.posted(article.id(), "Welcome, this room is moderated").get("roomId").asLong();
        moderator.call("PUT", "/api/chats/rooms/" + roomId + "/rules", "{\"premoderated\":true}");
        try (ChatSocket watcher = new ChatSocket(port)) {
            watcher.subscribe("{\"type\":\"subscribe\",\"room\":" + roomId + "}");
            HttpResponse<String> held = alice.postToRoom(roomId, "Waiting for review", null);
            assertThat(held.statusCode()).isEqualTo(202);
            JsonNode message = ChatReader.JSON.readTree(held.body());
            assertThat(message.get("state").asString()).isEqualTo("HELD");
            long id = message.get("id").asLong();
            assertThat(new org.dateline.testing.Http(port).get("/api/chats/rooms/" + roomId + "/messages").body())
                    .doesNotContain("Waiting for review");
            JsonNode queue = ChatReader.JSON.readTree(moderator.call("GET", "/api/chats/moderation/held", null).body());
            assertThat(queue.get("messages").toString()).contains("Waiting for review");
            assertThat(alice.call("GET", "/api/chats/moderation/held", null).statusCode()).isEqualTo(403);

            assertThat(moderator.call("POST", "/api/chats/moderation/held/" + id, "{\"outcome\":\"approve\"}")
                    .statusCode()).isEqualTo(204);
            assertThat(watcher.nextOfType("message").get("message").get("id").asLong()).isEqualTo(id);
            assertThat(moderator.call("POST", "/api/chats/moderation/held/" + id, "{\"outcome\":\"approve\"}")
                    .statusCode()).isEqualTo(404);

            long rejected = ChatReader.JSON.readTree(alice.postToRoom(roomId, "Rejected one", null).body())
                    .get("id").asLong();
            assertThat(moderator.call("POST", "/api/chats/moderation/held/" + rejected,
                    "{\"outcome\":\"reject\"}").statusCode()).isEqualTo(204);
        }
        assertThat(new org.dateline.testing.Http(port).get(article.path()).body())
                .contains("Waiting for review").doesNotContain("Rejected one");
    }

    @Test
    void bannedWordOfTheEditionHoldsTheMessageForReview() {
        ChatReader alice = reader();
        ChatReader moderator = moderator();
        String word = "zorblax" + (System.nanoTime() % 1000);
        assertThat(moderator.call("POST", "/api/chats/moderation/banned-words",
                "{\"word\":\"" + word + "\",\"edition\":\"en\"}").statusCode()).isEqualTo(201);
        assertThat(ChatReader.code(moderator.call("POST", "/api/chats/moderation/banned-words",
                "{\"word\":\" \",\"edition\":\"en\"}"))).isEqualTo("invalid_word");
        assertThat(ChatReader.code(moderator.call("POST", "/api/chats/moderation/banned-words",
                "{\"word\":\"fine\",\"edition\":\"xx\"}"))).isEqualTo("unknown_edition");
        assertThat(ChatReader.code(moderator.call("POST", "/api/chats/moderation/banned-words",
                "{\"word\":\"fine\",\"edition\":\"en\",\"kind\":\"odd\"}"))).isEqualTo("invalid_word");
        HttpResponse<String> held = alice.postToArticle(article(27).id(), "What a " + word.toUpperCase() + "!");
        assertThat(held.statusCode()).isEqualTo(202);
        assertThat(alice.postToArticle(article(27).id(), "A harmless " + word + "ian word").statusCode())
                .isEqualTo(201);
        // Another edition does not know the word.
        long russian = content.latest("ru", null, 5).get(0).id();
        assertThat(alice.postToArticle(russian, "Here " + word + " passes").statusCode()).isEqualTo(201);
        JsonNode words = ChatReader.JSON.readTree(moderator.call("GET", "/api/chats/moderation/banned-words", null)
                .body()).get("words");
        long id = 0;
        for (JsonNode entry : words) {
            if (entry.get("word").asString().equals(word)) {
                assertThat(entry.get("edition").asString()).isEqualTo("en");
                assertThat(entry.get("kind").asString()).isEqualTo("BANNED");
                id = entry.get("id").asLong();
            }
        }
        assertThat(moderator.call("DELETE", "/api/chats/moderation/banned-words/" + id, null).statusCode())
                .isEqualTo(204);
        assertThat(alice.postToArticle(article(27).id(), "Now " + word + " passes").statusCode()).isEqualTo(201);
    }

    @Test
    void suspectWordLetsTheMessageThroughIntoTheQueue() {
        ChatReader alice = reader();
        ChatReader moderator = moderator();
        String word = "quibbit" + (System.nanoTime() % 1000);
        assertThat(moderator.call("POST", "/api/chats/moderation/banned-words",
                "{\"word\":\"" + word + "\",\"edition\":\"en\",\"kind\":\"suspect\"}").statusCode())
                .isEqualTo(201);
        HttpResponse<String> posted = alice.postToArticle(article(28).id(), "Such a " + word + " today");
        assertThat(posted.statusCode()).isEqualTo(201);
        long id = ChatReader.JSON.readTree(posted.body()).get("id").asLong();
        JsonNode queue = ChatReader.JSON.readTree(moderator.call("GET", "/api/chats/moderation/reports", null).body());
        assertThat(queue.get("messages").toString()).contains("\"messageId\":" + id + ",");
        // A moderator's own message is never flagged.
        long own = moderator.posted(article(28).id(), "Moderators say " + word + " too").get("id").asLong();
        queue = ChatReader.JSON.readTree(moderator.call("GET", "/api/chats/moderation/reports", null).body());
        assertThat(queue.get("messages").toString()).doesNotContain("\"messageId\":" + own + ",");
    }
}
