package org.dateline.newsroom;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.dateline.identity.Actor;
import org.dateline.identity.Role;
import org.dateline.newsroom.StoryFixtures.Start;
import org.dateline.testing.DatelineTestContext;
import org.dateline.testing.Http;
import org.dateline.testing.IntegrationTest;
import org.dateline.testing.WebSession;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every newsroom action, in each situation, through the newsroom desk (an editor's form) and the admin API (a bearer
 * token): both entrances call the same use case, so both get the same answer and leave the story in the same state.
 * An answer is "done STATE" or the codes of the refusal (a refused story's field problems, one code each).
 */
@IntegrationTest
class EntrancesAgreeIT {

    static final String TOKEN = DatelineTestContext.ADMIN_TOKEN;

    /** One line of the table: an action on a story in a situation, and the answer every entrance must give. */
    record Row(String action, Start start, boolean lockedByOther, String answer) {

        @Override
        public String toString() {
            return action + " on a " + start.name().toLowerCase() + " story"
                    + (lockedByOther ? " locked by another editor" : "") + " → " + answer;
        }
    }

    static Stream<Row> table() {
        return Stream.of(
                new Row("save", Start.DRAFT, false, "done DRAFT"),
                new Row("save", Start.DRAFT, true, "story_locked"),
                new Row("save", Start.LIVE, false, "done LIVE"),
                new Row("save", Start.LIVE, true, "story_locked"),
                new Row("save", Start.KILLED, false, "story_killed"),
                new Row("submit", Start.DRAFT, false, "done IN_EDIT"),
                new Row("submit", Start.DRAFT, true, "story_locked"),
                new Row("submit", Start.READY, false, "transition_not_allowed"),
                new Row("ready", Start.IN_EDIT, false, "done READY"),
                new Row("return", Start.READY, false, "done DRAFT"),
                new Row("return", Start.LIVE, false, "transition_not_allowed"),
                new Row("publish", Start.READY, false, "done LIVE"),
                new Row("publish", Start.READY, true, "story_locked"),
                new Row("publish", Start.INCOMPLETE_DRAFT, false, "required required required required"),
                new Row("publish", Start.SCHEDULED, false, "done LIVE"),
                new Row("publish", Start.UNPUBLISHED, false, "done LIVE"),
                new Row("publish", Start.LIVE, false, "not_publishable"),
                new Row("publish", Start.KILLED, false, "not_publishable"),
                new Row("publish", Start.PICTURE_WITHOUT_ALT, false, "picture_alt_missing"),
                new Row("publish", Start.PICTURE_NOT_FOUND, false, "picture_not_found"),
                new Row("schedule", Start.PICTURE_WITHOUT_ALT, false, "picture_alt_missing"),
                new Row("save", Start.PICTURE_WITHOUT_ALT, false, "done READY"),
                new Row("schedule", Start.READY, false, "done SCHEDULED"),
                new Row("schedule", Start.READY, true, "story_locked"),
                new Row("schedule", Start.LIVE, false, "transition_not_allowed"),
                new Row("unschedule", Start.SCHEDULED, false, "done READY"),
                new Row("unschedule", Start.SCHEDULED, true, "story_locked"),
                new Row("unschedule", Start.READY, false, "transition_not_allowed"),
                new Row("correct", Start.LIVE, false, "done LIVE"),
                new Row("correct", Start.LIVE, true, "story_locked"),
                new Row("correct", Start.DRAFT, false, "not_live"),
                new Row("unpublish", Start.LIVE, false, "done UNPUBLISHED"),
                new Row("unpublish", Start.LIVE, true, "story_locked"),
                new Row("unpublish", Start.DRAFT, false, "not_live"),
                new Row("kill", Start.LIVE, false, "done KILLED"),
                new Row("kill", Start.LIVE, true, "story_locked"),
                new Row("kill", Start.DRAFT, false, "done KILLED"),
                new Row("kill", Start.KILLED, false, "not_live"),
                new Row("restore", Start.LIVE, false, "done LIVE"),
                new Row("restore", Start.LIVE, true, "story_locked"),
                new Row("restore", Start.KILLED, false, "story_killed"));
    }

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JsonMapper json;
    StoryFixtures fixtures;
    Actor holder;
    WebSession desk;
    Http api;

    @BeforeEach
    void people() {
        fixtures = new StoryFixtures(context);
        holder = fixtures.staff(Role.EDITOR, "Lena Lockholder");
        Actor editor = fixtures.staff(Role.EDITOR, "Desk Editor");
        desk = new WebSession(port);
        assertThat(WebSession.location(desk.submit("/login", "/login",
                Map.of("username", editor.email(), "password", StoryFixtures.PASSWORD)))).endsWith("/newsroom");
        api = new Http(port);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void theDeskAndTheAdminApiGiveTheSameAnswer(Row row) {
        long forDesk = situation(row);
        long forApi = situation(row);

        String byDesk = desk(row.action(), forDesk);
        String byApi = api(row.action(), forApi);

        assertThat(byDesk).as("the desk").isEqualTo(row.answer());
        assertThat(byApi).as("the admin API").isEqualTo(row.answer());
        assertThat(fixtures.find(forDesk).state()).isEqualTo(fixtures.find(forApi).state());
    }

    private long situation(Row row) {
        long id = fixtures.story(row.start());
        if (row.lockedByOther()) {
            fixtures.lockedBy(holder, id);
        }
        return id;
    }

    /** The action through the editor's form, as the buttons send it (the editor's fields with every button). */
    private String desk(String action, long id) {
        Story story = fixtures.find(id);
        String path = "/newsroom/stories/" + id;
        Map<String, String> form = new HashMap<>();
        form.put("section", story.section());
        form.put("headline", action.equals("save") ? story.headline() + " (saved)" : story.headline());
        form.put("lead", story.lead());
        form.put("body", String.join("\n\n", story.blocks()));
        form.put("datelinePlace", story.datelinePlace());
        form.put("datelineDate", story.datelineDate() == null ? "" : story.datelineDate().toString());
        form.put("credit", story.credit());
        form.put("tags", String.join("\n", story.tags()));
        form.put("authors", String.join("\n", story.authors()));
        form.put("slug", story.slug());
        form.put("leadPicture", story.leadPicture() == null ? "" : story.leadPicture().toString());
        form.put("revision", String.valueOf(story.revision()));
        form.put("action", action);
        form.put("publishAt", LocalDateTime.ofInstant(later(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES)
                .toString());
        form.put("correction", "An earlier version misnamed the city.");
        form.put("confirmUnpublish", "on");
        form.put("confirmKill", "on");
        form.put("_csrf", csrf());
        HttpResponse<String> response = action.equals("restore")
                ? desk.post(path + "/revisions/1/restore", Map.of("_csrf", form.get("_csrf")))
                : desk.post(path, form);
        if (response.statusCode() == 302) {
            assertThat(WebSession.location(response)).contains(path + "?done=");
            return "done " + fixtures.find(id).state();
        }
        assertThat(response.statusCode()).as(response.body()).isIn(200, 403, 404, 409);
        return Jsoup.parse(response.body()).select(".form-errors").attr("data-codes");
    }

    /** The same action through the admin API. */
    private String api(String action, long id) {
        Story story = fixtures.find(id);
        String base = "/api/admin/articles/" + id;
        Map<String, Object> values = new HashMap<>(Map.of("section", story.section(),
                "headline", action.equals("save") ? story.headline() + " (saved)" : story.headline(),
                "lead", story.lead(), "body", story.blocks(), "datelinePlace", story.datelinePlace(),
                "credit", story.credit(), "tags", story.tags(), "authors", story.authors(),
                "correction", "An earlier version misnamed the city."));
        values.put("leadPicture", story.leadPicture());
        String fields = json.writeValueAsString(values);
        HttpResponse<String> response = switch (action) {
            case "save" -> send("PUT", base, fields);
            case "return" -> send("POST", base + "/return-to-draft", "");
            case "schedule" -> send("POST", base + "/schedule", "{\"publishAt\":\"" + later() + "\"}");
            case "correct" -> send("POST", base + "/correct", fields);
            case "restore" -> send("POST", base + "/revisions/1/restore", "");
            default -> send("POST", base + "/" + action, "");
        };
        if (response.statusCode() == 200) {
            return "done " + fixtures.find(id).state();
        }
        JsonNode problem = json.readTree(response.body());
        String code = problem.get("code").asString();
        if (!code.equals("invalid_request")) {
            return code;
        }
        return String.join(" ", problem.get("errors").valueStream().map(e -> e.get("code").asString()).toList());
    }

    private java.time.Instant later() {
        return java.time.Instant.now().plus(Duration.ofHours(3));
    }

    private String csrf() {
        return Jsoup.parse(desk.get("/newsroom/stories/new").body()).select("input[name=_csrf]").first().attr("value");
    }

    private HttpResponse<String> send(String method, String path, String body) {
        return api.send(method, path, body, TOKEN);
    }

    /**
     * The wire enters through the same use cases; where it acts over an editor's lock it does so by a named rule
     * (a newer version of its item wins, its cancellation kills), and nowhere else.
     */
    @org.junit.jupiter.api.Test
    void theWireActsOverALockOnlyByItsNamedRules() {
        String guid = "urn:dateline.test:entrances:" + System.nanoTime();
        JsonNode first = wire(guid, 1, "usable", "Wire copy, first version");
        assertThat(first.get("result").asString()).isEqualTo("created");
        long id = first.get("storyId").asLong();
        StoryFixtures.done(context.getBean(SaveStory.class).save(StoryFixtures.SYSTEM, id,
                StoryFixtures.fields("Wire copy, first version"), null));
        StoryFixtures.done(context.getBean(PublishStory.class).publish(StoryFixtures.SYSTEM, id));
        fixtures.lockedBy(holder, id);

        assertThat(desk("save", id)).isEqualTo("story_locked");
        assertThat(api("save", id)).isEqualTo("story_locked");
        JsonNode second = wire(guid, 2, "usable", "Wire copy, second version");
        assertThat(second.get("result").asString()).isEqualTo("updated");
        assertThat(fixtures.find(id).headline()).isEqualTo("Wire copy, second version");
        assertThat(fixtures.find(id).lock().name()).isEqualTo("Lena Lockholder");

        assertThat(desk("kill", id)).isEqualTo("story_locked");
        assertThat(api("kill", id)).isEqualTo("story_locked");
        assertThat(wire(guid, 3, "canceled", "Wire copy, withdrawn").get("result").asString()).isEqualTo("killed");
        assertThat(fixtures.find(id).state()).isEqualTo(org.dateline.content.ArticleState.KILLED);

        JsonNode late = wire(guid, 4, "usable", "Wire copy after its kill");
        assertThat(late.get("result").asString()).isEqualTo("rejected");
        assertThat(late.get("code").asString()).isEqualTo("story_killed");
        assertThat(desk("save", id)).isEqualTo("story_killed");
        assertThat(api("save", id)).isEqualTo("story_killed");
    }

    /** Pushes one ninjs item to the wire; answers its outcome. */
    private JsonNode wire(String guid, int version, String pubStatus, String headline) {
        String item = json.writeValueAsString(Map.of("uri", guid, "type", "text", "version", String.valueOf(version),
                "language", "en", "pubstatus", pubStatus, "headline", headline, "located", "OSLO",
                "copyrightholder", "Entrance Agency", "description_text", "What the agency sent.",
                "body_html", "<p>What the agency sent, version " + version + ".</p>"));
        try {
            HttpResponse<String> response = api.client().send(HttpRequest.newBuilder(
                            URI.create(api.base() + "/api/wire/items"))
                    .header("Content-Type", "application/ninjs+json").header("Authorization", "Bearer " + TOKEN)
                    .header("X-Wire-Source", "Entrance test wire")
                    .POST(HttpRequest.BodyPublishers.ofString(item)).build(), HttpResponse.BodyHandlers.ofString());
            return json.readTree(response.body()).get("outcomes").get(0);
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
