package org.dateline.chats;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.dateline.content.ArticleSummary;
import org.dateline.content.ContentQueries;
import org.dateline.identity.Accounts;
import org.dateline.identity.Role;
import org.dateline.testing.IntegrationTest;
import org.dateline.testing.MutableClock;
import org.dateline.testing.WebSession;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The moderators' pages over real HTTP: who may open them, and every action they offer, with the audit log. An
 * application of its own (its own clock bean): its many logins from one address would otherwise share the login
 * throttle with the other chat tests.
 */
@IntegrationTest
@Import(ModerationPagesIT.OwnClock.class)
class ModerationPagesIT {

    @TestConfiguration
    static class OwnClock {
        @Bean
        @Primary
        MutableClock moderationClock() {
            return new MutableClock(Instant.now());
        }
    }

    private static final String PASSWORD = "a-long-staff-Passphrase-7";
    private static final String QUEUE = "/newsroom/moderation";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    ContentQueries content;
    @Autowired
    Accounts accounts;
    @Autowired
    MutableClock clock;

    private WebSession staff(Role role) {
        String email = role.name().toLowerCase() + "-" + System.nanoTime() + "@dateline.test";
        accounts.createStaff(email, "Staff " + role.name().toLowerCase(), role, PASSWORD, false);
        WebSession session = new WebSession(port);
        HttpResponse<String> login = session.submit("/login", "/login", Map.of("username", email, "password",
                PASSWORD));
        assertThat(login.statusCode()).isEqualTo(302);
        return session;
    }

    /** Posts a form with the session's CSRF token (from the logout form every page has), whatever form is shown. */
    private static HttpResponse<String> act(WebSession session, String action, Map<String, String> fields) {
        String token = Jsoup.parse(session.get(QUEUE).body()).select("form[action=/logout] input[name=_csrf]")
                .attr("value");
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", token);
        return session.post(action, all);
    }

    private ChatReader reader() {
        return ChatReader.register(port, jdbc, encoder, "READER", clock.instant().minus(Duration.ofDays(3)));
    }

    private ArticleSummary article(int index) {
        return content.latest("en", null, 40).get(index);
    }

    private static Map<String, String> fields(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void moderatorLandsOnTheQueueAndOpensOnlyTheModerationPagesAndTheirPassword() {
        String email = "moderator-" + System.nanoTime() + "@dateline.test";
        accounts.createStaff(email, "Mona Moderator", Role.MODERATOR, PASSWORD, false);
        WebSession moderator = new WebSession(port);
        HttpResponse<String> login = moderator.submit("/login", "/login",
                Map.of("username", email, "password", PASSWORD));
        assertThat(WebSession.location(login)).endsWith("/newsroom/moderation");
        for (String page : new String[] {QUEUE, QUEUE + "/bans", QUEUE + "/words", QUEUE + "/log",
                "/newsroom/password"}) {
            assertThat(moderator.get(page).statusCode()).as(page).isEqualTo(200);
        }
        for (String page : new String[] {"/newsroom", "/newsroom/wire", "/newsroom/stories/new", "/newsroom/staff"}) {
            assertThat(moderator.get(page).statusCode()).as(page).isEqualTo(403);
        }
        // The menu offers what the moderator may open, not the story desk.
        Document queue = Jsoup.parse(moderator.get(QUEUE).body());
        assertThat(queue.select("nav a[href=/newsroom]")).isEmpty();
        assertThat(Jsoup.parse(moderator.get("/newsroom/password").body()).select("nav a[href=/newsroom/moderation]"))
                .hasSize(1);
        // A changed password leads back to the queue, not to the desk the moderator may not open.
        HttpResponse<String> changed = moderator.submit("/newsroom/password", "/newsroom/password",
                Map.of("currentPassword", PASSWORD, "password", PASSWORD + "-changed"));
        assertThat(WebSession.location(changed)).endsWith("/newsroom/moderation?done=password");
        assertThat(moderator.get(WebSession.location(changed).replaceAll("^https?://[^/]+", "")).body())
                .contains("Your password is changed.");
    }

    @Test
    void editorsAndAdministratorsModerateTooWhileContributorsReadersAndStrangersAreRefused() {
        WebSession editor = staff(Role.EDITOR);
        assertThat(editor.get(QUEUE).statusCode()).isEqualTo(200);
        assertThat(editor.get("/newsroom").statusCode()).isEqualTo(200);
        assertThat(staff(Role.ADMIN).get(QUEUE + "/bans").statusCode()).isEqualTo(200);
        assertThat(staff(Role.CONTRIBUTOR).get(QUEUE).statusCode()).isEqualTo(403);

        ChatReader reader = reader();
        assertThat(reader.get(QUEUE).statusCode()).isEqualTo(403);
        assertThat(reader.get(QUEUE + "/log").statusCode()).isEqualTo(403);

        HttpResponse<String> stranger = new WebSession(port).get(QUEUE + "/bans");
        assertThat(stranger.statusCode()).isEqualTo(302);
        assertThat(WebSession.location(stranger)).endsWith("/login");
        // Forms need the CSRF token.
        assertThat(editor.post(QUEUE + "/bans", fields("account", "1", "term", "1d", "reason", "x")).statusCode())
                .isEqualTo(403);
    }

    @Test
    void reportedMessageShowsReasonsContextAndLinkAndIsHiddenFromTheQueue() {
        ArticleSummary article = article(30);
        ChatReader troll = reader();
        ChatReader alice = reader();
        ChatReader bob = reader();
        alice.posted(article.id(), "Context before the report");
        long id = troll.posted(article.id(), "Something <b>nasty</b>").get("id").asLong();
        bob.posted(article.id(), "Context after the report");
        alice.call("POST", "/api/chats/messages/" + id + "/report", "{\"reason\":\"Insulting <script>\"}");
        bob.call("POST", "/api/chats/messages/" + id + "/report", "{\"reason\":\"Rude\"}");

        WebSession moderator = staff(Role.MODERATOR);
        String page = moderator.get(QUEUE).body();
        assertThat(page).doesNotContain("<script>").doesNotContain("<b>nasty");
        Document queue = Jsoup.parse(page);
        var entry = queue.getElementById("report-" + id);
        assertThat(entry).isNotNull();
        assertThat(entry.select(".queue-reasons li").eachText()).containsExactly("Insulting <script>", "Rude");
        assertThat(entry.select(".queue-reports").text()).isEqualTo("Reports: 2");
        assertThat(entry.select(".queue-context li").text()).contains("Context before the report")
                .contains("Context after the report");
        assertThat(entry.select("a[href=" + article.path() + "#m" + id + "]")).hasSize(1);

        HttpResponse<String> hidden = moderator.submit(QUEUE, QUEUE + "/reports/" + id + "/hide", Map.of());
        assertThat(hidden.statusCode()).isEqualTo(302);
        assertThat(WebSession.location(hidden)).endsWith(QUEUE + "?lang=en&done=hide");
        assertThat(moderator.get(QUEUE + "?lang=en&done=hide").body()).contains("Hidden.");
        assertThat(Jsoup.parse(moderator.get(QUEUE).body()).getElementById("report-" + id)).isNull();
        assertThat(troll.get("/api/chats/rooms/" + troll.posted(article.id(), "Still here").get("roomId").asLong()
                + "/messages").body()).doesNotContain("nasty");

        // The same action again finds nothing to do: a 404 with the reason, not an error page.
        HttpResponse<String> again = act(moderator, QUEUE + "/messages/" + id + "/delete", Map.of());
        assertThat(again.statusCode()).isEqualTo(302); // a hidden message can still be deleted for good
        HttpResponse<String> gone = act(moderator, QUEUE + "/reports/" + id + "/hide", Map.of());
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.body()).contains("someone else dealt with it already");

        Document log = Jsoup.parse(moderator.get(QUEUE + "/log").body());
        assertThat(log.select("tbody tr").get(0).attr("data-action")).isEqualTo("delete");
        assertThat(log.select("tbody tr").get(1).attr("data-action")).isEqualTo("hide");
        assertThat(log.select("tbody tr").get(1).text()).contains("Hid a message").contains(String.valueOf(id));
    }

    @Test
    void reportedMessageIsApprovedOrDeletedAndHeldMessageIsApprovedHiddenOrDeleted() {
        ArticleSummary article = article(31);
        ChatReader alice = reader();
        ChatReader bob = reader();
        long kept = alice.posted(article.id(), "Harsh but fair").get("id").asLong();
        bob.call("POST", "/api/chats/messages/" + kept + "/report", "{\"reason\":\"I disagree\"}");
        WebSession moderator = staff(Role.MODERATOR);
        assertThat(moderator.submit(QUEUE, QUEUE + "/reports/" + kept + "/approve", Map.of()).statusCode())
                .isEqualTo(302);
        assertThat(Jsoup.parse(moderator.get(QUEUE).body()).getElementById("report-" + kept)).isNull();
        assertThat(Jsoup.parse(moderator.get(QUEUE + "/log").body()).select("tbody tr").get(0).attr("data-action"))
                .isEqualTo("dismiss_reports");

        long roomId = alice.posted(article.id(), "Before the rules").get("roomId").asLong();
        assertThat(alice.get("/api/chats/rooms/" + roomId + "/messages").body()).contains("Harsh but fair");
        assertThat(moderator.submit(QUEUE + "/rooms/" + roomId, QUEUE + "/rooms/" + roomId,
                fields("mode", "premoderated", "slowMode", "0")).statusCode()).isEqualTo(302);
        long first = ChatReader.JSON.readTree(alice.postToRoom(roomId, "Held one", null).body()).get("id").asLong();
        long second = ChatReader.JSON.readTree(alice.postToRoom(roomId, "Held two", null).body()).get("id").asLong();
        long third = ChatReader.JSON.readTree(alice.postToRoom(roomId, "Held three", null).body()).get("id").asLong();
        Document queue = Jsoup.parse(moderator.get(QUEUE).body());
        assertThat(queue.getElementById("held-" + first)).isNotNull();
        assertThat(queue.getElementById("held-" + first).text()).contains("Held one");

        assertThat(moderator.submit(QUEUE, QUEUE + "/held/" + first + "/approve", Map.of()).statusCode())
                .isEqualTo(302);
        assertThat(moderator.submit(QUEUE, QUEUE + "/held/" + second + "/hide", Map.of()).statusCode())
                .isEqualTo(302);
        assertThat(moderator.submit(QUEUE, QUEUE + "/messages/" + third + "/delete", Map.of()).statusCode())
                .isEqualTo(302);
        String room = alice.get("/api/chats/rooms/" + roomId + "/messages").body();
        assertThat(room).contains("Held one").doesNotContain("Held two").doesNotContain("Held three");
        queue = Jsoup.parse(moderator.get(QUEUE).body());
        assertThat(queue.select("[id^=held-]").eachAttr("id")).doesNotContain("held-" + first, "held-" + second,
                "held-" + third);
        assertThat(act(moderator, QUEUE + "/held/" + first + "/approve", Map.of()).statusCode())
                .isEqualTo(404);
        assertThat(act(moderator, QUEUE + "/held/" + first + "/maybe", Map.of()).statusCode())
                .isEqualTo(400);
        var actions = Jsoup.parse(moderator.get(QUEUE + "/log").body()).select("tbody tr").eachAttr("data-action");
        assertThat(actions.subList(0, 3)).containsExactly("delete", "reject", "approve");
    }

    @Test
    void authorIsBannedFromTheQueueForADayAndTheBanIsLiftedFromTheBansPage() {
        ArticleSummary article = article(32);
        ChatReader troll = reader();
        ChatReader alice = reader();
        JsonNode posted = troll.posted(article.id(), "Flood flood flood");
        long id = posted.get("id").asLong();
        long roomId = posted.get("roomId").asLong();
        alice.call("POST", "/api/chats/messages/" + id + "/report", "{\"reason\":\"Flooding\"}");
        WebSession moderator = staff(Role.MODERATOR);

        HttpResponse<String> banned = moderator.submit(QUEUE, QUEUE + "/bans", fields("account",
                String.valueOf(troll.accountId), "room", String.valueOf(roomId), "scope", "all", "term", "1d",
                "reason", "Flooding the room", "from", "queue"));
        assertThat(banned.statusCode()).isEqualTo(302);
        assertThat(WebSession.location(banned)).endsWith(QUEUE + "?lang=en&done=ban");
        HttpResponse<String> refused = troll.postToArticle(article(33).id(), "Elsewhere then");
        assertThat(refused.statusCode()).isEqualTo(403);
        JsonNode problem = ChatReader.JSON.readTree(refused.body());
        assertThat(problem.get("code").asString()).isEqualTo("banned");
        Instant until = Instant.parse(problem.get("bannedUntil").asString());
        assertThat(Duration.between(clock.instant(), until)).isBetween(Duration.ofHours(23), Duration.ofHours(25));
        assertThat(problem.get("everyRoom").asBoolean()).isTrue();

        Document bans = Jsoup.parse(moderator.get(QUEUE + "/bans").body());
        var row = bans.select("tbody tr").stream().filter(r -> r.text().contains("Flooding the room")).findFirst()
                .orElseThrow();
        assertThat(row.text()).contains(troll.name).contains("Every room");
        String lift = row.select("form").attr("action");
        assertThat(moderator.submit(QUEUE + "/bans", lift, Map.of()).statusCode()).isEqualTo(302);
        assertThat(troll.postToArticle(article(33).id(), "Back again").statusCode()).isEqualTo(201);
        assertThat(act(moderator, lift, Map.of()).statusCode()).isEqualTo(404);

        var actions = Jsoup.parse(moderator.get(QUEUE + "/log").body()).select("tbody tr").eachAttr("data-action");
        assertThat(actions.subList(0, 2)).containsExactly("lift_ban", "ban");
    }

    @Test
    void banFormTakesAnEmailOneRoomAndACustomEndAndNamesWhatIsWrong() {
        ArticleSummary article = article(34);
        String email = "banned-" + System.nanoTime() + "@dateline.test";
        Timestamp created = Timestamp.from(clock.instant().minus(Duration.ofDays(9)));
        jdbc.sql("""
                INSERT INTO accounts (email, display_name, password_hash, role, active, must_change_password,
                                      created_at, password_changed_at, email_confirmed_at)
                VALUES (?, 'Emailed Reader', 'x', 'READER', TRUE, FALSE, ?, ?, ?)
                """).params(email, created, created, created).update();
        ChatReader troll = reader();
        long roomId = troll.posted(article.id(), "Hello").get("roomId").asLong();
        WebSession moderator = staff(Role.MODERATOR);
        String bans = QUEUE + "/bans";

        HttpResponse<String> noReason = moderator.submit(bans, bans, fields("account", email, "scope", "all",
                "term", "1d", "reason", " "));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(noReason.body()).select(".form-errors li").text()).contains("needs a reason");
        assertThat(Jsoup.parse(noReason.body()).getElementById("ban-account").attr("value")).isEqualTo(email);
        assertThat(moderator.submit(bans, bans, fields("account", "nobody@dateline.test", "term", "1d", "reason",
                "x")).statusCode()).isEqualTo(404);
        assertThat(moderator.submit(bans, bans, fields("account", email, "term", "custom", "until",
                "2001-01-01T00:00", "reason", "Too late")).statusCode()).isEqualTo(400);
        assertThat(moderator.submit(bans, bans, fields("account", email, "term", "forever", "reason", "x"))
                .statusCode()).isEqualTo(400);
        String other = String.valueOf(jdbc.sql("SELECT id FROM accounts WHERE role = 'MODERATOR' ORDER BY id LIMIT 1")
                .query(Long.class).single());
        assertThat(moderator.submit(bans, bans, fields("account", other, "term", "1d", "reason", "Coup"))
                .statusCode()).isEqualTo(403);

        String until = clock.instant().plus(Duration.ofDays(3)).atZone(java.time.ZoneOffset.UTC)
                .toLocalDateTime().withSecond(0).withNano(0).toString();
        assertThat(moderator.submit(bans, bans, fields("account", String.valueOf(troll.accountId), "room",
                String.valueOf(roomId), "scope", "room", "term", "custom", "until", until, "reason", "Custom end"))
                .statusCode()).isEqualTo(302);
        JsonNode problem = ChatReader.JSON.readTree(troll.postToRoom(roomId, "Blocked?", null).body());
        assertThat(problem.get("code").asString()).isEqualTo("banned");
        assertThat(problem.get("everyRoom").asBoolean()).isFalse();
        assertThat(problem.get("bannedUntil").asString()).startsWith(until);
        assertThat(troll.postToArticle(article(35).id(), "Other rooms are fine").statusCode()).isEqualTo(201);
        assertThat(moderator.submit(bans, bans, fields("account", email, "term", "7d", "reason", "By email"))
                .statusCode()).isEqualTo(302);
        assertThat(moderator.get(bans).body()).contains("Emailed Reader").contains("Custom end");
    }

    @Test
    void roomSettingsSetTheModeAndSlowModeAndClosingAsksForConfirmation() {
        ArticleSummary article = article(36);
        ChatReader alice = reader();
        long roomId = alice.posted(article.id(), "Settings test").get("roomId").asLong();
        WebSession moderator = staff(Role.EDITOR);
        String room = QUEUE + "/rooms/" + roomId;
        Document page = Jsoup.parse(moderator.get(room).body());
        assertThat(page.select("input[name=mode][checked]").attr("value")).isEqualTo("open");
        assertThat(page.select("a[href=" + article.path() + "]")).hasSize(1);
        assertThat(page.select("form.rename-form")).isEmpty(); // an article's room bears its headline

        assertThat(moderator.submit(room, room, fields("mode", "premoderated", "slowMode", "45")).statusCode())
                .isEqualTo(302);
        page = Jsoup.parse(moderator.get(room).body());
        assertThat(page.select("input[name=mode][checked]").attr("value")).isEqualTo("premoderated");
        assertThat(page.getElementById("room-slowMode").attr("value")).isEqualTo("45");
        clock.advance(Duration.ofSeconds(46));
        assertThat(alice.postToRoom(roomId, "Held?", null).statusCode()).isEqualTo(202);

        // Closing is apart, looks destructive, and happens only once its box is ticked.
        String close = room + "/close";
        var danger = page.selectFirst("form[action=" + close + "] fieldset.danger-zone");
        assertThat(danger.select("input[type=checkbox][name=confirm][required]")).hasSize(1);
        assertThat(danger.select("button.danger")).hasSize(1);
        HttpResponse<String> unconfirmed = moderator.submit(room, close, Map.of());
        assertThat(unconfirmed.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(unconfirmed.body()).select(".form-errors li").text())
                .isEqualTo("Tick the box to confirm that the room closes.");
        clock.advance(Duration.ofSeconds(46));
        assertThat(alice.postToRoom(roomId, "Still open", null).statusCode()).isEqualTo(202);
        assertThat(WebSession.location(moderator.submit(room, close, fields("confirm", "on"))))
                .endsWith(room + "?lang=en&done=room_closed");
        assertThat(ChatReader.code(alice.postToRoom(roomId, "Closed?", null))).isEqualTo("room_read_only");
        page = Jsoup.parse(moderator.get(room + "?lang=en&done=room_closed").body());
        assertThat(page.selectFirst(".notice").text()).isEqualTo("The room is closed.");
        assertThat(page.getElementById("room-state").text()).isEqualTo("Closed (read-only)");
        assertThat(page.select("form[action=" + close + "]")).isEmpty();
        // Its settings can still change while it is closed; they do not open it.
        assertThat(moderator.submit(room, room, fields("mode", "open", "slowMode", "30")).statusCode())
                .isEqualTo(302);
        assertThat(ChatReader.code(alice.postToRoom(roomId, "Closed still?", null))).isEqualTo("room_read_only");
        assertThat(moderator.submit(room, room + "/reopen", Map.of()).statusCode()).isEqualTo(302);
        clock.advance(Duration.ofSeconds(46));
        assertThat(alice.postToRoom(roomId, "Open again", null).statusCode()).isEqualTo(201);
        assertThat(ChatReader.code(alice.postToRoom(roomId, "Too soon", null))).isEqualTo("slow_mode");

        assertThat(moderator.submit(room, room, fields("mode", "open", "slowMode", "soon")).statusCode())
                .isEqualTo(400);
        assertThat(moderator.submit(room, room, fields("mode", "open", "slowMode", "99999")).statusCode())
                .isEqualTo(400);
        assertThat(moderator.submit(room, room, fields("mode", "read_only", "slowMode", "0")).statusCode())
                .isEqualTo(400);
        assertThat(moderator.get(QUEUE + "/rooms/987654321").statusCode()).isEqualTo(404);
        assertThat(act(moderator, QUEUE + "/rooms/987654321/close", fields("confirm", "on")).statusCode())
                .isEqualTo(404);
        var actions = Jsoup.parse(moderator.get(QUEUE + "/log").body()).select("tbody tr").eachAttr("data-action");
        assertThat(actions.subList(0, 4)).containsExactly("open_room", "room_rules", "close_room", "room_rules");
    }

    @Test
    void topicRoomsAreOpenedRenamedAndListedFromTheirPagesInEitherLanguage() {
        WebSession moderator = staff(Role.MODERATOR);
        String rooms = QUEUE + "/rooms";
        Document list = Jsoup.parse(moderator.get(rooms).body());
        assertThat(list.select("nav a[href=" + rooms + "?lang=en]").text()).isEqualTo("Topic rooms");
        assertThat(list.select("form.topic-form select[name=edition] option").eachAttr("value"))
                .containsExactly("en", "ru");
        String title = "Выборы " + (System.nanoTime() % 100_000);
        HttpResponse<String> opened = moderator.submit(rooms, rooms, fields("edition", "ru", "title", title,
                "slug", "", "mode", "premoderated", "slowMode", "20"));
        assertThat(opened.statusCode()).isEqualTo(302);
        String location = WebSession.location(opened).replaceAll("^https?://[^/]+", "");
        assertThat(location).matches(rooms + "/\\d+\\?lang=en&done=room_created");
        long roomId = Long.parseLong(location.replaceAll(".*/rooms/(\\d+)\\?.*", "$1"));
        String slug = "vybory-" + title.substring(title.indexOf(' ') + 1);
        Document room = Jsoup.parse(moderator.get(location).body());
        assertThat(room.selectFirst(".notice").text()).isEqualTo("The topic room is open.");
        assertThat(room.select("a[href=/ru/chat/" + slug + "]").text()).isEqualTo(title);
        assertThat(room.select("input[name=mode][checked]").attr("value")).isEqualTo("premoderated");
        assertThat(room.getElementById("room-slowMode").attr("value")).isEqualTo("20");
        ChatReader alice = reader();
        assertThat(alice.postToRoom(roomId, "Held from the first message", null).statusCode()).isEqualTo(202);
        Document ru = ChatReader.publicPage(port, "/ru/chat", p -> p.text().contains(title));
        assertThat(ru.select("a[href=/ru/chat/" + slug + "]").text()).isEqualTo(title);
        assertThat(Jsoup.parse(moderator.get(rooms).body()).getElementById("topic-" + roomId).text())
                .contains(title).contains("/ru/chat/" + slug).contains("Pre-moderated, slow mode 20 s");

        // What is wrong is named, the form kept as sent; nothing is half made.
        HttpResponse<String> taken = moderator.submit(rooms, rooms, fields("edition", "ru", "title", "Again",
                "slug", slug, "mode", "open", "slowMode", "0"));
        assertThat(taken.statusCode()).isEqualTo(409);
        Document refused = Jsoup.parse(taken.body());
        assertThat(refused.select(".form-errors li").text()).contains("at this address already");
        assertThat(refused.getElementById("topic-title").attr("value")).isEqualTo("Again");
        assertThat(refused.select("#topic-edition option[selected]").attr("value")).isEqualTo("ru");
        assertThat(moderator.submit(rooms, rooms, fields("edition", "en", "title", " ", "slug", "", "mode", "open",
                "slowMode", "0")).statusCode()).isEqualTo(400);
        assertThat(moderator.submit(rooms, rooms, fields("edition", "en", "title", "Fine", "slug", "Not A Slug",
                "mode", "open", "slowMode", "0")).statusCode()).isEqualTo(400);
        assertThat(moderator.submit(rooms, rooms, fields("edition", "xx", "title", "Fine", "slug", "fine-xx",
                "mode", "open", "slowMode", "0")).statusCode()).isEqualTo(400);
        assertThat(moderator.submit(rooms, rooms, fields("edition", "en", "title", "Fine", "slug", "fine-slow",
                "mode", "open", "slowMode", "4000")).statusCode()).isEqualTo(400);
        assertThat(moderator.submit(rooms, rooms, fields("edition", "en", "title", "Fine", "slug", "fine-mode",
                "mode", "read_only", "slowMode", "0")).statusCode()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM chat_rooms WHERE slug LIKE 'fine%' OR title = 'Again'")
                .query(Long.class).single()).isZero();
        assertThat(moderator.post(rooms, fields("edition", "en", "title", "No token", "slug", "no-token"))
                .statusCode()).isEqualTo(403);

        // Renamed, its address stays and the public pages follow.
        String page = rooms + "/" + roomId;
        String renamed = title + ": итоги";
        assertThat(WebSession.location(moderator.submit(page, page + "/title", fields("title", renamed))))
                .endsWith(page + "?lang=en&done=room_renamed");
        assertThat(ChatReader.publicPage(port, "/ru/chat/" + slug, p -> p.text().contains(renamed))
                .selectFirst("h1").text()).isEqualTo("Обсуждение: " + renamed);
        HttpResponse<String> blank = moderator.submit(page, page + "/title", fields("title", ""));
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(blank.body()).getElementById("room-title").attr("value")).isEqualTo(renamed);

        // The same pages in Russian.
        Document russian = Jsoup.parse(moderator.get(rooms + "?lang=ru").body());
        assertThat(russian.selectFirst("h1").text()).isEqualTo("Тематические обсуждения");
        HttpResponse<String> russianRefusal = moderator.submit(rooms + "?lang=ru", rooms, fields("lang", "ru",
                "edition", "ru", "title", "Снова", "slug", slug, "mode", "open", "slowMode", "0"));
        assertThat(Jsoup.parse(russianRefusal.body()).select(".form-errors li").text())
                .isEqualTo("В этом издании уже есть обсуждение с таким адресом: выберите другой.");

        var actions = Jsoup.parse(moderator.get(QUEUE + "/log").body()).select("tbody tr").eachAttr("data-action");
        assertThat(actions.subList(0, 2)).containsExactly("rename_room", "create_room");
        assertThat(reader().get(rooms).statusCode()).isEqualTo(403);
        assertThat(staff(Role.CONTRIBUTOR).get(rooms).statusCode()).isEqualTo(403);
        assertThat(staff(Role.EDITOR).get(rooms).statusCode()).isEqualTo(200);
    }

    @Test
    void wordsAreAddedAndRemovedPerEditionAndKind() {
        WebSession moderator = staff(Role.MODERATOR);
        String words = QUEUE + "/words";
        String word = "flimflam" + (System.nanoTime() % 1000);
        assertThat(moderator.submit(words, words, fields("edition", "ru", "kind", "SUSPECT", "word", word))
                .statusCode()).isEqualTo(302);
        Document page = Jsoup.parse(moderator.get(words).body());
        assertThat(page.getElementById("words-ru-SUSPECT").text()).contains(word);
        assertThat(page.getElementById("words-en-SUSPECT").text()).doesNotContain(word);
        assertThat(moderator.submit(words, words, fields("edition", "xx", "kind", "SUSPECT", "word", "abc"))
                .statusCode()).isEqualTo(400);
        assertThat(moderator.submit(words, words, fields("edition", "en", "kind", "SUSPECT", "word", "a"))
                .statusCode()).isEqualTo(400);
        String remove = page.getElementById("words-ru-SUSPECT").select("li").stream()
                .filter(li -> li.text().contains(word)).findFirst().orElseThrow().select("form").attr("action");
        assertThat(moderator.submit(words, remove, Map.of()).statusCode()).isEqualTo(302);
        assertThat(moderator.get(words).body()).doesNotContain(word);
        assertThat(act(moderator, remove, Map.of()).statusCode()).isEqualTo(404);
    }

    @Test
    void messageWithASuspectWordIsInTheQueueSayingWhichWord() {
        WebSession moderator = staff(Role.MODERATOR);
        String words = QUEUE + "/words";
        String word = "gibberjab" + (System.nanoTime() % 1000);
        moderator.submit(words, words, fields("edition", "en", "kind", "SUSPECT", "word", word));
        long id = reader().posted(article(37).id(), "Quite " + word + " if you ask me").get("id").asLong();
        Document queue = Jsoup.parse(moderator.get(QUEUE + "?lang=ru").body());
        assertThat(queue.getElementById("report-" + id).select(".queue-reasons li").text())
                .isEqualTo("Подозрительное слово: " + word);
    }

    @Test
    void auditLogIsNewestFirstInPagesOfFifty() {
        WebSession moderator = staff(Role.ADMIN);
        long actor = jdbc.sql("SELECT id FROM accounts WHERE role = 'ADMIN' ORDER BY id DESC LIMIT 1")
                .query(Long.class).single();
        Timestamp at = Timestamp.from(clock.instant());
        for (int i = 0; i < 60; i++) {
            jdbc.sql("""
                    INSERT INTO chat_moderation_log (actor_id, action, room_id, message_id, account_id, detail,
                                                     created_at)
                    VALUES (?, 'room_rules', NULL, NULL, NULL, ?, ?)
                    """).params(actor, "entry " + i, at).update();
        }
        Document first = Jsoup.parse(moderator.get(QUEUE + "/log").body());
        assertThat(first.select("tbody tr")).hasSize(50);
        assertThat(first.select("tbody tr").get(0).text()).contains("entry 59");
        String older = first.select("a[rel=next]").attr("href");
        assertThat(older).contains("before=");
        Document second = Jsoup.parse(moderator.get(older).body());
        assertThat(second.select("tbody tr td:last-child").eachText().subList(0, 10)).containsExactly("entry 9",
                "entry 8", "entry 7", "entry 6", "entry 5", "entry 4", "entry 3", "entry 2", "entry 1", "entry 0");
    }

    @Test
    void pagesSpeakTheModeratorsLanguage() {
        WebSession moderator = staff(Role.MODERATOR);
        Document russian = Jsoup.parse(moderator.get(QUEUE + "?lang=ru").body());
        assertThat(russian.select("html").attr("lang")).isEqualTo("ru");
        assertThat(russian.select("h1").text()).isEqualTo("Очередь модерации");
        assertThat(russian.select("nav a[href=/newsroom/moderation/bans?lang=ru]").text()).isEqualTo("Блокировки");
        Document english = Jsoup.parse(moderator.get(QUEUE + "/bans?lang=en").body());
        assertThat(english.select("h1").text()).isEqualTo("Bans");
        HttpResponse<String> refused = moderator.submit(QUEUE + "/bans?lang=ru", QUEUE + "/bans",
                fields("lang", "ru", "account", "nobody@dateline.test", "term", "1d", "reason", "x"));
        assertThat(Jsoup.parse(refused.body()).select(".form-errors li").text())
                .isEqualTo("Читателя с таким номером или адресом почты нет.");
    }
}
