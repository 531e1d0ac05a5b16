package org.dateline.chats;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;


import org.dateline.content.ArticleSummary;
import org.dateline.content.ContentQueries;
import org.dateline.testing.DatelineTestContext;
import org.dateline.testing.Http;
import org.dateline.testing.HtmlChecker;
import org.dateline.testing.IntegrationTest;
import org.dateline.testing.MutableClock;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Chats over real HTTP and real WebSocket connections: posting, live delivery, reactions, rules, the cached page. */
@IntegrationTest
@Import(ChatsIT.Clocks.class)
class ChatsIT {

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(Instant.now());
        }
    }

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

    /** A different live English article for each test, so that tests do not see each other's messages. */
    private ArticleSummary article(int index) {
        List<ArticleSummary> latest = content.latest("en", null, 30);
        return latest.get(index);
    }

    @Test
    void oneReaderPostsAndAnotherReceivesItLive() {
        ArticleSummary article = article(1);
        ChatReader alice = reader();
        ChatReader bob = reader();
        try (ChatSocket bobs = new ChatSocket(port)) {
            // The room does not exist yet: Bob's page subscribes by article.
            JsonNode ack = bobs.subscribe("{\"type\":\"subscribe\",\"article\":" + article.id() + "}");
            assertThat(ack.path("type").asString()).isEqualTo("subscribed");
            JsonNode posted = alice.posted(article.id(), "First! Hello, Bob.");
            assertThat(posted.get("authorName").asString()).isEqualTo(alice.name);
            long roomId = posted.get("roomId").asLong();

            JsonNode live = bobs.nextOfType("message");
            assertThat(live.get("room").asLong()).isEqualTo(roomId);
            assertThat(live.get("message").get("id").asLong()).isEqualTo(posted.get("id").asLong());
            assertThat(live.get("message").get("text").asString()).isEqualTo("First! Hello, Bob.");

            // Bob replies in the room; Alice's socket, subscribed by room, hears it.
            try (ChatSocket alices = new ChatSocket(port)) {
                alices.subscribe("{\"type\":\"subscribe\",\"room\":" + roomId + "}");
                HttpResponse<String> reply = bob.postToRoom(roomId, "Hi Alice", posted.get("id").asLong());
                assertThat(reply.statusCode()).isEqualTo(201);
                JsonNode heard = alices.nextOfType("message").get("message");
                assertThat(heard.get("replyTo").asLong()).isEqualTo(posted.get("id").asLong());
                assertThat(heard.get("authorName").asString()).isEqualTo(bob.name);
            }
        }
    }

    @Test
    void aReplyQuotesTheAuthorAndTheBeginningOfWhatItAnswersAsItIsNow() {
        ArticleSummary article = article(14);
        ChatReader alice = reader();
        ChatReader bob = reader();
        ChatReader moderator = ChatReader.register(port, jdbc, encoder, "MODERATOR", clock.instant());
        String long1 = "<b>Bold</b> & more\n" + "x".repeat(150);
        JsonNode first = alice.posted(article.id(), long1);
        long roomId = first.get("roomId").asLong();
        String expected = ("<b>Bold</b> & more " + "x".repeat(150)).substring(0, 99) + "\u2026";
        try (ChatSocket watcher = new ChatSocket(port)) {
            watcher.subscribe("{\"type\":\"subscribe\",\"room\":" + roomId + "}");
            HttpResponse<String> reply = bob.postToRoom(roomId, "I disagree", first.get("id").asLong());
            assertThat(reply.statusCode()).isEqualTo(201);
            JsonNode posted = ChatReader.JSON.readTree(reply.body());
            assertThat(posted.get("quote").get("authorName").asString()).isEqualTo(alice.name);
            assertThat(posted.get("quote").get("text").asString()).isEqualTo(expected);
            assertThat(posted.get("quote").has("deleted")).isFalse();
            JsonNode heard = watcher.nextOfType("message").get("message");
            assertThat(heard.get("quote")).isEqualTo(posted.get("quote"));
        }
        JsonNode second = bob.posted(article.id(), "Short one");
        alice.postToRoom(roomId, "Answering the short one", second.get("id").asLong());
        JsonNode rude = bob.posted(article.id(), "Something rude");
        alice.postToRoom(roomId, "Answering the rude one", rude.get("id").asLong());
        assertThat(alice.postToRoom(roomId, "Plain message", null).statusCode()).isEqualTo(201);

        // The page shows each quote, escaped, as the server has it now: edited, deleted, or removed by a moderator.
        assertThat(bob.call("PATCH", "/api/chats/messages/" + second.get("id").asLong(), "{\"body\":\"Short, edited\"}")
                .statusCode()).isEqualTo(200);
        assertThat(alice.call("DELETE", "/api/chats/messages/" + first.get("id").asLong(), null).statusCode())
                .isEqualTo(204);
        assertThat(moderator.call("POST", "/api/chats/messages/" + rude.get("id").asLong() + "/hide",
                "{\"reason\":\"Rude\"}").statusCode()).isEqualTo(204);
        JsonNode history = ChatReader.JSON.readTree(bob.get("/api/chats/rooms/" + roomId + "/messages").body());
        java.util.Map<String, JsonNode> byText = new java.util.HashMap<>();
        history.get("messages").forEach(m -> byText.put(m.get("text").asString(), m));
        assertThat(byText.get("I disagree").get("quote").get("deleted").asBoolean()).isTrue();
        assertThat(byText.get("I disagree").get("quote").has("text")).isFalse();
        assertThat(byText.get("Answering the short one").get("quote").get("text").asString()).isEqualTo("Short, edited");
        assertThat(byText.get("Answering the rude one").has("quote")).isFalse();
        assertThat(byText.get("Plain message").has("quote")).isFalse();

        Document page = ChatReader.publicPage(port, article.path(), p -> p.text().contains("Short, edited")
                && p.text().contains("deleted message") && !p.text().contains("Something rude"));
        Element disagree = page.select("#chat-messages > li").stream()
                .filter(li -> li.select(".chat-body").text().equals("I disagree")).findFirst().orElseThrow();
        assertThat(disagree.select(".chat-reply-to").text()).isEqualTo("In reply to a deleted message");
        Element shortOne = page.select("#chat-messages > li").stream()
                .filter(li -> li.select(".chat-body").text().equals("Answering the short one")).findFirst().orElseThrow();
        assertThat(shortOne.select(".chat-reply-to a").attr("href")).isEqualTo("#m" + second.get("id").asLong());
        assertThat(shortOne.select(".chat-quote-author").text()).isEqualTo(bob.name);
        assertThat(shortOne.select(".chat-quote-text").text()).isEqualTo("Short, edited");
        Element rudeOne = page.select("#chat-messages > li").stream()
                .filter(li -> li.select(".chat-body").text().equals("Answering the rude one")).findFirst().orElseThrow();
        assertThat(rudeOne.select(".chat-reply-to")).isEmpty();
    }

    @Test
    void aReplyQuotesWhatItAnswersEscapedOnThePage() {
        ArticleSummary article = article(15);
        ChatReader alice = reader();
        ChatReader bob = reader();
        JsonNode first = alice.posted(article.id(), "<script>alert(1)</script> & \"quoted\"");
        bob.postToRoom(first.get("roomId").asLong(), "Answer", first.get("id").asLong());
        ChatReader.publicPage(port, article.path(), p -> p.text().contains("Answer"));
        String html = new Http(port).get(article.path()).body();
        assertThat(html).doesNotContain("<script>alert").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        Document page = Jsoup.parse(html);
        assertThat(page.select(".chat-quote-text").text()).isEqualTo("<script>alert(1)</script> & \"quoted\"");
        assertThat(page.select(".chat-reply-to .chat-quote-author").text()).isEqualTo(alice.name);
    }

    @Test
    void socketsSubscribingAtOnceBeyondTheConnectionPoolAreAllAnswered() {
        ArticleSummary article = article(13);
        long roomId = reader().posted(article.id(), "Readers are about to arrive.").get("roomId").asLong();
        List<ChatSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                sockets.add(new ChatSocket(port));
            }
            sockets.forEach(socket -> socket.send("{\"type\":\"subscribe\",\"room\":" + roomId + "}"));
            for (ChatSocket socket : sockets) {
                assertThat(socket.nextOfType("subscribed").path("room").asLong()).isEqualTo(roomId);
            }
        } finally {
            sockets.forEach(ChatSocket::close);
        }
    }

    @Test
    void eachReaderCountsOnceAndASecondReactionReplacesTheFirst() {
        ArticleSummary article = article(2);
        ChatReader alice = reader();
        ChatReader bob = reader();
        long id = alice.posted(article.id(), "React to this").get("id").asLong();
        try (ChatSocket watcher = new ChatSocket(port)) {
            watcher.subscribe("{\"type\":\"subscribe\",\"article\":" + article.id() + "}");
            String path = "/api/chats/messages/" + id + "/reaction";
            assertThat(bob.call("PUT", path, "{\"emoji\":\"like\"}").statusCode()).isEqualTo(200);
            assertThat(bob.call("PUT", path, "{\"emoji\":\"\uD83D\uDC4D\"}").statusCode()).isEqualTo(200);
            JsonNode counts = ChatReader.JSON.readTree(bob.call("PUT", path, "{\"emoji\":\"love\"}").body());
            assertThat(counts.get("reactions").toString()).isEqualTo("{\"love\":1}");
            counts = ChatReader.JSON.readTree(alice.call("PUT", path, "{\"emoji\":\"like\"}").body());
            assertThat(counts.get("reactions").toString()).isEqualTo("{\"like\":1,\"love\":1}");
            JsonNode pushed = watcher.next(f -> "reactions".equals(f.path("type").asString())
                    && f.get("reactions").size() == 2);
            assertThat(pushed.get("id").asLong()).isEqualTo(id);

            counts = ChatReader.JSON.readTree(bob.call("DELETE", path, null).body());
            assertThat(counts.get("reactions").toString()).isEqualTo("{\"like\":1}");
            HttpResponse<String> unknown = bob.call("PUT", path, "{\"emoji\":\"poo\"}");
            assertThat(unknown.statusCode()).isEqualTo(400);
            assertThat(ChatReader.code(unknown)).isEqualTo("unknown_reaction");
        }
    }

    @Test
    void authorsEditAndDeleteOnlyWithinTheWindow() {
        ArticleSummary article = article(3);
        ChatReader alice = reader();
        ChatReader bob = reader();
        long id = alice.posted(article.id(), "Tpyo here").get("id").asLong();
        String path = "/api/chats/messages/" + id;

        HttpResponse<String> notHers = bob.call("PATCH", path, "{\"body\":\"hijacked\"}");
        assertThat(notHers.statusCode()).isEqualTo(403);
        assertThat(ChatReader.code(notHers)).isEqualTo("not_allowed");

        HttpResponse<String> fixed = alice.call("PATCH", path, "{\"body\":\"Typo fixed\"}");
        assertThat(fixed.statusCode()).isEqualTo(200);
        assertThat(ChatReader.JSON.readTree(fixed.body()).get("text").asString()).isEqualTo("Typo fixed");
        assertThat(ChatReader.JSON.readTree(fixed.body()).get("editedAt").isNull()).isFalse();

        clock.advance(ChatPolicy.EDIT_WINDOW.plusSeconds(1));
        HttpResponse<String> late = alice.call("PATCH", path, "{\"body\":\"Too late\"}");
        assertThat(late.statusCode()).isEqualTo(403);
        assertThat(ChatReader.code(late)).isEqualTo("edit_window_closed");
        assertThat(ChatReader.code(alice.call("DELETE", path, null))).isEqualTo("edit_window_closed");

        long second = alice.posted(article.id(), "Deleted soon").get("id").asLong();
        assertThat(alice.call("DELETE", "/api/chats/messages/" + second, null).statusCode()).isEqualTo(204);
        assertThat(alice.call("DELETE", "/api/chats/messages/" + second, null).statusCode()).isEqualTo(404);
    }

    @Test
    void scriptsAreStoredAsTextAndRenderedEscaped() {
        ArticleSummary article = article(4);
        ChatReader mallory = reader();
        String payload = "<script>alert('x')</script><img src=x onerror=alert(1)> *bold* see https://example.org/?q=1";
        JsonNode posted = mallory.posted(article.id(), payload);
        assertThat(posted.get("text").asString()).isEqualTo(payload);
        assertThat(posted.get("html").asString()).doesNotContain("<script", "<img")
                .contains("&lt;script&gt;", "<strong>bold</strong>",
                        "<a href=\"https://example.org/?q=1\" rel=\"nofollow ugc noopener\">");

        Document page = Jsoup.parse(new Http(port).get(article.path()).body());
        Element message = page.getElementById("m" + posted.get("id").asLong());
        assertThat(message).isNotNull();
        Element body = message.selectFirst(".chat-body");
        assertThat(body.select("script, img")).isEmpty();
        assertThat(body.text()).contains("<script>alert('x')</script>");
        assertThat(body.selectFirst("a").attr("rel")).isEqualTo("nofollow ugc noopener");
    }

    @Test
    void badRequestsAnswerWithStableCodesNever500() {
        ArticleSummary article = article(5);
        ChatReader alice = reader();
        HttpResponse<String> unknownRoom = alice.postToRoom(987_654_321L, "Anyone?", null);
        assertThat(unknownRoom.statusCode()).isEqualTo(404);
        assertThat(ChatReader.code(unknownRoom)).isEqualTo("room_not_found");
        assertThat(alice.get("/api/chats/rooms/987654321/messages").statusCode()).isEqualTo(404);
        assertThat(ChatReader.code(alice.postToArticle(987_654_321L, "Anyone?"))).isEqualTo("room_not_found");

        HttpResponse<String> empty = alice.postToArticle(article.id(), "   \n ");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(ChatReader.code(empty)).isEqualTo("message_empty");
        assertThat(ChatReader.code(alice.postToArticle(article.id(), "x".repeat(2001)))).isEqualTo("message_too_long");
        assertThat(ChatReader.code(alice.postToArticle(article.id(), "bell \u0007"))).isEqualTo("message_invalid_characters");
        HttpResponse<String> malformed = alice.call("POST", "/api/chats/articles/" + article.id() + "/messages", "{\"body\":");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(ChatReader.code(malformed)).isEqualTo("malformed_json");
        HttpResponse<String> number = alice.call("POST", "/api/chats/articles/" + article.id() + "/messages",
                "{\"body\":12}");
        assertThat(number.statusCode()).isEqualTo(400);
        assertThat(ChatReader.code(number)).isEqualTo("invalid_request");
        assertThat(number.body()).contains("{\"field\":\"body\",\"code\":\"invalid_type\"");
        HttpResponse<String> badReply = alice.call("POST", "/api/chats/articles/" + article.id() + "/messages",
                ChatReader.message("Replying to nothing", 987_654_321L));
        assertThat(ChatReader.code(badReply)).isEqualTo("reply_not_found");
        assertThat(alice.get("/api/chats/rooms/abc/messages").statusCode()).isEqualTo(400);

        // Anonymous: with the page's CSRF token the answer is "log in"; without it, the CSRF refusal.
        ChatReader anonymous = ChatReader.anonymous(port);
        HttpResponse<String> anonymousPost = anonymous.postToArticle(article.id(), "Hello");
        assertThat(anonymousPost.statusCode()).isEqualTo(401);
        assertThat(ChatReader.code(anonymousPost)).isEqualTo("login_required");
        HttpResponse<String> forged = new Http(port).postJson("/api/chats/articles/" + article.id() + "/messages",
                ChatReader.message("Hello", null), null);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(ChatReader.code(forged)).isEqualTo("csrf_token_invalid");
    }

    @Test
    void killedArticleTakesItsConversationAlong() {
        Http http = new Http(port);
        HttpResponse<String> published = http.postJson("/api/admin/articles",
                Http.article("en", "russia", "Story with a doomed chat " + System.nanoTime()), DatelineTestContext.ADMIN_TOKEN);
        assertThat(published.statusCode()).isEqualTo(201);
        String path = URI.create(ChatReader.JSON.readTree(published.body()).get("url").asString()).getPath();
        long articleId = Long.parseLong(path.substring(path.lastIndexOf('/') + 1).split("-")[0]);
        ChatReader alice = reader();
        long roomId = alice.posted(articleId, "Interesting").get("roomId").asLong();
        assertThat(http.postJson("/api/admin/articles/" + articleId + "/kill", "", DatelineTestContext.ADMIN_TOKEN)
                .statusCode()).isEqualTo(200);
        HttpResponse<String> gone = alice.postToRoom(roomId, "Still here?", null);
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(ChatReader.code(gone)).isEqualTo("article_removed");
        assertThat(alice.get("/api/chats/rooms/" + roomId + "/messages").statusCode()).isEqualTo(410);
        assertThat(ChatReader.code(alice.postToArticle(articleId, "And here?"))).isEqualTo("article_removed");
    }

    @Test
    void articlePageShowsTheConversationToAnonymousReadersAndIsRefreshedAfterAPost() throws Exception {
        ArticleSummary article = article(6);
        Http http = new Http(port);
        Document before = Jsoup.parse(http.get(article.path()).body());
        Element invite = before.getElementById("chat-invite");
        assertThat(invite.select("a").eachAttr("href")).containsExactly(
                "/account/login?lang=en&next=" + article.path() + "%23chat", "/account/register?lang=en");
        assertThat(invite.text()).startsWith("To participate in the discussion");
        assertThat(http.get(article.path()).headers().firstValue("X-Cache")).contains("hit");

        ChatReader alice = reader();
        long id = alice.posted(article.id(), "Fresh from the press").get("id").asLong();
        long deadline = System.nanoTime() + 5_000_000_000L;
        Document after = null;
        while (System.nanoTime() < deadline) {
            after = Jsoup.parse(http.get(article.path()).body());
            if (after.getElementById("m" + id) != null) {
                break;
            }
            Thread.sleep(25);
        }
        Element shown = after.getElementById("m" + id);
        assertThat(shown).isNotNull();
        assertThat(shown.selectFirst(".chat-author").text()).isEqualTo(alice.name);
        assertThat(shown.selectFirst(".chat-time").attr("href")).isEqualTo("/en/chat/m/" + id);
        assertThat(after.getElementById("chat").attr("data-room")).isNotEmpty();

        // The permalink leads to the message under its article.
        HttpResponse<String> permalink = http.get("/en/chat/m/" + id);
        assertThat(permalink.statusCode()).isEqualTo(302);
        assertThat(permalink.headers().firstValue("Location").orElseThrow()).isEqualTo(article.path() + "#m" + id);
        assertThat(http.get("/ru/chat/m/" + id).statusCode()).isEqualTo(404);
        assertThat(http.get("/en/chat/m/987654321").statusCode()).isEqualTo(404);
    }

    @Test
    void reconnectingClientReceivesWhatItMissedAndHistoryPagesByStableCursor() {
        ArticleSummary article = article(7);
        ChatReader alice = reader();
        long first = alice.posted(article.id(), "one").get("id").asLong();
        long roomId = ChatReader.JSON.readTree(alice.call("GET", "/api/chats/me/rooms", null).body()).get("rooms")
                .get(0).get("roomId").asLong();
        long second = alice.posted(article.id(), "two").get("id").asLong();
        long third = alice.posted(article.id(), "three").get("id").asLong();
        try (ChatSocket back = new ChatSocket(port)) {
            back.subscribe("{\"type\":\"subscribe\",\"room\":" + roomId + ",\"after\":" + first + "}");
            assertThat(back.nextOfType("message").get("message").get("id").asLong()).isEqualTo(second);
            assertThat(back.nextOfType("message").get("message").get("id").asLong()).isEqualTo(third);
        }
        // A page that shows no message yet (served stale by a cache) asks from 0 and gets all it lacks.
        try (ChatSocket stale = new ChatSocket(port)) {
            stale.subscribe("{\"type\":\"subscribe\",\"article\":" + article.id() + ",\"after\":0}");
            assertThat(stale.nextOfType("message").get("message").get("id").asLong()).isEqualTo(first);
        }
        JsonNode page = ChatReader.JSON.readTree(new Http(port).get("/api/chats/rooms/" + roomId
                + "/messages?before=" + third).body());
        assertThat(page.get("messages").get(0).get("id").asLong()).isEqualTo(second);
        assertThat(page.get("messages").get(1).get("id").asLong()).isEqualTo(first);
        assertThat(page.has("next")).isFalse(); // nothing older than the first message
    }

    @Test
    void readersSeeTheirRoomsNewestFirstWithUnreadCounts() {
        ChatReader alice = reader();
        ChatReader bob = reader();
        ArticleSummary older = article(8);
        ArticleSummary newer = article(9);
        long olderRoom = bob.posted(older.id(), "Bob was here").get("roomId").asLong();
        clock.advance(Duration.ofSeconds(1));
        long newerRoom = bob.posted(newer.id(), "And here").get("roomId").asLong();
        clock.advance(Duration.ofSeconds(1));
        alice.posted(older.id(), "Alice answers");
        long last = alice.posted(older.id(), "Twice").get("id").asLong();

        JsonNode rooms = ChatReader.JSON.readTree(bob.call("GET", "/api/chats/me/rooms", null).body()).get("rooms");
        assertThat(rooms.get(0).get("roomId").asLong()).isEqualTo(olderRoom); // newest activity first
        assertThat(rooms.get(0).get("unread").asLong()).isEqualTo(2);
        assertThat(rooms.get(0).get("url").asString()).isEqualTo(older.path() + "#chat");
        assertThat(rooms.get(1).get("roomId").asLong()).isEqualTo(newerRoom);
        assertThat(rooms.get(1).get("unread").asLong()).isZero();

        HttpResponse<String> read = bob.call("POST", "/api/chats/rooms/" + olderRoom + "/read",
                "{\"lastReadId\":" + last + "}");
        assertThat(read.statusCode()).isEqualTo(200);
        rooms = ChatReader.JSON.readTree(bob.call("GET", "/api/chats/me/rooms", null).body()).get("rooms");
        assertThat(rooms.get(0).get("unread").asLong()).isZero();
        assertThat(ChatReader.anonymous(port).call("GET", "/api/chats/me/rooms", null).statusCode()).isEqualTo(401);

        // Unfollowed rooms leave the list; following again brings them back.
        assertThat(bob.call("PUT", "/api/chats/rooms/" + newerRoom + "/follow", "{\"followed\":false}").statusCode())
                .isEqualTo(200);
        rooms = ChatReader.JSON.readTree(bob.call("GET", "/api/chats/me/rooms", null).body()).get("rooms");
        assertThat(rooms.size()).isEqualTo(1);
        bob.call("PUT", "/api/chats/rooms/" + newerRoom + "/follow", "{\"followed\":true}");
        rooms = ChatReader.JSON.readTree(bob.call("GET", "/api/chats/me/rooms", null).body()).get("rooms");
        assertThat(rooms.size()).isEqualTo(2);
    }

    @Test
    void brandNewAccountsAreSlowedDown() {
        ArticleSummary article = article(10);
        ChatReader newcomer = ChatReader.register(port, jdbc, encoder, "READER", clock.instant());
        for (int i = 0; i < 3; i++) {
            assertThat(newcomer.postToArticle(article.id(), "Message " + i).statusCode()).isEqualTo(201);
        }
        HttpResponse<String> throttled = newcomer.postToArticle(article.id(), "One too many");
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(ChatReader.code(throttled)).isEqualTo("rate_limited");
    }

    @Test
    void moderatorsDeleteAnyMessageAndOpenTopicRooms() throws Exception {
        ArticleSummary article = article(11);
        ChatReader alice = reader();
        ChatReader moderator = ChatReader.register(port, jdbc, encoder, "MODERATOR", clock.instant().minus(Duration.ofDays(90)));
        long id = alice.posted(article.id(), "Off-topic rant").get("id").asLong();
        try (ChatSocket watcher = new ChatSocket(port)) {
            watcher.subscribe("{\"type\":\"subscribe\",\"article\":" + article.id() + "}");
            assertThat(moderator.call("DELETE", "/api/chats/messages/" + id, null).statusCode()).isEqualTo(204);
            assertThat(watcher.nextOfType("deleted").get("id").asLong()).isEqualTo(id);
        }
        String slug = "elections-" + (System.nanoTime() % 100_000);
        HttpResponse<String> topic = moderator.call("POST", "/api/chats/rooms",
                "{\"edition\":\"en\",\"slug\":\"" + slug + "\",\"title\":\"Elections 2026\"}");
        assertThat(topic.statusCode()).isEqualTo(201);
        long topicRoom = ChatReader.JSON.readTree(topic.body()).get("id").asLong();
        HttpResponse<String> inTopic = alice.postToRoom(topicRoom, "Who will win?", null);
        assertThat(inTopic.statusCode()).isEqualTo(201);
        long topicMessage = ChatReader.JSON.readTree(inTopic.body()).get("id").asLong();
        Http http = new Http(port);
        Document page = Jsoup.parse(http.get("/en/chat/" + slug).body());
        assertThat(page.selectFirst("h1").text()).isEqualTo("Discussion: Elections 2026");
        assertThat(page.getElementById("m" + topicMessage)).isNotNull();
        assertThat(page.getElementById("chat").attr("data-room")).isEqualTo(String.valueOf(topicRoom));
        assertThat(page.getElementById("chat").hasAttr("data-article")).isFalse();
        assertThat(validate(http.get("/en/chat/" + slug).body())).isEmpty();
        assertThat(http.get("/en/chat/m/" + topicMessage).headers().firstValue("Location"))
                .hasValue("/en/chat/" + slug + "#m" + topicMessage);
        assertThat(http.get("/en/chat/no-such-topic").statusCode()).isEqualTo(404);
        HttpResponse<String> byReader = alice.call("POST", "/api/chats/rooms",
                "{\"edition\":\"en\",\"slug\":\"mine\",\"title\":\"My room\"}");
        assertThat(byReader.statusCode()).isEqualTo(403);
        assertThat(ChatReader.code(moderator.call("POST", "/api/chats/rooms",
                "{\"edition\":\"en\",\"slug\":\"" + slug + "\",\"title\":\"Again\"}"))).isEqualTo("slug_taken");

        // Renamed (its address stays), by moderators only, and only a topic room.
        HttpResponse<String> renamed = moderator.call("PUT", "/api/chats/rooms/" + topicRoom + "/title",
                "{\"title\":\"Elections 2026: results\"}");
        assertThat(renamed.statusCode()).isEqualTo(200);
        assertThat(ChatReader.JSON.readTree(renamed.body()).get("slug").asString()).isEqualTo(slug);
        assertThat(ChatReader.publicPage(port, "/en/chat/" + slug, p -> p.text().contains("results"))
                .selectFirst("h1").text()).isEqualTo("Discussion: Elections 2026: results");
        assertThat(ChatReader.code(alice.call("PUT", "/api/chats/rooms/" + topicRoom + "/title",
                "{\"title\":\"Mine now\"}"))).isEqualTo("not_allowed");
        assertThat(ChatReader.code(moderator.call("PUT", "/api/chats/rooms/" + topicRoom + "/title",
                "{\"title\":\"Two\\nlines\"}"))).isEqualTo("invalid_topic");
        long articleRoom = ChatReader.JSON.readTree(alice.postToArticle(article.id(), "Still here").body())
                .get("roomId").asLong();
        HttpResponse<String> notATopic = moderator.call("PUT", "/api/chats/rooms/" + articleRoom + "/title",
                "{\"title\":\"Another headline\"}");
        assertThat(notATopic.statusCode()).isEqualTo(409);
        assertThat(ChatReader.code(notATopic)).isEqualTo("not_a_topic_room");
        assertThat(moderator.call("PUT", "/api/chats/rooms/987654321/title", "{\"title\":\"x\"}").statusCode())
                .isEqualTo(404);

        // Opened with its rules from the first message; rules out of range open nothing.
        String ruled = slug + "-ruled";
        assertThat(ChatReader.code(moderator.call("POST", "/api/chats/rooms", "{\"edition\":\"en\",\"slug\":\""
                + ruled + "\",\"title\":\"Ruled\",\"slowModeSeconds\":99999}"))).isEqualTo("invalid_rules");
        JsonNode created = ChatReader.JSON.readTree(moderator.call("POST", "/api/chats/rooms", "{\"edition\":\"en\","
                + "\"slug\":\"" + ruled + "\",\"title\":\"Ruled\",\"slowModeSeconds\":60,\"premoderated\":true}").body());
        assertThat(created.get("slowModeSeconds").asInt()).isEqualTo(60);
        assertThat(created.get("premoderated").asBoolean()).isTrue();
        assertThat(alice.postToRoom(created.get("id").asLong(), "Held", null).statusCode()).isEqualTo(202);
    }

    @Test
    void theEditionsDiscussionsListTopicRoomsAndFollowTheirChanges() throws Exception {
        ChatReader alice = reader();
        ChatReader moderator = ChatReader.register(port, jdbc, encoder, "MODERATOR", clock.instant().minus(Duration.ofDays(90)));
        Http http = new Http(port);
        String title = "Budget week " + System.nanoTime();
        assertThat(http.get("/en/chat").body()).doesNotContain(title); // now cached

        String slug = "budget-" + (System.nanoTime() % 100_000);
        HttpResponse<String> created = moderator.call("POST", "/api/chats/rooms",
                "{\"edition\":\"en\",\"slug\":\"" + slug + "\",\"title\":\"" + title + "\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        awaitTrue(() -> http.get("/en/chat").body().contains(title), Duration.ofSeconds(1));
        Document list = Jsoup.parse(http.get("/en/chat").body());
        Element link = list.selectFirst("ul.topic-list a:contains(" + title + ")");
        assertThat(link.attr("href")).isEqualTo("/en/chat/" + slug);
        assertThat(link.parent().select("time")).isEmpty(); // nobody wrote yet
        assertThat(Jsoup.parse(http.get("/ru/chat").body()).select("a:contains(" + title + ")")).isEmpty();
        assertThat(validate(http.get("/en/chat").body())).isEmpty();
        assertThat(validate(http.get("/ru/chat").body())).isEmpty();
        assertThat(Jsoup.parse(http.get("/ru/chat").body()).selectFirst("h1").text()).isEqualTo("Обсуждения");
        assertThat(Jsoup.parse(http.get("/en/").body()).select("footer a[href=/en/chat]")).hasSize(1);

        long room = ChatReader.JSON.readTree(created.body()).get("id").asLong();
        assertThat(alice.postToRoom(room, "First!", null).statusCode()).isEqualTo(201);
        awaitTrue(() -> !Jsoup.parse(http.get("/en/chat").body()).select("ul.topic-list li:contains(" + title + ") time")
                .isEmpty(), Duration.ofSeconds(1));
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not true within " + timeout.toMillis() + " ms");
            }
            Thread.sleep(20);
        }
    }

    @Test
    void articlePageWithAConversationIsValidHtmlInBothEditions() throws Exception {
        ChatReader alice = reader();
        ChatReader bob = reader();
        ArticleSummary english = article(12);
        JsonNode first = alice.posted(english.id(), "Look: https://example.org/a?b=1&c=2 *really* _now_\nSecond line <b>");
        long roomId = first.get("roomId").asLong();
        bob.postToRoom(roomId, "Reply with \"quotes\" & ampersands", first.get("id").asLong());
        bob.call("PUT", "/api/chats/messages/" + first.get("id").asLong() + "/reaction", "{\"emoji\":\"wow\"}");
        alice.call("PATCH", "/api/chats/messages/" + first.get("id").asLong(), "{\"body\":\"Edited, see www.example.org\"}");
        ArticleSummary russian = content.latest("ru", null, 5).get(3);
        alice.posted(russian.id(), "Привет из обсуждения");

        Http http = new Http(port);
        List<String> problems = new ArrayList<>();
        for (ArticleSummary article : List.of(english, russian)) {
            String html = "";
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (System.nanoTime() < deadline && !html.contains("chat-message")) {
                html = http.get(article.path()).body();
                Thread.sleep(20);
            }
            assertThat(html).contains("class=\"chat-message\"");
            validate(html).forEach(error -> problems.add(article.path() + " " + error));
        }
        assertThat(problems).isEmpty();
        assertThat(Jsoup.parse(http.get(russian.path()).body()).getElementById("chat-invite").text())
                .startsWith("Чтобы участвовать в обсуждении");
    }

    private static List<String> validate(String html) {
        return HtmlChecker.errors(html);
    }
}
