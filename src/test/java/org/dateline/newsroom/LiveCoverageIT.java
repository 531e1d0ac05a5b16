package org.dateline.newsroom;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.dateline.testing.DatelineTestContext;
import org.dateline.testing.Http;
import org.dateline.testing.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live coverage end to end on a real server: entries through the admin API and its refusals, the cached page renewed
 * after an entry, the newsfeed stream carrying it, and the page's {@code LiveBlogPosting} checked against schema.org.
 */
@IntegrationTest
class LiveCoverageIT {

    static final String TOKEN = DatelineTestContext.ADMIN_TOKEN;
    static final Path SCHEMA_ORG = Path.of(System.getProperty("dateline.shared.dir", "../shared"),
            "conformance/schema-org/schemaorg-current-https.jsonld");

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
    void entriesArePostedReadCorrectedAndDeletedThroughTheApi() {
        long story = liveStory("Live: harbour strike " + System.nanoTime());
        HttpResponse<String> posted = post(story, "{\"text\":\"  Dockers walked out at 6 am.\\nMore soon.  \","
                + "\"link\":\"https://example.org/strike\"}");
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        JsonNode entry = json.readTree(posted.body());
        long entryId = entry.get("id").asLong();
        assertThat(posted.headers().firstValue("Location").orElseThrow())
                .endsWith("/api/admin/articles/" + story + "/entries/" + entryId);
        assertThat(entry.get("text").asString()).isEqualTo("Dockers walked out at 6 am.\nMore soon.");
        assertThat(entry.get("link").asString()).isEqualTo("https://example.org/strike");
        assertThat(entry.get("url").asString()).endsWith("#entry-" + entryId);
        assertThat(entry.get("updatedAt").asString()).isEqualTo(entry.get("postedAt").asString());

        long second = json.readTree(post(story, "{\"text\":\"Talks begin.\"}").body()).get("id").asLong();
        JsonNode list = json.readTree(http.send("GET", "/api/admin/articles/" + story + "/entries", "", TOKEN).body());
        assertThat(list.get("liveCoverage").asBoolean()).isTrue();
        assertThat(list.get("entries").valueStream().map(e -> e.get("id").asLong()).toList())
                .as("newest first").containsExactly(second, entryId);

        HttpResponse<String> corrected = http.send("PUT", "/api/admin/articles/" + story + "/entries/" + entryId,
                "{\"text\":\"Dockers walked out at 7 am.\"}", TOKEN);
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
        JsonNode now = json.readTree(corrected.body());
        assertThat(now.get("text").asString()).isEqualTo("Dockers walked out at 7 am.");
        assertThat(now.hasNonNull("link")).as("the link was left out: none any more").isFalse();
        assertThat(now.get("updatedAt").asString()).isGreaterThan(now.get("postedAt").asString());

        assertThat(http.send("DELETE", "/api/admin/articles/" + story + "/entries/" + entryId, "", TOKEN)
                .statusCode()).isEqualTo(204);
        assertProblem(http.send("GET", "/api/admin/articles/" + story + "/entries/" + entryId, "", TOKEN), 404,
                "unknown_entry");
        assertProblem(http.send("DELETE", "/api/admin/articles/" + story + "/entries/" + entryId, "", TOKEN), 404,
                "unknown_entry");
        assertThat(json.readTree(http.send("GET", "/api/admin/articles/" + story + "/entries", "", TOKEN).body())
                .get("entries").valueStream().map(e -> e.get("id").asLong()).toList()).containsExactly(second);
    }

    @Test
    void refusesWhatCannotBeAnEntryAndStoriesThatTakeNone() {
        long story = liveStory("Live: refusals " + System.nanoTime());
        long unknown = story + 1_000_000;
        assertProblem(post(unknown, "{\"text\":\"x\"}"), 404, "unknown_article");
        assertProblem(http.send("PUT", "/api/admin/articles/" + story + "/entries/" + unknown,
                "{\"text\":\"x\"}", TOKEN), 404, "unknown_entry");
        assertField(post(story, "{\"text\":\"   \"}"), "text", "required");
        assertField(post(story, "{}"), "text", "required");
        assertField(post(story, "{\"text\":\"" + "x".repeat(2001) + "\"}"), "text", "too_long");
        assertField(post(story, "{\"text\":\"ok\",\"link\":\"javascript:alert(1)\"}"), "link", "invalid_link");
        assertField(post(story, "{\"text\":\"ok\",\"link\":\"ftp://example.org/file\"}"), "link", "invalid_link");
        assertField(post(story, "{\"text\":\"ok\",\"link\":\"/relative/path\"}"), "link", "invalid_link");
        assertProblem(http.send("POST", "/api/admin/articles/" + story + "/entries", "{\"text\":", TOKEN), 400,
                "malformed_json");

        long plain = publish("Not live coverage " + System.nanoTime());
        assertProblem(post(plain, "{\"text\":\"x\"}"), 409, "not_live_coverage");

        long draft = json.readTree(http.postJson("/api/admin/articles", Http.article("en", "world",
                "Live draft " + System.nanoTime()).replace("{\"edition\"", "{\"status\":\"draft\",\"edition\""),
                TOKEN).body()).get("id").asLong();
        setLiveCoverage(draft);
        assertProblem(post(draft, "{\"text\":\"x\"}"), 409, "not_live");
        assertThat(json.readTree(http.send("GET", "/api/admin/articles/" + story + "/entries", "", TOKEN).body())
                .get("entries").size()).as("nothing refused was stored").isZero();
    }

    @Test
    void anEntryRenewsTheCachedPageEscapedAndWithItsOwnLink() {
        String headline = "Live: cached page " + System.nanoTime();
        long story = liveStory(headline);
        String path = path(story);
        Document before = Jsoup.parse(http.cachedHit(path).body());
        assertThat(before.select(".live-badge").text()).isEqualTo("Live");
        assertThat(before.select(".live-empty").hasAttr("hidden")).isFalse();

        long entryId = json.readTree(post(story, "{\"text\":\"<b>Not bold</b> & said so\","
                + "\"link\":\"https://example.org/a?b=1&c=2\"}").body()).get("id").asLong();
        long deadline = System.nanoTime() + 2_000_000_000L;
        Element shown = null;
        while (shown == null && System.nanoTime() < deadline) {
            shown = Jsoup.parse(http.get(path).body()).getElementById("entry-" + entryId);
        }
        assertThat(shown).as("the cached page shows the entry within a second or two").isNotNull();
        assertThat(shown.select(".live-entry-text").html()).isEqualTo("&lt;b&gt;Not bold&lt;/b&gt; &amp; said so");
        Element link = shown.selectFirst(".live-entry-link a");
        assertThat(link.attr("href")).isEqualTo("https://example.org/a?b=1&c=2");
        assertThat(link.attr("rel")).isEqualTo("nofollow noopener");
        assertThat(shown.selectFirst("a.live-entry-time").attr("href")).isEqualTo(path + "#entry-" + entryId);

        http.send("PUT", "/api/admin/articles/" + story + "/entries/" + entryId, "{\"text\":\"Corrected.\"}", TOKEN);
        deadline = System.nanoTime() + 2_000_000_000L;
        String text = "";
        while (!text.equals("Corrected.") && System.nanoTime() < deadline) {
            Element now = Jsoup.parse(http.get(path).body()).getElementById("entry-" + entryId);
            text = now == null ? "" : now.select(".live-entry-text").text();
        }
        assertThat(text).isEqualTo("Corrected.");
        assertThat(Jsoup.parse(http.get(path).body()).select("#entry-" + entryId + " .live-entry-updated"))
                .isNotEmpty();
    }

    @Test
    void theNewsfeedStreamCarriesEntriesAndTheirDeletion() throws Exception {
        long story = liveStory("Live: stream " + System.nanoTime());
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create(http.base() + "/en/newsfeed/stream")).build();
        HttpResponse<java.util.stream.Stream<String>> opened = http.client()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines()).get();
        CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> opened.body().forEach(lines::add));
        try {
            waitFor(lines, ":newsfeed");
            long entryId = json.readTree(post(story, "{\"text\":\"Streamed <i>entry</i>\"}").body()).get("id")
                    .asLong();
            String data = waitFor(lines, "\"id\":" + entryId + ",");
            int at = lines.indexOf(data);
            assertThat(lines.get(at - 1)).isEqualTo("event: entry");
            JsonNode event = json.readTree(data.substring("data: ".length()));
            assertThat(event.get("article").asLong()).isEqualTo(story);
            assertThat(event.get("text").asString()).isEqualTo("Streamed <i>entry</i>");
            assertThat(event.get("time").asString()).matches("\\d\\d:\\d\\d UTC"); // the zone named

            http.send("DELETE", "/api/admin/articles/" + story + "/entries/" + entryId, "", TOKEN);
            String removed = waitFor(lines, "data: {\"id\":" + entryId + "}");
            assertThat(lines.get(lines.indexOf(removed) - 1)).isEqualTo("event: entry-removed");
        } finally {
            reading.cancel(true);
        }
    }

    @Test
    void theLivePageDescribesItselfAsALiveBlogPostingWithItsUpdates() throws Exception {
        long story = liveStory("Live: structured data " + System.nanoTime());
        long first = json.readTree(post(story, "{\"text\":\"First update.\"}").body()).get("id").asLong();
        long second = json.readTree(post(story, "{\"text\":\"" + "A long second update. ".repeat(10)
                + "\\nIts second line.\"}").body()).get("id").asLong();
        String path = path(story);
        JsonNode ld = null;
        long deadline = System.nanoTime() + 2_000_000_000L;
        while ((ld == null || ld.path("liveBlogUpdate").size() < 2) && System.nanoTime() < deadline) {
            ld = json.readTree(Jsoup.parse(http.get(path).body()).select("script[type=application/ld+json]").html());
        }
        assertThat(ld.get("@type").asString()).isEqualTo("LiveBlogPosting");
        assertThat(ld.get("coverageStartTime").asString()).isEqualTo(ld.get("datePublished").asString());
        JsonNode updates = ld.get("liveBlogUpdate");
        assertThat(updates.valueStream().map(u -> u.get("url").asString()).toList()).containsExactly(
                http.base() + path + "#entry-" + second, http.base() + path + "#entry-" + first);
        for (JsonNode update : updates) {
            assertThat(update.get("@type").asString()).isEqualTo("BlogPosting");
            assertThat(update.get("headline").asString()).isNotBlank().hasSizeLessThanOrEqualTo(110);
            assertThat(update.get("datePublished").asString()).isNotBlank();
            assertThat(update.get("articleBody").asString()).isNotBlank();
        }
        assertThat(updates.get(0).get("headline").asString()).endsWith("…").doesNotContain("second line");

        Schema schema = schema();
        assertThat(schema.foreignProperties(ld, "LiveBlogPosting")).as("properties LiveBlogPosting does not have")
                .isEmpty();
        for (JsonNode update : updates) {
            assertThat(schema.foreignProperties(update, "BlogPosting")).isEmpty();
        }

        long plain = publish("Plain story " + System.nanoTime());
        JsonNode article = json.readTree(Jsoup.parse(http.get(path(plain)).body())
                .select("script[type=application/ld+json]").html());
        assertThat(article.get("@type").asString()).isEqualTo("NewsArticle");
        assertThat(article.has("liveBlogUpdate")).isFalse();
    }

    /** schema.org's vocabulary: each type's ancestors, each property's domain. */
    record Schema(Map<String, Set<String>> parents, Map<String, Set<String>> domains) {

        Set<String> ancestors(String type) {
            Set<String> all = new HashSet<>(Set.of(type));
            for (String parent : parents.getOrDefault(type, Set.of())) {
                all.addAll(ancestors(parent));
            }
            return all;
        }

        /** The properties of a node that schema.org does not give its type (or gives no type at all). */
        List<String> foreignProperties(JsonNode node, String type) {
            Set<String> types = ancestors(type);
            return node.propertyNames().stream().filter(name -> !name.startsWith("@"))
                    .filter(name -> domains.getOrDefault(name, Set.of()).stream().noneMatch(types::contains))
                    .toList();
        }
    }

    private Schema schema() throws Exception {
        Map<String, Set<String>> parents = new HashMap<>();
        Map<String, Set<String>> domains = new HashMap<>();
        for (JsonNode node : json.readTree(Files.readString(SCHEMA_ORG)).get("@graph")) {
            String id = node.path("@id").asString("");
            if (!id.startsWith("schema:")) {
                continue;
            }
            String name = id.substring("schema:".length());
            parents.put(name, ids(node.path("rdfs:subClassOf")));
            domains.put(name, ids(node.path("schema:domainIncludes")));
        }
        return new Schema(parents, domains);
    }

    private static Set<String> ids(JsonNode value) {
        Set<String> ids = new HashSet<>();
        for (JsonNode one : value.isArray() ? value : List.of(value)) {
            String id = one.path("@id").asString("");
            if (id.startsWith("schema:")) {
                ids.add(id.substring("schema:".length()));
            }
        }
        return ids;
    }

    private long liveStory(String headline) {
        long id = publish(headline);
        setLiveCoverage(id);
        return id;
    }

    private long publish(String headline) {
        HttpResponse<String> published = http.postJson("/api/admin/articles", Http.article("en", "world", headline),
                TOKEN);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
        return json.readTree(published.body()).get("id").asLong();
    }

    private void setLiveCoverage(long id) {
        HttpResponse<String> set = http.send("PUT", "/api/admin/articles/" + id + "/live-coverage",
                "{\"liveCoverage\":true}", TOKEN);
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
    }

    private String path(long id) {
        String url = json.readTree(http.send("GET", "/api/admin/articles/" + id, "", TOKEN).body()).get("url")
                .asString();
        return URI.create(url).getPath();
    }

    private HttpResponse<String> post(long story, String body) {
        return http.send("POST", "/api/admin/articles/" + story + "/entries", body, TOKEN);
    }

    private void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(json.readTree(response.body()).get("code").asString()).isEqualTo(code);
    }

    private void assertField(HttpResponse<String> response, String field, String code) {
        assertProblem(response, 400, "invalid_request");
        JsonNode errors = json.readTree(response.body()).get("errors");
        assertThat(errors.valueStream().anyMatch(e -> e.get("field").asString().equals(field)
                && e.get("code").asString().equals(code))).as(response.body()).isTrue();
    }

    private static String waitFor(List<String> lines, String fragment) throws InterruptedException {
        long deadline = System.nanoTime() + 3_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (String line : lines) {
                if (line.contains(fragment)) {
                    return line;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the stream never carried " + fragment + ": " + lines);
    }
}
