package org.dateline.newsroom;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

import org.dateline.testing.DatelineTestContext;
import org.dateline.testing.Http;
import org.dateline.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stories before publication through the admin API: a draft is nowhere public, every save is a revision, the
 * workflow moves it along, it is checked in full when it is published, and any revision can be restored.
 */
@IntegrationTest
class StoryWorkflowIT {

    static final String TOKEN = DatelineTestContext.ADMIN_TOKEN;

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    Http http;

    @BeforeEach
    void connect() {
        http = new Http(port);
    }

    @Test
    void draftIsPrivateUntilPublishedAndEverySaveIsARevision() throws Exception {
        String headline = "Draft headline " + System.nanoTime();
        HttpResponse<String> created = http.postJson("/api/admin/articles",
                "{\"status\":\"draft\",\"edition\":\"en\",\"section\":\"science\",\"headline\":\"" + headline + "\"}",
                TOKEN);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode draft = json.readTree(created.body());
        long id = draft.get("id").asLong();
        assertThat(draft.get("state").asString()).isEqualTo("DRAFT");
        assertThat(draft.get("revision").asInt()).isEqualTo(1);
        assertThat(draft.hasNonNull("url")).isFalse();
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                .endsWith("/api/admin/articles/" + id));

        // Nowhere public: pages, feeds, sitemaps, newsfeed, the public APIs.
        for (String surface : new String[] {"/en/", "/en/science/", "/en/rss.xml", "/sitemaps/articles-1.xml",
                "/sitemaps/news.xml", "/en/newsfeed/items"}) {
            assertThat(http.get(surface).body()).as(surface).doesNotContain(headline);
        }
        assertThat(http.get("/api/ninjs/items/" + id).statusCode()).isEqualTo(404);

        // Incomplete: publishing names what is missing, and nothing changes.
        HttpResponse<String> incomplete = http.postJson("/api/admin/articles/" + id + "/publish", "", TOKEN);
        assertThat(incomplete.statusCode()).isEqualTo(400);
        assertThat(incomplete.body()).contains("\"field\":\"lead\",\"code\":\"required\"")
                .contains("\"field\":\"body\",\"code\":\"required\"");
        assertThat(read(id).get("state").asString()).isEqualTo("DRAFT");

        // A full save is revision 2; a save built on revision 1 is refused.
        HttpResponse<String> saved = put(id, withRevision(Http.article("en", "science", headline), 1));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(json.readTree(saved.body()).get("revision").asInt()).isEqualTo(2);
        HttpResponse<String> stale = put(id, withRevision(Http.article("en", "science", headline + " again"), 1));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("\"code\":\"stale_revision\"");
        assertThat(read(id).get("headline").asString()).isEqualTo(headline);

        // The workflow: submit, ready; a ready story cannot be submitted again.
        assertThat(state(http.postJson("/api/admin/articles/" + id + "/submit", "", TOKEN))).isEqualTo("IN_EDIT");
        assertThat(state(http.postJson("/api/admin/articles/" + id + "/ready", "", TOKEN))).isEqualTo("READY");
        HttpResponse<String> again = http.postJson("/api/admin/articles/" + id + "/submit", "", TOKEN);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("\"code\":\"transition_not_allowed\"");

        // Published: live everywhere within a second, same id.
        HttpResponse<String> published = http.postJson("/api/admin/articles/" + id + "/publish", "", TOKEN);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        JsonNode live = read(id);
        assertThat(live.get("state").asString()).isEqualTo("LIVE");
        String path = URI.create(live.get("url").asString()).getPath();
        assertThat(path).startsWith("/en/science/").endsWith("/" + id + "-" + live.get("slug").asString());
        await(() -> http.get("/en/science/").body().contains(headline), Duration.ofSeconds(1));
        assertThat(http.get(path).statusCode()).isEqualTo(200);

        // An update of the live story is revision 3; restoring revision 2 brings the headline back on the site.
        assertThat(put(id, Http.article("en", "science", "Changed " + headline)).statusCode()).isEqualTo(200);
        await(() -> http.get("/en/science/").body().contains("Changed " + headline), Duration.ofSeconds(1));
        JsonNode revisions = json.readTree(http.get("/api/admin/articles/" + id + "/revisions",
                "Authorization", "Bearer " + TOKEN).body());
        assertThat(revisions).hasSize(3);
        assertThat(revisions.get(0).get("number").asInt()).isEqualTo(3);
        assertThat(revisions.get(0).get("state").asString()).isEqualTo("LIVE");
        assertThat(revisions.get(2).get("savedBy").asString()).isEqualTo("Admin token");
        JsonNode first = json.readTree(http.get("/api/admin/articles/" + id + "/revisions/1",
                "Authorization", "Bearer " + TOKEN).body());
        assertThat(first.get("headline").asString()).isEqualTo(headline);
        assertThat(first.get("body")).isEmpty();

        HttpResponse<String> restored = http.postJson("/api/admin/articles/" + id + "/revisions/2/restore", "", TOKEN);
        assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
        assertThat(json.readTree(restored.body()).get("revision").asInt()).isEqualTo(4);
        await(() -> !http.get("/en/science/").body().contains("Changed " + headline)
                && http.get("/en/science/").body().contains(headline), Duration.ofSeconds(1));

        // Restoring the incomplete first revision onto a live story is refused, not half-done.
        HttpResponse<String> refused = http.postJson("/api/admin/articles/" + id + "/revisions/1/restore", "", TOKEN);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(http.get("/api/admin/articles/" + id + "/revisions/9", "Authorization", "Bearer " + TOKEN)
                .body()).contains("\"code\":\"unknown_revision\"");
    }

    @Test
    void scheduledDraftStaysPrivateAndCanBeTakenBack() throws Exception {
        String headline = "Scheduled draft " + System.nanoTime();
        long id = json.readTree(http.postJson("/api/admin/articles",
                Http.article("en", "defense", headline).replaceFirst("\\{", "{\"status\":\"draft\","), TOKEN).body())
                .get("id").asLong();
        HttpResponse<String> past = http.postJson("/api/admin/articles/" + id + "/schedule",
                "{\"publishAt\":\"" + Instant.now().minusSeconds(5) + "\"}", TOKEN);
        assertThat(past.statusCode()).isEqualTo(400);
        assertThat(past.body()).contains("\"code\":\"invalid_time\"");

        HttpResponse<String> scheduled = http.postJson("/api/admin/articles/" + id + "/schedule",
                "{\"publishAt\":\"" + Instant.now().plus(Duration.ofHours(2)) + "\",\"embargo\":true}", TOKEN);
        assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(200);
        JsonNode story = json.readTree(scheduled.body());
        assertThat(story.get("state").asString()).isEqualTo("SCHEDULED");
        String path = URI.create(story.get("url").asString()).getPath();
        assertThat(http.get(path).statusCode()).isEqualTo(404);
        assertThat(http.get("/en/defense/").body()).doesNotContain(headline);

        assertThat(state(http.postJson("/api/admin/articles/" + id + "/unschedule", "", TOKEN))).isEqualTo("READY");
        assertThat(http.get(path).statusCode()).isEqualTo(404);
    }

    @Test
    void storyListFiltersByStateAndText() throws Exception {
        String marker = "Findable " + System.nanoTime();
        long id = json.readTree(http.postJson("/api/admin/articles",
                "{\"status\":\"draft\",\"edition\":\"ru\",\"section\":\"russia\",\"headline\":\"" + marker + "\"}",
                TOKEN).body()).get("id").asLong();
        JsonNode drafts = json.readTree(http.get("/api/admin/articles?state=draft&edition=ru&q="
                + marker.toLowerCase().replace(' ', '+'), "Authorization", "Bearer " + TOKEN).body());
        assertThat(drafts).hasSize(1);
        assertThat(drafts.get(0).get("id").asLong()).isEqualTo(id);
        assertThat(drafts.get(0).get("desk").asString()).isEqualTo("newsroom");
        JsonNode live = json.readTree(http.get("/api/admin/articles?state=LIVE&q="
                + marker.toLowerCase().replace(' ', '+'), "Authorization", "Bearer " + TOKEN).body());
        assertThat(live).isEmpty();
        assertThat(http.get("/api/admin/articles?state=nonsense", "Authorization", "Bearer " + TOKEN).body())
                .contains("\"code\":\"invalid_parameter\"");
        assertThat(http.get("/api/admin/articles").statusCode()).isEqualTo(401);

        HttpResponse<String> noSection = http.postJson("/api/admin/articles",
                "{\"status\":\"draft\",\"edition\":\"en\",\"headline\":\"No section\"}", TOKEN);
        assertThat(noSection.statusCode()).isEqualTo(400);
        assertThat(noSection.body()).contains("\"field\":\"section\",\"code\":\"required\"");
        HttpResponse<String> badStatus = http.postJson("/api/admin/articles",
                Http.article("en", "science", "Odd status").replaceFirst("\\{", "{\"status\":\"pending\","), TOKEN);
        assertThat(badStatus.statusCode()).isEqualTo(400);
    }

    private JsonNode read(long id) {
        return json.readTree(http.get("/api/admin/articles/" + id, "Authorization", "Bearer " + TOKEN).body());
    }

    private String state(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body()).get("state").asString();
    }

    private static String withRevision(String article, int revision) {
        return article.replaceFirst("\\{", "{\"revision\":" + revision + ",");
    }

    private HttpResponse<String> put(long id, String body) {
        try {
            return http.client().send(HttpRequest.newBuilder(URI.create(http.base() + "/api/admin/articles/" + id))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + TOKEN)
                    .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(BooleanSupplier condition, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within " + within).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
