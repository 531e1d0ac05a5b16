package org.dateline.wire;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.dateline.identity.Actor;
import org.dateline.identity.Role;
import org.dateline.media.PictureFields;
import org.dateline.media.PictureResult;
import org.dateline.media.PictureUpload;
import org.dateline.media.UploadPicture;
import org.dateline.newsroom.PublishCommand;
import org.dateline.newsroom.SaveStory;
import org.dateline.newsroom.StoryResult;
import org.dateline.content.Article;
import org.dateline.content.ContentQueries;
import org.dateline.media.PictureQueries;
import org.dateline.testing.DatelineTestContext;
import org.dateline.testing.Http;
import org.dateline.testing.IntegrationTest;
import org.dateline.testing.TestPictures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wire pictures fetched from a real HTTP server on this machine into the picture library: the IPTC photo example
 * pushed, replaced by a newer version with another file and withdrawn by a cancellation; a ninjs story's featured
 * picture and a polled feed's media as the stories' lead pictures; a rendition that answers HTML refused.
 */
@IntegrationTest
@Import(FeedClock.class)
@TestPropertySource(properties = {"dateline.wire.allow-local-feeds=true", "dateline.wire.poll-feeds=false",
        "dateline.wire.fetch-pictures=true"})
class WirePicturesIngestIT {

    static final String TOKEN = DatelineTestContext.ADMIN_TOKEN;
    static final Path PHOTO = Conformance.dir(
            "newsml-g2/2.35/examples/LISTING_26_Embedded_photo_metadata_fields_mapped_to_NewsML-G2.xml");
    static final String PHOTO_GUID = "tag:acmenews.com,2008:WORLD-NEWS:USA20081208098658";
    static final String PHOTO_HREF = "http://www.acmenews.com/content/pictures/hires/20081208/USA-CRASH-MILITARY_001_HI.jpg";

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    ContentQueries content;
    @Autowired
    PictureQueries library;
    @Autowired
    UploadPicture uploads;
    @Autowired
    SaveStory saves;
    @Autowired
    FeedPoller poller;
    @Autowired
    FeedStore store;

    Http http;
    HttpServer server;
    final Map<String, byte[]> files = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        http = new Http(port);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/pics/", exchange -> {
            byte[] file = files.get(exchange.getRequestURI().getPath());
            if (file == null) {
                answer(exchange, 404, "text/plain", "Not here".getBytes(StandardCharsets.UTF_8));
            } else {
                answer(exchange, 200, "image/jpeg", file);
            }
        });
        server.createContext("/moved/", exchange -> {
            exchange.getResponseHeaders().add("Location", exchange.getRequestURI().getPath().replace("/moved/", "/pics/"));
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/page.html", exchange -> answer(exchange, 200, "text/html; charset=utf-8",
                "<!doctype html><html><body>Log in to see this picture</body></html>".getBytes(StandardCharsets.UTF_8)));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void theIptcPhotoIsStoredThenReplacedByItsNewerVersionThenWithdrawnWhenCanceled() {
        long n = System.nanoTime();
        String guid = "tag:dateline.test,2026:photo-" + n;
        files.put("/pics/" + n + "-v11.jpg", TestPictures.jpeg(1500, 1000));
        files.put("/pics/" + n + "-v12.jpg", TestPictures.jpeg(1200, 900));
        String v11 = read(PHOTO).replace(PHOTO_GUID, guid).replace(PHOTO_HREF, url("/pics/" + n + "-v11.jpg"));

        JsonNode pushed = push(v11, "application/vnd.iptc.g2.newsitem+xml", 200);
        JsonNode line = pushed.get("outcomes").get(0);
        assertThat(line.get("kind").asString()).isEqualTo("picture");
        assertThat(line.get("result").asString()).as(line.toString()).isEqualTo("created");
        long id = line.get("pictureId").asLong();
        JsonNode picture = picture(id);
        assertThat(picture.get("caption").asString()).startsWith("A firefighter in a flameproof suit walks past");
        assertThat(picture.get("credit").asString()).isEqualTo("Acme/John Smith");
        assertThat(picture.get("byline").asString()).isEqualTo("John Smith");
        assertThat(picture.get("copyright").asString()).isEqualTo("Copyright 2008 Thomson Reuters");
        assertThat(picture.get("source").asString()).isEqualTo("wire:Test wire");
        assertThat(picture.get("wireGuid").asString()).isEqualTo(guid);
        assertThat(picture.get("wireVersion").asLong()).isEqualTo(11);
        assertThat(picture.get("width").asInt()).isEqualTo(1500);
        String oldRendition = path(picture.get("renditions").get("o").get(0).get("jpeg").asString());
        assertThat(http.get(oldRendition).statusCode()).isEqualTo(200);

        // A story naming the picture by guid gets the library's picture as its lead; the same version is not fetched.
        files.remove("/pics/" + n + "-v11.jpg");
        JsonNode story = push(ninjsStory("urn:dateline.test:story:" + n, 1, "Jet crash site cleared " + n, guid,
                url("/pics/" + n + "-v11.jpg")), "application/ninjs+json", 200);
        assertThat(story.get("outcomes").findValuesAsString("result")).containsExactly("duplicate", "created");
        long storyId = story.get("outcomes").get(1).get("storyId").asLong();
        assertThat(story.get("outcomes").get(1).get("pictureId").asLong()).isEqualTo(id);
        assertThat(stored(storyId).leadPicture()).hasValueSatisfying(lead -> assertThat(lead.id()).isEqualTo(id));

        // Version 12: other words and another file under the same id; the old renditions go.
        String v12 = v11.replace("version=\"11\"", "version=\"12\"")
                .replace("A firefighter in a flameproof", "Later: a firefighter in a flameproof")
                .replace(url("/pics/" + n + "-v11.jpg"), url("/pics/" + n + "-v12.jpg"));
        line = push(v12, "application/vnd.iptc.g2.newsitem+xml", 200).get("outcomes").get(0);
        assertThat(line.get("result").asString()).as(line.toString()).isEqualTo("updated");
        assertThat(line.get("pictureId").asLong()).isEqualTo(id);
        picture = picture(id);
        assertThat(picture.get("caption").asString()).startsWith("Later: a firefighter in a flameproof suit");
        assertThat(picture.get("wireVersion").asLong()).isEqualTo(12);
        assertThat(picture.get("width").asInt()).isEqualTo(1200);
        String newRendition = path(picture.get("renditions").get("o").get(0).get("jpeg").asString());
        assertThat(newRendition).isNotEqualTo(oldRendition);
        assertThat(http.get(newRendition).statusCode()).isEqualTo(200);
        await(() -> http.get(oldRendition).statusCode() == 404);
        assertThat(stored(storyId).leadPicture()).hasValueSatisfying(lead -> assertThat(lead.width()).isEqualTo(1200));

        // The same version again: a duplicate.
        assertThat(push(v12, "application/xml", 200).get("outcomes").get(0).get("result").asString())
                .isEqualTo("duplicate");

        // Canceled: withdrawn from every surface; the story keeps naming it but shows no lead picture.
        String v13 = v12.replace("version=\"12\"", "version=\"13\"").replace("stat:usable", "stat:canceled");
        line = push(v13, "application/vnd.iptc.g2.newsitem+xml", 200).get("outcomes").get(0);
        assertThat(line.get("result").asString()).as(line.toString()).isEqualTo("withdrawn");
        assertThat(picture(id).get("state").asString()).isEqualTo("WITHDRAWN");
        Article after = stored(storyId);
        assertThat(after.leadPictureId()).isEqualTo(id);
        assertThat(after.leadPicture()).isEmpty();
        await(() -> http.get(newRendition).statusCode() == 404);
    }

    @Test
    void aNinjsStorysFeaturedPictureLeadsItsDraftUntilAVersionDropsIt() {
        long n = System.nanoTime();
        String pictureGuid = "urn:dateline.test:harbour:" + n;
        files.put("/pics/harbour-" + n + ".jpg", TestPictures.jpeg(1600, 900));
        String storyGuid = "urn:dateline.test:story:" + n;
        JsonNode pushed = push(ninjsStory(storyGuid, 1, "Harbour reopens " + n, pictureGuid,
                url("/pics/harbour-" + n + ".jpg")), "application/ninjs+json", 200);
        List<JsonNode> lines = list(pushed.get("outcomes"));
        assertThat(lines).extracting(l -> l.get("kind").asString() + " " + l.get("result").asString())
                .containsExactly("picture created", "text created");
        long pictureId = lines.get(0).get("pictureId").asLong();
        long storyId = lines.get(1).get("storyId").asLong();
        JsonNode draft = story(storyId);
        assertThat(draft.get("state").asString()).isEqualTo("DRAFT");
        assertThat(draft.get("desk").asString()).isEqualTo("incoming");
        assertThat(stored(storyId).leadPictureId()).isEqualTo(pictureId);
        JsonNode picture = picture(pictureId);
        assertThat(picture.get("caption").asString()).isEqualTo("Cranes at the harbour at dawn.");
        assertThat(picture.get("byline").asString()).isEqualTo("Jane Roe");

        // Version 2 names no picture: the story has no lead picture any more; the picture stays in the library.
        JsonNode v2 = push(ninjsStory(storyGuid, 2, "Harbour reopens fully " + n, null, null),
                "application/ninjs+json", 200);
        assertThat(v2.get("outcomes").get(0).get("result").asString()).isEqualTo("updated");
        assertThat(stored(storyId).leadPictureId()).isNull();
        assertThat(library.find(pictureId)).hasValueSatisfying(p -> assertThat(p.usable()).isTrue());

        // The desk gives the story a picture of its own: a version 3 that names none keeps it.
        long deskPicture = uploads.upload(new Actor(0, "", "Desk", Role.EDITOR), PictureUpload.of(
                TestPictures.jpeg(1200, 800), "image/jpeg", "desk.jpg", PictureFields.none())) instanceof
                PictureResult.Done done ? done.picture().id() : -1;
        var current = stored(storyId);
        assertThat(saves.save(new Actor(0, "", "Desk", Role.EDITOR), storyId, new PublishCommand("en",
                current.section().slug(), current.headline(), current.lead(), current.body().blocks(), null, null,
                null, List.of(), List.of(), null, null, deskPicture), null)).isInstanceOf(StoryResult.Done.class);
        assertThat(stored(storyId).leadPictureId()).isEqualTo(deskPicture);
        push(ninjsStory(storyGuid, 3, "Harbour reopens, traffic resumes " + n, null, null),
                "application/ninjs+json", 200);
        assertThat(stored(storyId).headline()).startsWith("Harbour reopens, traffic resumes");
        assertThat(stored(storyId).leadPictureId()).as("the desk's choice stays").isEqualTo(deskPicture);
    }

    @Test
    void aPolledFeedsMediaContentBecomesItsStorysLeadPicture() {
        long n = System.nanoTime();
        files.put("/pics/storm-" + n + ".jpg", TestPictures.jpeg(1280, 853));
        String rss = """
                <?xml version="1.0" encoding="utf-8"?>
                <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Picture wire</title>
                <link>https://wire.example/</link>
                <item><title>Storm reaches the coast %s</title><link>https://wire.example/storm-%s</link>
                <guid isPermaLink="false">urn:test:storm:%s</guid><pubDate>Wed, 31 Jan 2018 20:15:15 GMT</pubDate>
                <description>Waves broke over the pier as the storm came ashore.</description>
                <media:content url="%s" medium="image" width="1280" height="853">
                  <media:description>Waves over the pier.</media:description><media:credit>Picture Wire</media:credit>
                </media:content></item></channel></rss>
                """.formatted(n, n, n, url("/moved/storm-" + n + ".jpg")); // redirected to /pics/
        server.createContext("/storm-" + n + ".rss", exchange -> answer(exchange, 200, "application/rss+xml",
                rss.getBytes(StandardCharsets.UTF_8)));
        String name = "Picture wire " + n;
        HttpResponse<String> added = http.postJson("/api/wire/feeds", "{\"name\":\"%s\",\"url\":\"%s\",\"intervalSeconds\":600}"
                .formatted(name, url("/storm-" + n + ".rss")), TOKEN);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        long feedId = json.readTree(added.body()).get("id").asLong();

        assertThat(poller.poll(store.find(feedId).orElseThrow())).isPresent();
        List<JsonNode> lines = log(name);
        assertThat(lines).extracting(l -> l.get("kind").asString() + " " + l.get("result").asString())
                .containsExactly("text created", "picture created"); // newest first
        long pictureId = lines.get(1).get("pictureId").asLong();
        long storyId = lines.get(0).get("storyId").asLong();
        assertThat(stored(storyId).leadPicture()).hasValueSatisfying(lead -> {
            assertThat(lead.id()).isEqualTo(pictureId);
            assertThat(lead.caption()).isEqualTo("Waves over the pier.");
            assertThat(lead.credit()).isEqualTo("Picture Wire");
            assertThat(lead.width()).isEqualTo(1280);
        });
    }

    @Test
    void aRenditionThatAnswersHtmlOrNothingIsRefusedAndTheRestOfTheBatchGoesIn() {
        long n = System.nanoTime();
        files.put("/pics/good-" + n + ".jpg", TestPictures.jpeg(800, 600));
        String batch = "[" + ninjsPicture("urn:html:" + n, url("/page.html"), "image/jpeg") + ","
                + ninjsPicture("urn:missing:" + n, url("/pics/missing-" + n + ".jpg"), "image/jpeg") + ","
                + ninjsPicture("urn:good:" + n, url("/pics/good-" + n + ".jpg"), "image/jpeg") + "]";
        List<JsonNode> lines = list(push(batch, "application/ninjs+json", 200).get("outcomes"));
        assertThat(lines).extracting(l -> l.get("result").asString() + " " + (!l.hasNonNull("code") ? "-"
                : l.get("code").asString())).containsExactly("rejected unsupported_type", "rejected fetch_failed",
                "created -");
        assertThat(lines.get(1).get("message").asString()).contains("HTTP 404");
        assertThat(library.byWireGuid("urn:html:" + n)).isEmpty();
        assertThat(library.byWireGuid("urn:missing:" + n)).isEmpty();
        assertThat(library.byWireGuid("urn:good:" + n)).isPresent();
    }

    // helpers

    private String ninjsStory(String uri, int version, String headline, String pictureGuid, String href) {
        String associations = pictureGuid == null ? "" : """
                ,"associations":{"featureimage":{"uri":"%s","type":"picture","version":"1",
                  "description_text":"Cranes at the harbour at dawn.","byline":"Jane Roe",
                  "renditions":{"main":{"href":"%s","mimetype":"image/jpeg","width":1600,"height":900}}}}
                """.formatted(pictureGuid, href);
        return """
                {"uri":"%s","type":"text","version":"%d","pubstatus":"usable","language":"en","headline":"%s",
                 "body_text":"The harbour reopened on Monday after a week of repairs."%s}
                """.formatted(uri, version, headline, associations);
    }

    private static String ninjsPicture(String uri, String href, String type) {
        return """
                {"uri":"%s","type":"picture","version":"1","headline":"A picture","description_text":"A caption.",
                 "renditions":{"main":{"href":"%s","mimetype":"%s","width":800,"height":600}}}
                """.formatted(uri, href, type);
    }

    private Article stored(long storyId) {
        return content.stored(storyId).orElseThrow();
    }

    private JsonNode picture(long id) {
        HttpResponse<String> response = http.get("/api/admin/pictures/" + id, "Authorization", "Bearer " + TOKEN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private JsonNode story(long id) {
        return json.readTree(http.get("/api/admin/articles/" + id, "Authorization", "Bearer " + TOKEN).body());
    }

    private List<JsonNode> log(String source) {
        JsonNode log = json.readTree(http.get("/api/wire/log?limit=200", "Authorization", "Bearer " + TOKEN).body());
        return list(log).stream().filter(l -> source.equals(l.path("source").asString(""))).toList();
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> list = new java.util.ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    private JsonNode push(String body, String contentType, int status) {
        try {
            HttpResponse<String> response = http.client().send(HttpRequest.newBuilder(
                            URI.create(http.base() + "/api/wire/items"))
                    .header("Content-Type", contentType).header("Authorization", "Bearer " + TOKEN)
                    .header("X-Wire-Source", "Test wire")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
            return json.readTree(response.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String path(String url) {
        return URI.create(url).getPath();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static void await(BooleanSupplier condition) {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within 10 s").isLessThan(until);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
