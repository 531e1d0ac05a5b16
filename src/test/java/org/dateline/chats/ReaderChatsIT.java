package org.dateline.chats;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dateline.content.ArticleSummary;
import org.dateline.content.ContentQueries;
import org.dateline.testing.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader's chats: the page of followed rooms with unread counts and unfollowing, the live counts on the reader's
 * socket (what the header shows), and writing without JavaScript through the write page. Real server, real sockets.
 */
@IntegrationTest
class ReaderChatsIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    ContentQueries content;

    private ArticleSummary article(int index) {
        return content.latest("en", null, 50).get(index);
    }

    private ChatReader reader(String role) {
        return ChatReader.register(port, jdbc, encoder, role, Instant.now().minus(Duration.ofDays(30)));
    }

    private Document articlePage(ArticleSummary article, Predicate<Document> ready) {
        return ChatReader.publicPage(port, article.path(), ready);
    }

    /** The write page's form fields (the CSRF token and the room or article), with the message added. */
    private static Map<String, String> writeForm(ChatReader reader, String writePage, String body) {
        HttpResponse<String> page = reader.get(writePage);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
        Element form = Jsoup.parse(page.body()).selectFirst("form[action=/account/chats/write]");
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[type=hidden]")) {
            fields.put(input.attr("name"), input.attr("value"));
        }
        assertThat(fields.get("_csrf")).isNotBlank();
        fields.put("body", body);
        return fields;
    }

    /** The redirect's target without scheme and host. */
    private static String path(HttpResponse<String> redirect) {
        return redirect.headers().firstValue("Location").orElse("").replaceAll("^https?://[^/]+", "");
    }

    private static String formError(HttpResponse<String> response) {
        return Jsoup.parse(response.body()).select(".form-errors li").text();
    }

    @Test
    void anonymousVisitorsAreSentToLogInAndGetNoCounts() {
        ChatReader visitor = ChatReader.anonymous(port);
        for (String path : List.of("/account/chats", "/account/chats/write?article=" + article(33).id())) {
            HttpResponse<String> response = visitor.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElse("")).as(path).contains("/account/login");
        }
        try (ChatSocket socket = new ChatSocket(port)) {
            socket.send("{\"type\":\"inbox\"}");
            assertThat(socket.nextOfType("error").get("code").asString()).isEqualTo("login_required");
        }
    }

    @Test
    void aReaderWithoutScriptsWritesThroughTheWritePageAndLandsOnTheMessage() {
        ArticleSummary article = article(34);
        Document page = articlePage(article, p -> true);
        // the cached page is the same for everyone: a link, no token
        assertThat(page.select("input[name=_csrf]")).isEmpty();
        String write = page.select("#chat-write-link a").attr("href");
        assertThat(write).isEqualTo("/account/chats/write?article=" + article.id() + "&lang=en");

        ChatReader alice = reader("READER");
        HttpResponse<String> posted = alice.submit("/account/chats/write",
                writeForm(alice, write, "Written <b>without</b> scripts"));
        assertThat(posted.statusCode()).isEqualTo(302);
        Matcher location = Pattern.compile(Pattern.quote(article.path()) + "#m(\\d+)").matcher(path(posted));
        assertThat(location.matches()).as(path(posted)).isTrue();
        String id = location.group(1);
        Document after = articlePage(article, p -> p.getElementById("m" + id) != null);
        assertThat(after.getElementById("m" + id).selectFirst(".chat-body").text())
                .isEqualTo("Written <b>without</b> scripts");

        // The room exists now: its write link names the room, and a second message goes there too.
        String roomWrite = "/account/chats/write?room=" + after.getElementById("chat").attr("data-room") + "&lang=en";
        HttpResponse<String> second = alice.submit("/account/chats/write", writeForm(alice, roomWrite, "Again"));
        assertThat(second.statusCode()).isEqualTo(302);
        assertThat(path(second)).startsWith(article.path() + "#m");

        // Without the token the form is refused.
        Map<String, String> forged = writeForm(alice, write, "Forged");
        forged.remove("_csrf");
        assertThat(alice.submit("/account/chats/write", forged).statusCode()).isEqualTo(403);
    }

    @Test
    void aMessageHeldForReviewSaysSoOnTheWritePage() {
        ArticleSummary article = article(40);
        ChatReader hana = reader("READER");
        long roomId = hana.posted(article.id(), "Before the rules").get("roomId").asLong();
        assertThat(reader("MODERATOR").call("PUT", "/api/chats/rooms/" + roomId + "/rules", "{\"premoderated\":true}")
                .statusCode()).isEqualTo(200);
        String write = "/account/chats/write?room=" + roomId + "&lang=ru";
        HttpResponse<String> held = hana.submit("/account/chats/write", writeForm(hana, write, "Please check me"));
        assertThat(held.statusCode()).isEqualTo(302);
        assertThat(path(held)).isEqualTo(write.replace("&lang=ru", "&held&lang=ru"));
        Document page = Jsoup.parse(hana.get(path(held)).body());
        assertThat(page.selectFirst(".notice").text()).isEqualTo("Спасибо. Сообщение появится после проверки модератором.");
        assertThat(page.selectFirst("textarea[name=body]").text()).isEmpty();
    }

    @Test
    void theWritePageNamesEachRefusalInTheReadersLanguage() {
        ArticleSummary article = article(35);
        ChatReader bob = reader("READER");
        String write = "/account/chats/write?article=" + article.id() + "&lang=en";

        HttpResponse<String> empty = bob.submit("/account/chats/write", writeForm(bob, write, "   "));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(formError(empty)).isEqualTo("Write something first.");

        String tooLong = "x".repeat(MessageText.MAX_LENGTH + 1);
        HttpResponse<String> longOne = bob.submit("/account/chats/write", writeForm(bob, write, tooLong));
        assertThat(longOne.statusCode()).isEqualTo(400);
        assertThat(formError(longOne)).isEqualTo("A message can have at most 2000 characters.");
        // what the reader wrote is kept for them to shorten
        assertThat(Jsoup.parse(longOne.body()).selectFirst("textarea[name=body]").text()).isEqualTo(tooLong);

        HttpResponse<String> russian = bob.submit("/account/chats/write",
                writeForm(bob, "/account/chats/write?article=" + article.id() + "&lang=ru", ""));
        assertThat(formError(russian)).isEqualTo("Сначала напишите что-нибудь.");
        assertThat(Jsoup.parse(russian.body()).selectFirst("html").attr("lang")).isEqualTo("ru");

        // Rate limit: eight messages a minute for an account older than a day.
        ChatReader dave = reader("READER");
        for (int i = 0; i < 8; i++) {
            assertThat(dave.submit("/account/chats/write", writeForm(dave, write, "Message " + i)).statusCode())
                    .isEqualTo(302);
        }
        HttpResponse<String> tooFast = dave.submit("/account/chats/write", writeForm(dave, write, "One more"));
        assertThat(tooFast.statusCode()).isEqualTo(429);
        assertThat(formError(tooFast)).isEqualTo("You are posting too fast. Wait a moment and try again.");

        // Banned from the room by a moderator.
        ChatReader carol = reader("READER");
        long roomId = carol.posted(article.id(), "Before my ban").get("roomId").asLong();
        ChatReader moderator = reader("MODERATOR");
        assertThat(moderator.call("POST", "/api/chats/bans", "{\"accountId\":" + carol.accountId + ",\"roomId\":"
                + roomId + ",\"minutes\":60,\"reason\":\"Spam\"}").statusCode()).isEqualTo(201);
        HttpResponse<String> banned = carol.submit("/account/chats/write", writeForm(carol, write, "After it"));
        assertThat(banned.statusCode()).isEqualTo(403);
        assertThat(formError(banned)).isEqualTo("You may not post in this discussion at the moment.");
        // From then on the write page says until when, as the edition writes times, and its form is disabled.
        Instant until = jdbc.sql("SELECT expires_at FROM chat_bans WHERE account_id = ?").params(carol.accountId)
                .query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant()).single();
        for (Document page : List.of(Jsoup.parse(banned.body()), Jsoup.parse(carol.get(write).body()))) {
            assertThat(page.getElementById("chat-ban").text()).isEqualTo("Chat access blocked until "
                    + DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC)
                    .format(until) + " UTC.");
            assertThat(page.getElementById("chat-ban").attr("role")).isEqualTo("status");
            assertThat(page.selectFirst("textarea[name=body]").hasAttr("disabled")).isTrue();
            assertThat(page.selectFirst("form.chat-write button[type=submit]").hasAttr("disabled")).isTrue();
        }
        assertThat(Jsoup.parse(carol.get(write.replace("lang=en", "lang=ru")).body()).getElementById("chat-ban")
                .text()).isEqualTo("Доступ к обсуждениям закрыт до " + DateTimeFormatter.ofPattern(
                "d MMMM yyyy, HH:mm", Locale.forLanguageTag("ru")).withZone(ZoneId.of("Europe/Moscow"))
                .format(until) + " МСК.");
        assertThat(Jsoup.parse(bob.get(write).body()).getElementById("chat-ban")).isNull();

        // A story that is not on the site has no write page.
        assertThat(bob.get("/account/chats/write?article=999999999").statusCode()).isEqualTo(404);
        assertThat(bob.get("/account/chats/write").statusCode()).isEqualTo(404);
    }

    @Test
    void theChatsPageListsFollowedRoomsNewestFirstWithUnreadCountsAndUnfollows() {
        ArticleSummary quiet = article(36);
        ArticleSummary busy = article(37);
        ChatReader dora = reader("READER");
        ChatReader eve = reader("READER");
        long busyRoom = dora.posted(busy.id(), "I start here").get("roomId").asLong();
        long quietRoom = dora.posted(quiet.id(), "And here").get("roomId").asLong();
        eve.posted(busy.id(), "Dora, look at this");
        eve.posted(busy.id(), "And this, a second one");

        HttpResponse<String> response = dora.get("/account/chats?lang=en");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        Document page = Jsoup.parse(response.body());
        List<Element> rooms = page.select("#chat-rooms > li");
        assertThat(rooms).extracting(li -> li.attr("data-room"))
                .containsExactly(String.valueOf(busyRoom), String.valueOf(quietRoom));
        Element first = rooms.get(0);
        assertThat(first.selectFirst("h2 a").text()).isEqualTo(busy.headline());
        assertThat(first.selectFirst("h2 a").attr("href")).isEqualTo(busy.path() + "#chat");
        assertThat(first.selectFirst(".unread-count").text()).isEqualTo("2");
        assertThat(first.selectFirst(".chat-room-last").text()).isEqualTo(eve.name + ": And this, a second one");
        assertThat(rooms.get(1).selectFirst(".unread-count").text()).isEqualTo("0");
        // Times as the edition of the page's language writes them, in its time zone; the page's script does the same.
        Element time = first.selectFirst(".chat-room-meta time");
        assertThat(time.text()).isEqualTo(DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH)
                .withZone(ZoneOffset.UTC).format(Instant.parse(time.attr("datetime"))) + " UTC");
        assertThat(page.getElementById("chat-rooms").attr("data-time-pattern")).isEqualTo("d MMM yyyy, HH:mm 'UTC'");
        Document russian = Jsoup.parse(dora.get("/account/chats?lang=ru").body());
        Element russianTime = russian.selectFirst("#chat-rooms .chat-room-meta time");
        assertThat(russianTime.text()).isEqualTo(DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm",
                Locale.forLanguageTag("ru")).withZone(ZoneId.of("Europe/Moscow"))
                .format(Instant.parse(russianTime.attr("datetime"))) + " МСК");
        assertThat(russian.getElementById("chat-rooms").attr("data-time-zone")).isEqualTo("Europe/Moscow");
        assertThat(Jsoup.parse(dora.get("/account/chats?lang=ru").body()).selectFirst("h1").text())
                .isEqualTo("Ваши чаты");

        // Unfollowing, without scripts: a form with the token, then back to the list.
        Element unfollow = first.selectFirst("form.chat-room-unfollow");
        HttpResponse<String> done = dora.submit(unfollow.attr("action"),
                Map.of("_csrf", unfollow.selectFirst("input[name=_csrf]").attr("value"), "lang", "en"));
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location").orElse("")).endsWith("/account/chats?unfollowed&lang=en");
        Document after = Jsoup.parse(dora.get("/account/chats?unfollowed&lang=en").body());
        assertThat(after.select("#chat-rooms > li").eachAttr("data-room")).containsExactly(String.valueOf(quietRoom));
        assertThat(after.selectFirst(".notice").text()).isEqualTo("You no longer follow that discussion.");
        assertThat(dora.submit("/account/chats/999999999/unfollow", Map.of("_csrf",
                unfollow.selectFirst("input[name=_csrf]").attr("value"))).statusCode()).isEqualTo(404);
    }

    @Test
    void theReadersSocketKeepsTheUnreadCountsLive() {
        ArticleSummary article = article(38);
        ChatReader frank = reader("READER");
        ChatReader grace = reader("READER");
        long roomId = frank.posted(article.id(), "Anyone here?").get("roomId").asLong();
        try (ChatSocket header = frank.socket(port)) {
            header.send("{\"type\":\"inbox\",\"details\":true}");
            JsonNode inbox = header.nextOfType("inbox");
            assertThat(count(inbox, roomId)).isZero();
            assertThat(inbox.get("total").asLong()).isZero();

            long reply;
            try (ChatSocket counter = frank.socket(port)) { // a header: the total alone
                counter.send("{\"type\":\"inbox\"}");
                JsonNode counted = counter.nextOfType("inbox");
                assertThat(counted.get("total").asLong()).isZero();
                assertThat(counted.has("rooms")).isFalse();
                reply = grace.posted(article.id(), "Yes, me").get("id").asLong();
                assertThat(total(counter, 1).has("rooms")).isFalse();
                JsonNode unread = unread(header, roomId);
                assertThat(unread.get("room").asLong()).isEqualTo(roomId);
                assertThat(unread.get("unread").asLong()).isEqualTo(1);
                assertThat(unread.get("last").get("author").asString()).isEqualTo(grace.name);
                assertThat(unread.get("last").get("text").asString()).isEqualTo("Yes, me");

                grace.posted(article.id(), "Still here");
                assertThat(unread(header, roomId).get("unread").asLong()).isEqualTo(2);
                total(counter, 2);
                // a message that leaves lowers the count
                assertThat(grace.call("DELETE", "/api/chats/messages/" + reply, null).statusCode()).isEqualTo(204);
                assertThat(unread(header, roomId).get("unread").asLong()).isEqualTo(1);
                total(counter, 1);
                // posting reads the room up to the reader's own message
                frank.posted(article.id(), "Good");
                assertThat(unread(header, roomId).get("unread").asLong()).isZero();
                total(counter, 0);
                // reading the room (what chat.js does on the article page) brings every header down
                JsonNode another = grace.posted(article.id(), "Another");
                total(counter, 1);
                assertThat(frank.call("POST", "/api/chats/rooms/" + roomId + "/read",
                        "{\"lastReadId\":" + another.get("id").asLong() + "}").statusCode()).isEqualTo(200);
                total(counter, 0);
                assertThat(unread(header, roomId, 0).has("last")).isFalse();
            }

            // Reading the room (what chat.js does on the article page); asking again gives the new count.
            JsonNode newest = grace.posted(article.id(), "Last one");
            assertThat(unread(header, roomId).get("unread").asLong()).isEqualTo(1);
            assertThat(frank.call("POST", "/api/chats/rooms/" + roomId + "/read",
                    "{\"lastReadId\":" + newest.get("id").asLong() + "}").statusCode()).isEqualTo(200);
            header.send("{\"type\":\"inbox\",\"details\":true}");
            assertThat(count(header.nextOfType("inbox"), roomId)).isZero();

            // A room the reader stopped following is dropped at once.
            assertThat(frank.call("PUT", "/api/chats/rooms/" + roomId + "/follow", "{\"followed\":false}")
                    .statusCode()).isEqualTo(200);
            grace.posted(article.id(), "Hello?");
            JsonNode dropped = unread(header, roomId);
            assertThat(dropped.get("followed").asBoolean()).isFalse();
            assertThat(dropped.get("unread").asLong()).isZero();
        }
        // Another reader's socket hears nothing of Frank's rooms.
        try (ChatSocket stranger = reader("READER").socket(port)) {
            stranger.send("{\"type\":\"inbox\"}");
            assertThat(stranger.nextOfType("inbox").get("total").asLong()).isZero();
            frank.call("PUT", "/api/chats/rooms/" + roomId + "/follow", "{\"followed\":true}");
            grace.posted(article.id(), "Only for followers");
            stranger.expectSilence(Duration.ofMillis(700));
        }
    }

    @Test
    void aRoomFollowedWhileThePageIsOpenArrivesWithItsTitleAndCountsOnInMemory() {
        ArticleSummary first = article(14);
        ArticleSummary second = article(15);
        ChatReader ivan = reader("READER");
        ChatReader judy = reader("READER");
        long roomId = judy.posted(second.id(), "Opening words").get("roomId").asLong();
        ivan.posted(first.id(), "My own room");
        try (ChatSocket header = ivan.socket(port)) {
            header.send("{\"type\":\"inbox\",\"details\":true}");
            JsonNode inbox = header.nextOfType("inbox");
            assertThat(inbox.get("rooms")).hasSize(1);
            assertThat(inbox.toString()).doesNotContain("\"room\":" + roomId + ",");

            // following a room through this node: its count, title and address come at once
            assertThat(ivan.call("PUT", "/api/chats/rooms/" + roomId + "/follow", "{\"followed\":true}")
                    .statusCode()).isEqualTo(200);
            JsonNode followed = unread(header, roomId);
            assertThat(followed.get("room").asLong()).isEqualTo(roomId);
            long before = followed.get("unread").asLong(); // Judy's opening words, and whatever was there
            assertThat(before).isPositive();
            assertThat(followed.get("title").asString()).isEqualTo(second.headline());
            assertThat(followed.get("url").asString()).isEqualTo(second.path() + "#chat");

            // new messages count on; the reader's own post reads the room up to it
            for (int i = 2; i <= 4; i++) {
                judy.posted(second.id(), "Message " + i);
                assertThat(unread(header, roomId).get("unread").asLong()).isEqualTo(before + i - 1);
            }
            ivan.posted(second.id(), "Caught up");
            assertThat(unread(header, roomId).get("unread").asLong()).isZero();
            judy.posted(second.id(), "After you");
            assertThat(unread(header, roomId).get("unread").asLong()).isEqualTo(1);
            // reading through this node says so at once
            long newest = jdbc.sql("SELECT MAX(id) FROM chat_messages WHERE room_id = ?").params(roomId)
                    .query(Long.class).single();
            assertThat(ivan.call("POST", "/api/chats/rooms/" + roomId + "/read", "{\"lastReadId\":" + newest + "}")
                    .statusCode()).isEqualTo(200);
            assertThat(unread(header, roomId).get("unread").asLong()).isZero();
            // and the database agrees with what was counted
            header.send("{\"type\":\"inbox\",\"details\":true}");
            assertThat(count(header.nextOfType("inbox"), roomId)).isZero();
        }
    }

    @Test
    void aHeaderHearsNoNewTotalWhileItShowsNinetyNinePlus() {
        ArticleSummary article = article(45);
        ChatReader kim = reader("READER");
        ChatReader leo = reader("READER");
        long roomId = kim.posted(article.id(), "Busy room ahead").get("roomId").asLong();
        // 120 messages Kim has not read (written straight into the database, as posting them would take minutes)
        java.sql.Timestamp at = java.sql.Timestamp.from(java.time.Instant.now());
        for (int i = 0; i < 120; i++) {
            jdbc.sql("INSERT INTO chat_messages (room_id, author_id, body, state, created_at) VALUES (?, ?, ?, 'VISIBLE', ?)")
                    .params(roomId, leo.accountId, "Backlog " + i, at).update();
        }
        try (ChatSocket header = kim.socket(port); ChatSocket list = kim.socket(port)) {
            header.send("{\"type\":\"inbox\"}");
            assertThat(header.nextOfType("inbox").get("total").asLong()).isEqualTo(120);
            list.send("{\"type\":\"inbox\",\"details\":true}");
            assertThat(count(list.nextOfType("inbox"), roomId)).isEqualTo(120);

            // one more: the list of rooms hears it, the header (showing 99+) is not sent 121
            leo.posted(article.id(), "And one more");
            assertThat(unread(list, roomId).get("unread").asLong()).isEqualTo(121);
            header.expectSilence(Duration.ofMillis(1200));

            // reading brings it below 100 again: the header hears that
            long newest = jdbc.sql("SELECT MAX(id) FROM chat_messages WHERE room_id = ?").params(roomId)
                    .query(Long.class).single();
            assertThat(kim.call("POST", "/api/chats/rooms/" + roomId + "/read", "{\"lastReadId\":" + newest + "}")
                    .statusCode()).isEqualTo(200);
            assertThat(header.nextOfType("unread").get("total").asLong()).isZero();
        }
    }

    /** The room's entry in the next {@code unread} frame that names it (a frame lists every room whose count moved). */
    private static JsonNode unread(ChatSocket socket, long roomId) {
        JsonNode frame = socket.next(f -> "unread".equals(f.path("type").asString()) && entry(f, roomId) != null);
        return entry(frame, roomId);
    }

    /** The room's entry in the next {@code unread} frame that gives it this count. */
    private static JsonNode unread(ChatSocket socket, long roomId, long count) {
        JsonNode frame = socket.next(f -> "unread".equals(f.path("type").asString()) && entry(f, roomId) != null
                && entry(f, roomId).path("unread").asLong() == count);
        return entry(frame, roomId);
    }

    /** The next {@code unread} frame with this total (what a page header shows). */
    private static JsonNode total(ChatSocket socket, long total) {
        return socket.next(f -> "unread".equals(f.path("type").asString()) && f.path("total").asLong(-1) == total);
    }

    private static JsonNode entry(JsonNode frame, long roomId) {
        for (JsonNode room : frame.path("rooms")) {
            if (room.path("room").asLong() == roomId) {
                return room;
            }
        }
        return null;
    }

    private static long count(JsonNode inbox, long roomId) {
        for (JsonNode room : inbox.get("rooms")) {
            if (room.get("room").asLong() == roomId) {
                return room.get("unread").asLong();
            }
        }
        throw new AssertionError("room " + roomId + " not in " + inbox);
    }
}
