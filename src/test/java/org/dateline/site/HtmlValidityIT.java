package org.dateline.site;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.dateline.content.ArticleSummary;
import org.dateline.content.ContentQueries;
import org.dateline.identity.Accounts;
import org.dateline.identity.Role;
import org.dateline.testing.DatelineTestContext;
import org.dateline.testing.Http;
import org.dateline.testing.StoriesWithPictures;
import org.dateline.testing.WebSession;
import org.dateline.testing.HtmlChecker;
import org.dateline.testing.IntegrationTest;
import org.dateline.testing.TestPictures;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of public page is valid HTML5 by the Nu HTML checker (errors only; its schemas ship in its jar). */
@IntegrationTest
class HtmlValidityIT {

    @LocalServerPort
    int port;
    @Autowired
    ContentQueries content;
    @Autowired
    Accounts accounts;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired
    tools.jackson.databind.json.JsonMapper json;

    @Test
    void everyKindOfPageIsValidHtml() throws Exception {
        Http http = new Http(port);
        ArticleSummary seed = content.allById(0, 1).get(0);
        var article = Jsoup.parse(http.get(seed.path()).body());
        String translation = article.select(".translations a").attr("href");
        List<String> pages = List.of("/en/", "/ru/", "/en/russia/", "/ru/economy/", seed.path(), translation,
                article.select(".tags a").first().attr("href"), article.select(".byline a").first().attr("href"),
                "/en/newsfeed", "/ru/newsfeed", "/en/chat", "/ru/chat", "/en/no-such-section/", "/login", "/account/register", "/account/login?unconfirmed",
                "/account/reset?lang=ru", "/account/confirm/resend", "/account/confirm?token=bad", "/account/restore",
                "/en/search", "/en/search?q=budget", "/en/about", "/ru/about", "/en/contact", "/ru/privacy",
                "/en/subscribe", "/ru/subscribe", "/ru/search?q=" + URLEncoder.encode("бюджит", StandardCharsets.UTF_8));
        List<String> problems = new ArrayList<>();
        for (String page : pages) {
            String html = http.get(page, "Accept", "text/html").body();
            validate(html).forEach(error -> problems.add(page + " " + error));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void pagesWithPicturesAreValidHtml() throws Exception {
        Http http = new Http(port);
        StoriesWithPictures stories = new StoriesWithPictures(http, json, jdbc);
        long lead = stories.picture(1600, 1000, Map.of("caption", "A \"quoted\" <caption>", "altText", "Ships",
                "byline", "Anna Petrova", "credit", "Dateline")).get("id").asLong();
        long figure = stories.picture(800, 1000, Map.of("altText", "A crane")).get("id").asLong();
        long id = stories.publish("en", "economy", "Valid pictures " + System.nanoTime(), lead, "One.",
                "![Its caption](picture:" + figure + ")", "Two.");
        List<String> problems = new ArrayList<>();
        for (String page : List.of(content.article(id).orElseThrow().path(), "/en/", "/en/economy/", "/en/newsfeed")) {
            validate(http.get(page, "Accept", "text/html").body()).forEach(error -> problems.add(page + " " + error));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void newsroomPagesAreValidHtml() throws Exception {
        String email = "validity-" + System.nanoTime() + "@dateline.test";
        accounts.createStaff(email, "Vera Validator", Role.EDITOR, "start-Password-123", false);
        WebSession editor = new WebSession(port);
        editor.submit("/login", "/login", Map.of("username", email, "password", "start-Password-123"));
        String location = WebSession.location(editor.submit("/newsroom/stories/new", "/newsroom/stories",
                Map.of("edition", "en", "section", "world", "headline", "Valid markup", "lead", "A lead.",
                        "body", "One.\n\nTwo.", "datelinePlace", "PARIS", "credit", "Dateline", "when", "draft")));
        String story = location.replaceAll("^https?://[^/]+", "").replaceAll("\\?.*", "");
        String structured = "One.\n\n## A heading\n\n- a\n- b\n\n1. c\n\n> quoted *and* **marked**\n\n"
                + "[a link](https://example.org/?a=1&b=2) <b>typed</b>";
        editor.submit(story, story, Map.of("section", "world", "headline", "Valid markup, revised", "lead", "A lead.",
                "body", structured, "datelinePlace", "PARIS", "credit", "Dateline", "revision", "1",
                "action", "save"));
        HttpResponse<String> picture = TestPictures.upload(new Http(port), "/api/admin/pictures",
                DatelineTestContext.ADMIN_TOKEN, TestPictures.jpeg(330, 220), "valid.jpg", "image/jpeg",
                Map.of("caption", "A valid picture"));
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"id\":(\\d+)").matcher(picture.body());
        assertThat(id.find()).as(picture.body()).isTrue();
        String picturePage = "/newsroom/pictures/" + id.group(1);
        List<String> problems = new ArrayList<>();
        for (String page : List.of("/newsroom", "/newsroom?state=DRAFT&q=valid", "/newsroom?author=Vera",
                "/newsroom/stories/new", story, story + "/revisions", story + "/compare?a=1&b=2", story + "/preview",
                "/newsroom/pictures", "/newsroom/pictures?q=valid", picturePage, "/newsroom/front/en",
                "/newsroom/front/ru")) {
            HttpResponse<String> response = editor.get(page);
            assertThat(response.statusCode()).as(page).isEqualTo(200);
            validate(response.body()).forEach(error -> problems.add(page + " " + error));
        }
        // The live preview of unsaved fields, a heading first so the dateline stands alone.
        String token = Jsoup.parse(editor.get(story).body()).select("form.story-form input[name=_csrf]").val();
        HttpResponse<String> live = editor.post(story + "/preview", Map.of("_csrf", token, "section", "world",
                "headline", "Unsaved", "lead", "A lead.", "body", "## First\n\n" + structured,
                "datelinePlace", "PARIS", "credit", "Dateline", "tags", "New tag", "authors", "New Author"));
        assertThat(live.statusCode()).isEqualTo(200);
        validate(live.body()).forEach(error -> problems.add("live preview " + error));
        assertThat(problems).isEmpty();
    }

    @Test
    void sitePageScreensAreValidHtml() throws Exception {
        WebSession admin = WebSession.staff(port, accounts, Role.ADMIN);
        List<String> problems = new ArrayList<>();
        for (String page : List.of("/newsroom/pages", "/newsroom/pages/ru/privacy")) {
            HttpResponse<String> response = admin.get(page);
            assertThat(response.statusCode()).as(page).isEqualTo(200);
            validate(response.body()).forEach(error -> problems.add(page + " " + error));
        }
        HttpResponse<String> refused = admin.submit("/newsroom/pages/en/about", "/newsroom/pages/en/about",
                Map.of("title", "", "body", ""));
        validate(refused.body()).forEach(error -> problems.add("refused site page " + error));
        assertThat(problems).isEmpty();
    }

    @Test
    void moderationPagesAreValidHtmlInBothLanguages() throws Exception {
        String email = "validity-mod-" + System.nanoTime() + "@dateline.test";
        accounts.createStaff(email, "Mo Validator", Role.MODERATOR, "start-Password-123", false);
        long moderatorId = accounts.byEmail(email).orElseThrow().id();
        String readerEmail = "validity-reader-" + System.nanoTime() + "@dateline.test";
        java.sql.Timestamp now = java.sql.Timestamp.from(java.time.Instant.now());
        jdbc.sql("""
                INSERT INTO accounts (email, display_name, password_hash, role, active, must_change_password,
                                      created_at, password_changed_at, email_confirmed_at)
                VALUES (?, 'Rita <Reader>', 'x', 'READER', TRUE, FALSE, ?, ?, ?)
                """).params(readerEmail, now, now, now).update();
        long readerId = accounts.byEmail(readerEmail).orElseThrow().id();
        jdbc.sql("""
                INSERT INTO chat_rooms (kind, edition, slug, title, state, created_by, created_at, last_message_id,
                                        last_activity_at)
                VALUES ('TOPIC', 'en', ?, 'Markup & rooms', 'OPEN', ?, ?, 0, ?)
                """).params("validity-" + System.nanoTime(), moderatorId, now, now).update();
        long roomId = jdbc.sql("SELECT MAX(id) FROM chat_rooms").query(Long.class).single();
        for (String[] message : new String[][] {{"Before <it>", "VISIBLE"}, {"Reported **one**", "VISIBLE"},
                {"After it", "VISIBLE"}, {"Held https://example.com/x", "HELD"}}) {
            jdbc.sql("INSERT INTO chat_messages (room_id, author_id, body, state, created_at) VALUES (?, ?, ?, ?, ?)")
                    .params(roomId, readerId, message[0], message[1], now).update();
        }
        long reported = jdbc.sql("SELECT id FROM chat_messages WHERE room_id = ? AND body LIKE 'Reported%'")
                .params(roomId).query(Long.class).single();
        jdbc.sql("INSERT INTO chat_reports (message_id, reporter_id, reason, created_at) VALUES (?, ?, ?, ?)")
                .params(reported, moderatorId, "Spam & <noise>", now).update();

        WebSession moderator = new WebSession(port);
        moderator.submit("/login", "/login", Map.of("username", email, "password", "start-Password-123"));
        moderator.submit("/newsroom/moderation/bans", "/newsroom/moderation/bans", Map.of("account",
                String.valueOf(readerId), "room", String.valueOf(roomId), "scope", "room", "term", "7d", "reason",
                "Validity <check>"));
        moderator.submit("/newsroom/moderation/words", "/newsroom/moderation/words", Map.of("edition", "en",
                "kind", "SUSPECT", "word", "validword"));
        List<String> problems = new ArrayList<>();
        for (String lang : List.of("en", "ru")) {
            for (String page : List.of("/newsroom/moderation", "/newsroom/moderation/bans",
                    "/newsroom/moderation/rooms/" + roomId, "/newsroom/moderation/words",
                    "/newsroom/moderation/log")) {
                String path = page + "?lang=" + lang;
                HttpResponse<String> response = moderator.get(path);
                assertThat(response.statusCode()).as(path).isEqualTo(200);
                validate(response.body()).forEach(error -> problems.add(path + " " + error));
            }
        }
        HttpResponse<String> refused = moderator.submit("/newsroom/moderation/bans", "/newsroom/moderation/bans",
                Map.of("account", "nobody@dateline.test", "term", "1d", "reason", "x"));
        assertThat(refused.statusCode()).isEqualTo(404);
        validate(refused.body()).forEach(error -> problems.add("refused ban " + error));
        assertThat(problems).isEmpty();
    }

    @Test
    void readerChatPagesAreValidHtml() throws Exception {
        String email = "chats-validity-" + System.nanoTime() + "@dateline.test";
        accounts.createStaff(email, "Rita Reader", Role.EDITOR, "start-Password-123", false);
        WebSession reader = new WebSession(port);
        reader.submit("/account/login", "/account/login", Map.of("email", email, "password", "start-Password-123"));
        ArticleSummary article = content.latest("en", null, 50).get(39);
        String write = "/account/chats/write?article=" + article.id() + "&lang=ru";
        assertThat(WebSession.location(reader.submit(write, "/account/chats/write",
                Map.of("article", String.valueOf(article.id()), "body", "Valid markup")))).contains("#m");
        HttpResponse<String> refused = reader.submit(write, "/account/chats/write",
                Map.of("article", String.valueOf(article.id()), "body", ""));
        assertThat(refused.statusCode()).isEqualTo(400);
        List<String> problems = new ArrayList<>();
        validate(refused.body()).forEach(error -> problems.add("refused write " + error));
        for (String page : List.of("/account/chats", "/account/chats?lang=ru&unfollowed", write,
                "/account/chats/write?article=" + article.id() + "&lang=en", "/account/chats/write?article=0",
                "/account")) {
            HttpResponse<String> response = reader.get(page);
            assertThat(response.statusCode()).as(page).isIn(200, 404);
            validate(response.body()).forEach(error -> problems.add(page + " " + error));
        }
        assertThat(problems).isEmpty();
    }

    private static List<String> validate(String html) {
        return HtmlChecker.errors(html);
    }
}
