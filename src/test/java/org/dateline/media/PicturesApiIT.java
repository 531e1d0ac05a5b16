package org.dateline.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import javax.imageio.ImageIO;

import org.dateline.testing.DatelineTestContext;
import org.dateline.testing.Http;
import org.dateline.testing.IntegrationTest;
import org.dateline.testing.TestPictures;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.Invocable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jetty.JettyWebServer;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The picture library through the admin API, and its renditions through the fast path: what a client uploads comes
 * back in every crop and width, immutable; what is not a picture leaves nothing behind.
 */
@IntegrationTest
class PicturesApiIT {

    static final String TOKEN = DatelineTestContext.ADMIN_TOKEN;

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    JsonNode uploaded(byte[] bytes, String name, String type, Map<String, String> fields) {
        HttpResponse<String> response = TestPictures.upload(http, "/api/admin/pictures", TOKEN, bytes, name, type,
                fields);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location")).isPresent();
        return json.readTree(response.body());
    }

    @Test
    void anUploadComesBackWithItsFieldsAndEveryRenditionImmutable() throws IOException {
        JsonNode picture = uploaded(TestPictures.jpeg(1600, 1000), "harbour.jpg", "image/jpeg",
                Map.of("caption", "Ships in the harbour at dawn", "credit", "Dateline", "byline", "Anna Petrova",
                        "altText", "Three cargo ships moored at a quay", "focalX", "250", "focalY", "400"));
        assertThat(picture.get("caption").asString()).isEqualTo("Ships in the harbour at dawn");
        assertThat(picture.get("width").asInt()).isEqualTo(1600);
        assertThat(picture.get("height").asInt()).isEqualTo(1000);
        assertThat(picture.get("mediaType").asString()).isEqualTo("image/jpeg");

        JsonNode original = picture.get("renditions").get("o");
        assertThat(original).extracting(r -> r.get("width").asInt()).containsExactly(320, 640, 960, 1280, 1600);
        JsonNode wide = picture.get("renditions").get("16x9");
        assertThat(wide.get(0).get("jpeg").asString()).contains("/16x9-250-400/320.jpg");

        String jpegUrl = original.get(1).get("jpeg").asString();
        HttpResponse<byte[]> jpeg = http.getBytes(URI.create(jpegUrl).getPath());
        assertThat(jpeg.statusCode()).isEqualTo(200);
        assertThat(jpeg.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(jpeg.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(jpeg.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        var decoded = ImageIO.read(new ByteArrayInputStream(jpeg.body()));
        assertThat(decoded.getWidth()).isEqualTo(640);
        assertThat(decoded.getHeight()).isEqualTo(original.get(1).get("height").asInt()).isEqualTo(400);
        String etag = jpeg.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).startsWith("\"");
        assertThat(http.getBytes(URI.create(jpegUrl).getPath(), "If-None-Match", etag).statusCode()).isEqualTo(304);
        // Held in memory now: answered before the servlet layer, with the same bytes and headers.
        HttpResponse<byte[]> hit = http.getBytes(URI.create(jpegUrl).getPath());
        assertThat(hit.statusCode()).isEqualTo(200);
        assertThat(hit.body()).isEqualTo(jpeg.body());
        for (String header : new String[] {"Content-Type", "Cache-Control", "ETag", "X-Content-Type-Options",
                "Content-Security-Policy", "Cross-Origin-Resource-Policy", "Content-Length"}) {
            assertThat(hit.headers().allValues(header)).as(header).isEqualTo(jpeg.headers().allValues(header))
                    .hasSize(1);
        }

        HttpResponse<byte[]> webp = http.getBytes(URI.create(wide.get(0).get("webp").asString()).getPath());
        assertThat(webp.statusCode()).isEqualTo(200);
        assertThat(webp.headers().firstValue("Content-Type")).hasValue("image/webp");
        assertThat(new String(webp.body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(new String(webp.body(), 8, 4, StandardCharsets.US_ASCII)).isEqualTo("WEBP");
    }

    @Test
    void theHitPathRunsWhereTheRequestWasReadOnASelectorPerCore() {
        Server server = ((JettyWebServer) ((WebServerApplicationContext) context).getWebServer()).getServer();
        // Non-blocking as a whole: Jetty may answer a rendition in memory on the selector thread, no hand-over.
        assertThat(server.getInvocationType()).isEqualTo(Invocable.InvocationType.NON_BLOCKING);
        assertThat(server.getConnectors()).singleElement()
                .satisfies(connector -> assertThat(((ServerConnector) connector).getSelectorManager().getSelectorCount())
                        .isEqualTo(Runtime.getRuntime().availableProcessors()));
        // Whatever goes on to the servlet layer still works, from the page to what no route knows.
        assertThat(http.get("/en/").statusCode()).isEqualTo(200);
        assertThat(http.get("/no-such-place").statusCode()).isEqualTo(404);
        assertThat(http.getBytes("/pictures/0123456789abcdef0123456789abcdef/o/320.jpg").statusCode()).isEqualTo(404);
    }

    @Test
    void onlyTheRenditionsAPictureOffersAreMade() {
        JsonNode picture = uploaded(TestPictures.jpeg(800, 600), "small.jpg", "image/jpeg", Map.of());
        String path = URI.create(picture.get("renditions").get("o").get(0).get("jpeg").asString()).getPath();
        assertThat(http.getBytes(path).statusCode()).isEqualTo(200);
        // A width it does not offer, a focal point it does not have, an upscale, a format it does not make.
        assertThat(http.getBytes(path.replace("/320.jpg", "/321.jpg")).statusCode()).isEqualTo(404);
        assertThat(http.getBytes(path.replace("/o/", "/16x9-1-1/")).statusCode()).isEqualTo(404);
        assertThat(http.getBytes(path.replace("/320.jpg", "/1280.jpg")).statusCode()).isEqualTo(404);
        assertThat(http.getBytes(path.replace("/320.jpg", "/320.gif")).statusCode()).isEqualTo(404);
        assertThat(http.getBytes("/pictures/" + "0".repeat(32) + "/o/320.jpg").statusCode()).isEqualTo(404);
        assertThat(http.getBytes("/pictures/../etc/passwd").statusCode()).isIn(400, 404);
        assertThat(http.getBytes(path + "?x=1").statusCode()).isEqualTo(404);
    }

    @Test
    void whatIsNotAPictureIsRefusedAndNothingIsStored() {
        long before = pictures();
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>";
        assertRefused(svg.getBytes(StandardCharsets.UTF_8), "x.svg", "image/svg+xml", 422, "svg_refused");
        assertRefused(TestPictures.png(50, 40), "photo.jpg", "image/jpeg", 422, "type_mismatch");
        assertRefused("not a picture".getBytes(StandardCharsets.UTF_8), "a.jpg", "image/jpeg", 422, null);
        byte[] truncated = java.util.Arrays.copyOf(TestPictures.jpeg(400, 300), 300);
        assertRefused(truncated, "cut.jpg", "image/jpeg", 422, "corrupt_image");
        assertRefused(new byte[0], "empty.jpg", "image/jpeg", 422, "empty_file");
        byte[] huge = new byte[51 * 1024 * 1024];
        byte[] start = TestPictures.jpeg(64, 64);
        System.arraycopy(start, 0, huge, 0, start.length);
        assertRefused(huge, "huge.jpg", "image/jpeg", 413, "too_large");
        assertThat(pictures()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM picture_originals").query(Long.class).single())
                .isLessThanOrEqualTo(before);
    }

    @Test
    void fieldsAreCheckedAndAFocalPointMakesNewAddresses() {
        JsonNode picture = uploaded(TestPictures.jpeg(1200, 800), "desk.jpg", "image/jpeg", Map.of());
        long id = picture.get("id").asLong();
        HttpResponse<String> bad = put(id, "{\"focalX\":1001,\"altText\":\"" + "a".repeat(501) + "\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("focalX").contains("out_of_range").contains("altText").contains("too_long");

        HttpResponse<String> moved = put(id, "{\"focalX\":900,\"focalY\":100,\"altText\":\"An empty desk\"}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        JsonNode after = json.readTree(moved.body());
        assertThat(after.get("altText").asString()).isEqualTo("An empty desk");
        String square = after.get("renditions").get("1x1").get(0).get("jpeg").asString();
        assertThat(square).contains("/1x1-900-100/");
        assertThat(http.getBytes(URI.create(square).getPath()).statusCode()).isEqualTo(200);
        String old = picture.get("renditions").get("1x1").get(0).get("jpeg").asString();
        assertThat(http.getBytes(URI.create(old).getPath()).statusCode()).isEqualTo(404);
    }

    @Test
    void theBareBytesAreAnUploadAndTheLibraryIsSearched() throws Exception {
        String word = "lighthouse" + System.nanoTime();
        HttpRequest request = HttpRequest.newBuilder(URI.create(http.base() + "/api/admin/pictures?fileName=coast.png"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "image/png")
                .POST(HttpRequest.BodyPublishers.ofByteArray(TestPictures.png(640, 480))).build();
        HttpResponse<String> created = http.client().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = json.readTree(created.body()).get("id").asLong();
        assertThat(put(id, "{\"caption\":\"The " + word + " at Cape Point\"}").statusCode()).isEqualTo(200);

        JsonNode found = json.readTree(get("/api/admin/pictures?q=" + word + "+cape").body());
        assertThat(found.get("pictures")).hasSize(1);
        assertThat(found.get("pictures").get(0).get("id").asLong()).isEqualTo(id);
        assertThat(json.readTree(get("/api/admin/pictures?q=" + word + "+harbour").body()).get("pictures")).isEmpty();
        assertThat(get("/api/admin/pictures/" + id).statusCode()).isEqualTo(200);
        assertThat(get("/api/admin/pictures/999999999").statusCode()).isEqualTo(404);
    }

    @Test
    void aPictureAStoryShowsCannotBeDeletedAnUnusedOneLeavesWithItsRenditions() throws InterruptedException {
        JsonNode used = uploaded(TestPictures.jpeg(700, 500), "used.jpg", "image/jpeg", Map.of("altText", "A"));
        long usedId = used.get("id").asLong();
        HttpResponse<String> story = http.postJson("/api/admin/articles",
                Http.article("en", "russia", "Story with a picture " + System.nanoTime())
                        .replaceFirst("\\{", "{\"leadPicture\":" + usedId + ","), TOKEN);
        assertThat(story.statusCode()).as(story.body()).isEqualTo(201);
        long articleId = json.readTree(story.body()).get("id").asLong();
        HttpResponse<String> refused = delete(usedId);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("picture_in_use").contains(String.valueOf(articleId));

        JsonNode unused = uploaded(TestPictures.jpeg(720, 500), "unused.jpg", "image/jpeg", Map.of());
        String rendition = URI.create(unused.get("renditions").get("o").get(0).get("jpeg").asString()).getPath();
        assertThat(http.getBytes(rendition).statusCode()).isEqualTo(200);
        assertThat(delete(unused.get("id").asLong()).statusCode()).isEqualTo(204);
        assertThat(get("/api/admin/pictures/" + unused.get("id").asLong()).statusCode()).isEqualTo(404);
    }

    /**
     * The rendition is read over and over while the deletion reaches the node: a read that finds the file just before
     * the drop deletes it must not put the rendition back in memory for good.
     */
    @Test
    void aDeletedPicturesRenditionsLeaveEveryNode() throws Exception {
        JsonNode unused = uploaded(TestPictures.jpeg(720, 500), "unused.jpg", "image/jpeg", Map.of());
        String rendition = URI.create(unused.get("renditions").get("o").get(0).get("jpeg").asString()).getPath();
        assertThat(http.getBytes(rendition).statusCode()).isEqualTo(200);
        assertThat(delete(unused.get("id").asLong()).statusCode()).isEqualTo(204);
        long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (http.getBytes(rendition).statusCode() != 404 && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertThat(http.getBytes(rendition).statusCode()).as(() -> "every node drops the renditions; change log "
                + jdbc.sql("SELECT position, kind, subject_id FROM change_log WHERE position > (SELECT MAX(position) - 8"
                + " FROM change_log) ORDER BY position").query().listOfRows() + ", node positions "
                + jdbc.sql("SELECT node_id, position FROM change_cursors").query().listOfRows())
                .isEqualTo(404);
    }

    private void assertRefused(byte[] bytes, String name, String type, int status, String code) {
        HttpResponse<String> response = TestPictures.upload(http, "/api/admin/pictures", TOKEN, bytes, name, type,
                Map.of("caption", "refused"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        if (code != null) {
            assertThat(json.readTree(response.body()).get("code").asString()).isEqualTo(code);
        }
    }

    private long pictures() {
        return jdbc.sql("SELECT COUNT(*) FROM pictures").query(Long.class).single();
    }

    private HttpResponse<String> get(String path) {
        return http.get(path, "Authorization", "Bearer " + TOKEN);
    }

    private HttpResponse<String> put(long id, String body) {
        return send(HttpRequest.newBuilder(URI.create(http.base() + "/api/admin/pictures/" + id))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> delete(long id) {
        return send(HttpRequest.newBuilder(URI.create(http.base() + "/api/admin/pictures/" + id)).DELETE());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.client().send(request.timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
