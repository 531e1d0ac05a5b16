package org.dateline.newsroom;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.dateline.testing.DatelineTestContext;
import org.dateline.testing.Http;
import org.dateline.testing.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Updates and corrections of published articles through the admin API reach the cached page within a second. */
@IntegrationTest
class UpdateAndCorrectIT {

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    Http http;

    @BeforeEach
    void connect() {
        http = new Http(port);
    }

    private HttpResponse<String> put(String path, String body) {
        try {
            return http.client().send(HttpRequest.newBuilder(URI.create(http.base() + path))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + DatelineTestContext.ADMIN_TOKEN)
                    .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void updateMovesTheArticleAndOldAddressesRedirect() throws Exception {
        HttpResponse<String> created = http.postJson("/api/admin/articles", Http.article("en", "science", "Original headline"),
                DatelineTestContext.ADMIN_TOKEN);
        JsonNode body = json.readTree(created.body());
        long id = body.get("id").asLong();
        String oldPath = URI.create(body.get("url").asString()).getPath();
        http.get(oldPath);
        http.get("/en/science/");

        HttpResponse<String> updated = put("/api/admin/articles/" + id,
                Http.article("en", "culture", "Rewritten headline").replace("Test tag", "Another tag"));
        assertThat(updated.statusCode()).isEqualTo(200);
        String newPath = URI.create(json.readTree(updated.body()).get("url").asString()).getPath();
        assertThat(newPath).startsWith("/en/culture/").endsWith(id + "-rewritten-headline");

        await(() -> http.get(oldPath).statusCode() == 301, Duration.ofSeconds(1));
        assertThat(http.get(oldPath).headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(newPath));
        await(() -> !http.get("/en/science/").body().contains("<h2>Original headline</h2>"), Duration.ofSeconds(1));
        Document page = Jsoup.parse(http.get(newPath).body());
        assertThat(page.select("h1").text()).isEqualTo("Rewritten headline");
        assertThat(page.select(".stamps time")).hasSize(2); // published and updated
        assertThat(page.select(".tags a").eachText()).containsExactly("Another tag");

        JsonNode read = json.readTree(http.get("/api/admin/articles/" + id, "Authorization",
                "Bearer " + DatelineTestContext.ADMIN_TOKEN).body());
        assertThat(read.get("headline").asString()).isEqualTo("Rewritten headline");
        assertThat(read.get("section").asString()).isEqualTo("culture");
    }

    @Test
    void correctionShowsOnThePageAndInStructuredData() throws Exception {
        HttpResponse<String> created = http.postJson("/api/admin/articles", Http.article("en", "world", "Story with an error"),
                DatelineTestContext.ADMIN_TOKEN);
        long id = json.readTree(created.body()).get("id").asLong();
        String path = URI.create(json.readTree(created.body()).get("url").asString()).getPath();
        http.get(path);

        HttpResponse<String> missingNote = http.postJson("/api/admin/articles/" + id + "/correct",
                Http.article("en", "world", "Story with an error"), DatelineTestContext.ADMIN_TOKEN);
        assertThat(missingNote.statusCode()).isEqualTo(400);
        assertThat(missingNote.body()).contains("{\"field\":\"correction\",\"code\":\"required\"");

        String note = "An earlier version of this story misstated the date of the talks.";
        String correction = Http.article("en", "world", "Story with an error, corrected").replaceFirst("\\{",
                "{\"correction\":\"" + note + "\",");
        assertThat(http.postJson("/api/admin/articles/" + id + "/correct", correction, DatelineTestContext.ADMIN_TOKEN)
                .statusCode()).isEqualTo(200);
        await(() -> http.get(path.replace("story-with-an-error", "story-with-an-error-corrected")).body().contains(note),
                Duration.ofSeconds(1));
        Document page = Jsoup.parse(http.get(path.replace("story-with-an-error", "story-with-an-error-corrected")).body());
        assertThat(page.select(".correction p").first().text()).isEqualTo(note);
        JsonNode ld = json.readTree(page.select("script[type=application/ld+json]").html());
        assertThat(ld.get("correction").get("text").asString()).isEqualTo(note);
        assertThat(ld.get("dateModified").asString()).isNotEqualTo(ld.get("datePublished").asString());
    }

    @Test
    void updatesOfUnknownArticlesAndBadInputAreRefused() {
        assertThat(put("/api/admin/articles/987654321", Http.article("en", "world", "X")).statusCode()).isEqualTo(404);
        assertThat(put("/api/admin/articles/1", "{not json").body()).contains("\"code\":\"malformed_json\"");
        assertThat(put("/api/admin/articles/1", "{\"headline\":\"\"}").body()).contains("\"code\":\"invalid_request\"");
        assertThat(http.get("/api/admin/articles/987654321", "Authorization", "Bearer " + DatelineTestContext.ADMIN_TOKEN)
                .statusCode()).isEqualTo(404);
        assertThat(http.get("/api/admin/articles/1").statusCode()).isEqualTo(401);
    }

    private static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not true within " + timeout.toMillis() + " ms");
            }
            Thread.sleep(20);
        }
    }
}
