package org.dateline.newsroom;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.dateline.identity.Accounts;
import org.dateline.identity.Role;
import org.dateline.testing.DatelineTestContext;
import org.dateline.testing.Http;
import org.dateline.testing.IntegrationTest;
import org.dateline.testing.WebSession;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The front page editors arrange: set and read through the admin API and the newsroom's front screen, refused with a
 * stable code per problem, shown on the home page with the latest filling the rest, a story taken down dropping out,
 * and every change reaching the cached home page at once.
 */
@IntegrationTest
class FrontPageIT {

    static final String FRONT = "/api/admin/editions/en/front";

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    Accounts accounts;
    @Autowired
    ApplicationContext context;

    Http http;

    @BeforeEach
    void connect() {
        http = new Http(port);
    }

    /** Other tests expect the home page to lead with the latest story. */
    @AfterEach
    void clearTheFront() {
        for (String edition : List.of("en", "ru")) {
            assertThat(put("/api/admin/editions/" + edition + "/front", "{}").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void anArrangementRoundTripsAndTheHomePageShowsItWithTheLatestFillingTheRest() {
        String marker = "Front " + System.nanoTime();
        long top = publish("en", "world", marker + " top story");
        long pinned = publish("en", "russia", marker + " pinned story");
        long latest = publish("en", "science", marker + " latest story");

        HttpResponse<String> put = put(FRONT, """
                {"top":{"id":%d,"frontHeadline":"  Short top  "},
                 "pinned":[{"id":%d}],
                 "sections":["sport","russia"]}
                """.formatted(top, pinned));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

        JsonNode front = json.readTree(get(FRONT, DatelineTestContext.ADMIN_TOKEN).body());
        assertThat(front.get("edition").asString()).isEqualTo("en");
        assertThat(front.get("top").get("id").asLong()).isEqualTo(top);
        assertThat(front.get("top").get("frontHeadline").asString()).isEqualTo("Short top");
        assertThat(front.get("top").get("headline").asString()).isEqualTo(marker + " top story");
        assertThat(front.get("pinned")).hasSize(1);
        assertThat(front.get("pinned").get(0).get("id").asLong()).isEqualTo(pinned);
        assertThat(front.get("pinned").get(0).hasNonNull("frontHeadline")).isFalse();
        List<String> sections = new ArrayList<>();
        front.get("sections").forEach(s -> sections.add(s.asString()));
        assertThat(sections).startsWith("sport", "russia").contains("world", "science");
        assertThat(front.get("maxPinned").asInt()).isEqualTo(ArrangeFront.MAX_PINNED);

        // what GET answers, PUT takes back unchanged
        assertThat(put(FRONT, get(FRONT, DatelineTestContext.ADMIN_TOKEN).body()).statusCode()).isEqualTo(200);
        assertThat(json.readTree(get(FRONT, DatelineTestContext.ADMIN_TOKEN).body())).isEqualTo(front);

        Document home = Jsoup.parse(http.get("/en/").body());
        assertThat(home.select(".front-lead h2").text()).isEqualTo("Short top");
        assertThat(home.select(".front-lead a[href*=/" + top + "-]")).isNotEmpty();
        List<String> secondary = home.select(".front-secondary h2").eachText();
        assertThat(secondary.get(0)).isEqualTo(marker + " pinned story");
        assertThat(secondary.get(1)).as("the latest fills the rest").isEqualTo(marker + " latest story");
        assertThat(home.select(".front-section h2").eachText()).startsWith("Sport", "Russia");
        assertThat(home.select(".front-section h2 a").first().attr("href")).isEqualTo("/en/sport/");
        assertThat(home.select("main h2, main h3").eachText().stream().filter(t -> t.startsWith(marker)).toList())
                .as("each story once").doesNotHaveDuplicates();
        assertThat(latest).isPositive();
    }

    @Test
    void everyProblemIsRefusedWithItsOwnCodeAndNothingIsStored() {
        String marker = "Refused " + System.nanoTime();
        long live = publish("en", "world", marker + " live");
        long russian = publish("ru", "world", marker + " russian");
        long gone = publish("en", "world", marker + " unpublished");
        StoryFixtures.done(context.getBean(UnpublishStory.class).unpublish(StoryFixtures.SYSTEM, gone));
        assertThat(put(FRONT, "{\"top\":{\"id\":" + live + "}}").statusCode()).isEqualTo(200);
        String before = get(FRONT, DatelineTestContext.ADMIN_TOKEN).body();

        refused("{\"top\":{\"id\":999999999}}", "top.id", "unknown_story");
        refused("{\"pinned\":[{\"id\":" + russian + "}]}", "pinned[0].id", "story_of_other_edition");
        refused("{\"top\":{\"id\":" + gone + "}}", "top.id", "story_not_live");
        refused("{\"top\":{\"id\":" + live + "},\"pinned\":[{\"id\":" + live + "}]}", "pinned[0].id",
                "duplicate_story");
        String seven = java.util.stream.IntStream.range(0, ArrangeFront.MAX_PINNED + 1)
                .mapToObj(i -> "{\"id\":" + live + "}").collect(Collectors.joining(","));
        refused("{\"pinned\":[" + seven + "]}", "pinned", "too_many_pinned");
        refused("{\"top\":{\"id\":" + live + ",\"frontHeadline\":\"" + "x".repeat(ArrangeFront.MAX_FRONT_HEADLINE + 1)
                + "\"}}", "top.frontHeadline", "headline_too_long");
        refused("{\"sections\":[\"sport\",\"no-such-section\"]}", "sections[1]", "unknown_section");
        refused("{\"pinned\":[{\"frontHeadline\":\"No story\"}]}", "pinned[0].id", "required");

        HttpResponse<String> malformed = put(FRONT, "{\"top\":");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(code(malformed)).isEqualTo("malformed_json");
        for (HttpResponse<String> unknown : List.of(put("/api/admin/editions/xx/front", "{}"),
                get("/api/admin/editions/xx/front", DatelineTestContext.ADMIN_TOKEN))) {
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(code(unknown)).isEqualTo("unknown_edition");
        }
        assertThat(get(FRONT, DatelineTestContext.ADMIN_TOKEN).body()).as("nothing stored").isEqualTo(before);
        assertThat(get(FRONT, null).statusCode()).isEqualTo(401);
    }

    @Test
    void aStoryTakenDownDropsOutOfTheFrontAndTheLatestLeadsAgain() {
        String marker = "Dropped " + System.nanoTime();
        long top = publish("en", "world", marker + " top");
        long pinned = publish("en", "world", marker + " pinned");
        long newest = publish("en", "world", marker + " newest");
        assertThat(put(FRONT, "{\"top\":{\"id\":%d},\"pinned\":[{\"id\":%d,\"frontHeadline\":\"Pinned short\"}]}"
                .formatted(top, pinned)).statusCode()).isEqualTo(200);
        http.cachedHit("/en/");

        StoryFixtures.done(context.getBean(KillStory.class).kill(StoryFixtures.SYSTEM, top));
        StoryFixtures.done(context.getBean(UnpublishStory.class).unpublish(StoryFixtures.SYSTEM, pinned));

        await(() -> Jsoup.parse(http.get("/en/").body()).select(".front-lead h2").text().equals(marker + " newest"));
        Document home = Jsoup.parse(http.get("/en/").body());
        assertThat(home.text()).doesNotContain(marker + " top").doesNotContain("Pinned short")
                .doesNotContain(marker + " pinned");
        JsonNode front = json.readTree(get(FRONT, DatelineTestContext.ADMIN_TOKEN).body());
        assertThat(front.hasNonNull("top")).isFalse();
        assertThat(front.get("pinned")).isEmpty();
        assertThat(newest).isPositive();
    }

    @Test
    void aChangedFrontReachesTheCachedHomePageWithinASecond() {
        String marker = "Evicted " + System.nanoTime();
        long older = publish("en", "economy", marker + " older");
        publish("en", "economy", marker + " newer");
        String cached = http.cachedHit("/en/").body();
        assertThat(Jsoup.parse(cached).select(".front-lead h2").text()).isEqualTo(marker + " newer");

        assertThat(put(FRONT, "{\"top\":{\"id\":" + older + ",\"frontHeadline\":\"" + marker + " chosen\"}}")
                .statusCode()).isEqualTo(200);
        await(() -> Jsoup.parse(http.get("/en/").body()).select(".front-lead h2").text()
                .equals(marker + " chosen"));
        assertThat(http.cachedHit("/en/").headers().firstValue("Surrogate-Key").orElseThrow()).contains("front:en");
    }

    @Test
    void editorsArrangeTheFrontOnTheNewsroomScreenAndContributorsOnlyReadIt() throws Exception {
        String marker = "Screen " + System.nanoTime();
        long top = publish("ru", "world", marker + " главная");
        long pinned = publish("ru", "economy", marker + " закреплённая");
        WebSession editor = WebSession.staff(port, accounts, Role.EDITOR);
        Document screen = Jsoup.parse(editor.get("/newsroom/front/ru").body());
        assertThat(screen.select("select[name=pinnedId]")).hasSize(ArrangeFront.MAX_PINNED);
        assertThat(screen.select("#topId option[value=" + top + "]")).hasSize(1);
        String token = screen.select("form.front-form input[name=_csrf]").val();
        List<String> sections = screen.select("input[name=sectionSlug]").eachAttr("value");

        List<String[]> fields = new ArrayList<>();
        fields.add(new String[] {"_csrf", token});
        fields.add(new String[] {"topId", String.valueOf(top)});
        fields.add(new String[] {"topHeadline", "Коротко, с запятой"});
        for (int i = 0; i < ArrangeFront.MAX_PINNED; i++) {
            fields.add(new String[] {"pinnedId", i == 1 ? String.valueOf(pinned) : ""});
            fields.add(new String[] {"pinnedHeadline", ""});
        }
        for (int i = 0; i < sections.size(); i++) {
            fields.add(new String[] {"sectionSlug", sections.get(i)});
            fields.add(new String[] {"sectionName", sections.get(i)});
            // the last section first
            fields.add(new String[] {"sectionPosition", String.valueOf(i == sections.size() - 1 ? 0 : i + 1)});
        }
        HttpResponse<String> saved = post(editor, "/newsroom/front/ru", fields);
        assertThat(WebSession.location(saved)).as(saved.body()).endsWith("/newsroom/front/ru?done=saved");
        JsonNode front = json.readTree(get("/api/admin/editions/ru/front", DatelineTestContext.ADMIN_TOKEN).body());
        assertThat(front.get("top").get("id").asLong()).isEqualTo(top);
        assertThat(front.get("top").get("frontHeadline").asString()).isEqualTo("Коротко, с запятой");
        assertThat(front.get("pinned").get(0).get("id").asLong()).isEqualTo(pinned);
        assertThat(front.get("sections").get(0).asString()).isEqualTo(sections.get(sections.size() - 1));

        // the screen shows what is stored; ticking "take off" and saving removes only that story from the front
        Document again = Jsoup.parse(editor.get("/newsroom/front/ru?done=saved").body());
        assertThat(again.select("[role=status]").text()).startsWith("Saved");
        assertThat(again.select("select[name=pinnedId]").first().select("option[selected]").val())
                .isEqualTo(String.valueOf(pinned));
        List<String[]> remove = new ArrayList<>();
        remove.add(new String[] {"_csrf", token});
        remove.add(new String[] {"topId", String.valueOf(top)});
        remove.add(new String[] {"pinnedId", String.valueOf(pinned)});
        remove.add(new String[] {"remove", "0"});
        assertThat(WebSession.location(post(editor, "/newsroom/front/ru", remove))).endsWith("?done=saved");
        front = json.readTree(get("/api/admin/editions/ru/front", DatelineTestContext.ADMIN_TOKEN).body());
        assertThat(front.get("pinned")).isEmpty();
        assertThat(front.get("top").get("id").asLong()).isEqualTo(top);

        // a refusal is named on the screen, beside nothing stored
        List<String[]> tooLong = new ArrayList<>();
        tooLong.add(new String[] {"_csrf", token});
        tooLong.add(new String[] {"topId", String.valueOf(top)});
        tooLong.add(new String[] {"topHeadline", "я".repeat(ArrangeFront.MAX_FRONT_HEADLINE + 1)});
        HttpResponse<String> refused = post(editor, "/newsroom/front/ru", tooLong);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(refused.body()).select(".form-errors").attr("data-codes"))
                .isEqualTo("headline_too_long");

        // without the page's token nothing is stored
        assertThat(post(editor, "/newsroom/front/ru", List.<String[]>of(new String[] {"topId", ""})).statusCode())
                .isEqualTo(403);

        WebSession contributor = WebSession.staff(port, accounts, Role.CONTRIBUTOR);
        Document read = Jsoup.parse(contributor.get("/newsroom/front/ru").body());
        assertThat(read.select("form.front-form > fieldset[disabled]")).hasSize(1);
        String theirs = read.select("form.front-form input[name=_csrf]").val();
        HttpResponse<String> notAllowed = post(contributor, "/newsroom/front/ru",
                List.of(new String[] {"_csrf", theirs}, new String[] {"topId", ""}));
        assertThat(Jsoup.parse(notAllowed.body()).select(".form-errors").attr("data-codes"))
                .isEqualTo("not_permitted");
        front = json.readTree(get("/api/admin/editions/ru/front", DatelineTestContext.ADMIN_TOKEN).body());
        assertThat(front.get("top").get("id").asLong()).as("unchanged").isEqualTo(top);
    }

    private void refused(String body, String field, String code) {
        HttpResponse<String> response = put(FRONT, body);
        assertThat(response.statusCode()).as(body + " → " + response.body()).isEqualTo(400);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("code").asString()).isEqualTo("invalid_request");
        List<String> found = new ArrayList<>();
        problem.get("errors").forEach(e -> found.add(e.get("field").asString() + " " + e.get("code").asString()));
        assertThat(found).as(body).contains(field + " " + code);
    }

    private long publish(String edition, String section, String headline) {
        HttpResponse<String> created = http.postJson("/api/admin/articles", Http.article(edition, section, headline),
                DatelineTestContext.ADMIN_TOKEN);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body()).get("id").asLong();
    }

    private HttpResponse<String> put(String path, String body) {
        return http.send("PUT", path, body, DatelineTestContext.ADMIN_TOKEN);
    }

    private HttpResponse<String> get(String path, String token) {
        return token == null ? http.get(path) : http.get(path, "Authorization", "Bearer " + token);
    }

    private String code(HttpResponse<String> response) {
        return json.readTree(response.body()).get("code").asString();
    }

    /** A form post with repeated fields, in order, as a browser sends it. */
    private static HttpResponse<String> post(WebSession session, String path, List<String[]> fields)
            throws Exception {
        String form = fields.stream().map(f -> URLEncoder.encode(f[0], StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(f[1], StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return session.client().send(HttpRequest.newBuilder(URI.create("http://localhost:" + session.port() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void await(java.util.function.BooleanSupplier condition) {
        long until = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("not within a second");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
