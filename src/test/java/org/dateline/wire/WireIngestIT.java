package org.dateline.wire;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

import org.dateline.platform.DatelineSettings;
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
 * Wire copy from the official IPTC examples and real publisher feeds, pushed over HTTP and dropped into the watched
 * folder: drafts on the Incoming desk, de-duplicated by guid and version, updated and killed by later versions.
 */
@IntegrationTest
class WireIngestIT {

    static final String TOKEN = DatelineTestContext.ADMIN_TOKEN;
    static final Path NEWSML = Conformance.dir("newsml-g2/2.35/examples/LISTING_2_NewsML-G2_Text_Document.xml");

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    WireFolder folder;
    @Autowired
    DatelineSettings settings;
    Http http;

    @BeforeEach
    void connect() {
        http = new Http(port);
    }

    @Test
    void newsmlItemBecomesADraftThenUpdatesAndIsKilledByLaterVersions() throws Exception {
        String guid = "urn:newsml:dateline.test:" + System.nanoTime();
        String original = Files.readString(NEWSML).replace("urn:newsml:acmenews.com:20161121:US-FINANCE-FED", guid);

        JsonNode first = push(original, "application/vnd.iptc.g2.newsitem+xml", 200);
        assertThat(first.get("accepted").asInt()).isEqualTo(1);
        JsonNode outcome = first.get("outcomes").get(0);
        assertThat(outcome.get("result").asString()).isEqualTo("created");
        assertThat(outcome.get("version").asLong()).isEqualTo(11);
        long id = outcome.get("storyId").asLong();

        JsonNode story = story(id);
        assertThat(story.get("state").asString()).isEqualTo("DRAFT");
        assertThat(story.get("desk").asString()).isEqualTo("incoming");
        assertThat(story.get("edition").asString()).isEqualTo("en");
        assertThat(story.get("headline").asString()).isEqualTo("Fed to halt QE to avert \"bubble\"");
        assertThat(story.get("body").size()).isGreaterThan(1);
        assertThat(story.get("provenance").get("guid").asString()).isEqualTo(guid);
        assertThat(story.get("provenance").get("version").asLong()).isEqualTo(11);
        assertThat(http.get("/en/").body()).doesNotContain("avert &quot;bubble&quot;").doesNotContain("avert \"bubble\"");

        // The same version again: a duplicate, nothing changes.
        assertThat(push(original, "application/xml", 200).get("outcomes").get(0).get("result").asString())
                .isEqualTo("duplicate");
        assertThat(story(id).get("revision").asInt()).isEqualTo(1);

        // A newer version replaces the draft's text.
        String v12 = original.replace("version=\"11\"", "version=\"12\"")
                .replace("Fed to halt QE to avert \"bubble\"", "Fed halts QE to avert a bubble");
        assertThat(push(v12, "application/vnd.iptc.g2.newsitem+xml", 200).get("outcomes").get(0).get("result")
                .asString()).isEqualTo("updated");
        story = story(id);
        assertThat(story.get("headline").asString()).isEqualTo("Fed halts QE to avert a bubble");
        assertThat(story.get("provenance").get("version").asLong()).isEqualTo(12);

        // Published by an editor, then canceled by the wire: gone from the site, its address answers 410.
        HttpResponse<String> published = http.postJson("/api/admin/articles/" + id + "/publish", "", TOKEN);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        String path = URI.create(story(id).get("url").asString()).getPath();
        await(() -> http.get(path).statusCode() == 200, Duration.ofSeconds(1));
        String canceled = v12.replace("version=\"12\"", "version=\"13\"").replace("stat:usable", "stat:canceled");
        assertThat(push(canceled, "application/vnd.iptc.g2.newsitem+xml", 200).get("outcomes").get(0)
                .get("result").asString()).isEqualTo("killed");
        await(() -> http.get(path).statusCode() == 410, Duration.ofSeconds(1));
        assertThat(story(id).get("state").asString()).isEqualTo("KILLED");
    }

    @Test
    void aFeedGoesInItemByItemAndBadInputIsRefusedWithACode() throws Exception {
        byte[] guardian = Files.readAllBytes(Conformance.dir("feeds/rss-real/rss-parser/guardian.rss"));
        JsonNode feed = push(guardian, "application/rss+xml", 200);
        assertThat(feed.get("items").asInt()).isEqualTo(55);
        // Pushed twice (the other test class may have pushed it too): all 55 are created or duplicates, none refused.
        assertThat(feed.get("rejected").asInt()).isZero();
        JsonNode again = push(guardian, "application/rss+xml", 200);
        assertThat(again.get("outcomes").findValuesAsString("result")).containsOnly("duplicate");

        // German copy: no edition publishes in German; English ninjs goes in.
        JsonNode dpa = push(Files.readAllBytes(Conformance.dir("ninjs/examples/2.1/dpa_text.json")),
                "application/json", 400);
        assertThat(dpa.get("code").asString()).isEqualTo("unreadable_wire");
        assertThat(dpa.get("outcomes").get(0).get("code").asString()).isEqualTo("no_edition_for_language");
        JsonNode ninjs = push(Files.readAllBytes(Conformance.dir("ninjs/examples/1.4/ninjsExMediumText1.json")),
                "application/ninjs+json", 200);
        assertThat(ninjs.get("outcomes").get(0).get("result").asString()).isIn("created", "duplicate");

        JsonNode malformed = push("<newsItem><unclosed>".getBytes(StandardCharsets.UTF_8), "application/xml", 400);
        assertThat(malformed.get("outcomes").get(0).get("code").asString()).isEqualTo("malformed_xml");
        JsonNode doctype = push(("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<rss><channel><item><title>&e;</title></item></channel></rss>").getBytes(StandardCharsets.UTF_8),
                "application/rss+xml", 400);
        assertThat(doctype.get("outcomes").get(0).get("code").asString()).isEqualTo("doctype_refused");

        JsonNode log = json.readTree(http.get("/api/wire/log?limit=200", "Authorization", "Bearer " + TOKEN).body());
        assertThat(log.findValuesAsString("code")).contains("malformed_xml", "doctype_refused",
                "no_edition_for_language");
        assertThat(http.postJson("/api/wire/items", "{}", null).statusCode()).isEqualTo(401);
    }

    @Test
    void watchedFolderTakesFilesAndSetsRefusedOnesAsideWithTheReason() throws Exception {
        Path wire = settings.dataDir().resolve("wire");
        Path inbox = Files.createDirectories(wire.resolve("inbox"));
        String guid = "urn:newsml:dateline.test:folder:" + System.nanoTime();
        Path good = Files.writeString(inbox.resolve("story.xml"),
                Files.readString(NEWSML).replace("urn:newsml:acmenews.com:20161121:US-FINANCE-FED", guid));
        Path bad = Files.writeString(inbox.resolve("broken.json"), "{\"uri\": ");
        Path writing = Files.writeString(inbox.resolve("still-writing.xml"), "<newsItem");
        FileTime settled = FileTime.from(Instant.now().minusSeconds(5));
        Files.setLastModifiedTime(good, settled);
        Files.setLastModifiedTime(bad, settled);
        Files.setLastModifiedTime(writing, FileTime.from(Instant.now().plusSeconds(60)));

        // The scheduled round may have taken them already; either way each file is taken once.
        folder.scan();
        assertThat(wire.resolve("done/story.xml")).exists();
        assertThat(wire.resolve("failed/broken.json")).exists();
        assertThat(Files.readString(wire.resolve("failed/broken.json.reason.txt"))).contains("malformed_json");
        assertThat(inbox.resolve("still-writing.xml")).exists();
        assertThat(inbox.resolve("story.xml")).doesNotExist();

        JsonNode drafts = json.readTree(http.get("/api/admin/articles?desk=incoming&state=DRAFT&limit=200",
                "Authorization", "Bearer " + TOKEN).body());
        boolean found = false;
        for (JsonNode line : drafts) {
            found |= story(line.get("id").asLong()).path("provenance").path("guid").asString("").equals(guid);
        }
        assertThat(found).as("a draft from " + guid).isTrue();
        Files.delete(writing);
    }

    @Test
    void ninjsHtmlBodyKeepsItsHeadingsListsAndLinksAsMarkup() {
        String guid = "urn:ninjs:dateline.test:" + System.nanoTime();
        String ninjs = """
                {"uri": "%s", "type": "text", "version": "1", "language": "en", "headline": "Shaped wire copy",
                 "body_html": "<p>1990. A year.</p><h2>What happened</h2><ul><li>one</li><li>two</li></ul><p>See <a href=\\"https://example.org/x\\">this</a> <script>x()</script></p>"}
                """.formatted(guid);
        long id = push(ninjs, "application/ninjs+json", 200).get("outcomes").get(0).get("storyId").asLong();
        JsonNode body = story(id).get("body");
        assertThat(body.get(0).asString()).isEqualTo("1990\\. A year.");
        assertThat(body.get(1).asString()).isEqualTo("## What happened");
        assertThat(body.get(2).asString()).isEqualTo("- one\n- two");
        assertThat(body.get(3).asString()).isEqualTo("See [this](<https://example.org/x>)");
    }

    private JsonNode story(long id) {
        return json.readTree(http.get("/api/admin/articles/" + id, "Authorization", "Bearer " + TOKEN).body());
    }

    private JsonNode push(String body, String contentType, int status) {
        return push(body.getBytes(StandardCharsets.UTF_8), contentType, status);
    }

    private JsonNode push(byte[] body, String contentType, int status) {
        try {
            HttpResponse<String> response = http.client().send(HttpRequest.newBuilder(
                            URI.create(http.base() + "/api/wire/items"))
                    .header("Content-Type", contentType).header("Authorization", "Bearer " + TOKEN)
                    .header("X-Wire-Source", "Test wire")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
            return json.readTree(response.body());
        } catch (java.io.IOException | InterruptedException e) {
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
