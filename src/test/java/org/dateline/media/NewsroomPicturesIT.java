package org.dateline.media;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.dateline.identity.Accounts;
import org.dateline.identity.Role;
import org.dateline.testing.DatelineTestContext;
import org.dateline.testing.Http;
import org.dateline.testing.IntegrationTest;
import org.dateline.testing.TestPictures;
import org.dateline.testing.WebSession;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The newsroom's picture pages on a real server, as a contributor and an editor use them: uploads through the page's
 * script (JSON, one file a request, the CSRF token in a header) and through the plain form, the library searched and
 * paged, the focal point by a click and by numbers, and a delete that needs a ticked box and a picture no story shows.
 */
@IntegrationTest
class NewsroomPicturesIT {

    static final String PASSWORD = "start-Password-123";

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    JsonMapper json;

    Http api;

    @BeforeEach
    void client() {
        api = new Http(port);
    }

    WebSession staff(Role role) {
        String email = role.name().toLowerCase() + "-pictures-" + System.nanoTime() + "@dateline.test";
        accounts.createStaff(email, "Pia " + role.name().toLowerCase(), role, PASSWORD, false);
        WebSession session = new WebSession(port);
        assertThat(WebSession.location(session.submit("/login", "/login",
                Map.of("username", email, "password", PASSWORD)))).endsWith("/newsroom");
        return session;
    }

    static String csrf(WebSession session) {
        return Jsoup.parse(session.get("/newsroom/pictures").body()).select("form.upload-form input[name=_csrf]")
                .attr("value");
    }

    /** As the page's script sends a file: Accept JSON, the token in the X-XSRF-TOKEN header. */
    static HttpResponse<String> scriptUpload(WebSession session, String csrf, byte[] bytes, String name,
                                             String type) {
        HttpRequest request = TestPictures.multipart("http://localhost:" + session.port() + "/newsroom/pictures",
                bytes, name, type, Map.of()).header("Accept", "application/json")
                .header("X-XSRF-TOKEN", csrf).build();
        return send(session, request);
    }

    /** As the form sends it without script: the token in the form, Accept HTML. */
    static HttpResponse<String> formUpload(WebSession session, String csrf, byte[] bytes, String name, String type) {
        HttpRequest request = TestPictures.multipart("http://localhost:" + session.port() + "/newsroom/pictures",
                bytes, name, type, Map.of("_csrf", csrf)).header("Accept", "text/html,application/xhtml+xml")
                .build();
        return send(session, request);
    }

    private static HttpResponse<String> send(WebSession session, HttpRequest request) {
        try {
            return session.client().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    long apiUpload(byte[] bytes, String name, Map<String, String> fields) {
        HttpResponse<String> response = TestPictures.upload(api, "/api/admin/pictures",
                DatelineTestContext.ADMIN_TOKEN, bytes, name, "image/png", fields);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("id").asLong();
    }

    @Test
    void theScriptsUploadAnswersTheCardOrTheApisRefusalForEachFile() {
        WebSession contributor = staff(Role.CONTRIBUTOR);
        String csrf = csrf(contributor);

        HttpResponse<String> done = scriptUpload(contributor, csrf, TestPictures.jpeg(900, 600), "quay.jpg",
                "image/jpeg");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(201);
        JsonNode card = json.readTree(done.body());
        long id = card.get("id").asLong();
        assertThat(card.get("page").asString()).isEqualTo("/newsroom/pictures/" + id);
        assertThat(card.get("label").asString()).isEqualTo("quay.jpg");
        assertThat(card.get("altMissing").asBoolean()).isTrue();
        assertThat(card.get("src").asString()).matches("/pictures/[0-9a-f]{32}/1x1-500-500/320\\.jpg");
        assertThat(api.getBytes(card.get("src").asString()).statusCode()).isEqualTo(200);

        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>";
        assertRefused(scriptUpload(contributor, csrf, svg.getBytes(StandardCharsets.UTF_8), "x.svg",
                "image/svg+xml"), 422, "svg_refused");
        assertRefused(scriptUpload(contributor, csrf, TestPictures.png(60, 40), "photo.jpg", "image/jpeg"), 422,
                "type_mismatch");
        assertRefused(scriptUpload(contributor, csrf, java.util.Arrays.copyOf(TestPictures.jpeg(400, 300), 300),
                "cut.jpg", "image/jpeg"), 422, "corrupt_image");
        assertRefused(scriptUpload(contributor, csrf, new byte[0], "empty.jpg", "image/jpeg"), 422, "empty_file");
        // A 20000 x 20000 PNG header: refused from its header before anything is decoded.
        assertRefused(scriptUpload(contributor, csrf, pngHeader(20000, 20000), "huge.png", "image/png"), 422,
                "too_many_pixels");

        assertThat(scriptUpload(contributor, "not-the-token", TestPictures.jpeg(300, 200), "a.jpg", "image/jpeg")
                .statusCode()).as("without the CSRF token").isEqualTo(403);
    }

    private void assertRefused(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("code").asString()).isEqualTo(code);
        assertThat(problem.get("detail").asString()).isNotBlank();
    }

    @Test
    void withoutScriptTheFormUploadsOneFileAndLandsOnItsPageOrSaysWhyNot() {
        WebSession contributor = staff(Role.CONTRIBUTOR);
        String csrf = csrf(contributor);
        HttpResponse<String> done = formUpload(contributor, csrf, TestPictures.png(644, 484), "field.png",
                "image/png");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
        String page = WebSession.location(done);
        assertThat(page).matches(".*/newsroom/pictures/\\d+\\?done=uploaded");
        Document shown = Jsoup.parse(contributor.get(page.substring(page.indexOf("/newsroom"))).body());
        assertThat(shown.select(".notice").text()).contains("Uploaded");
        assertThat(shown.select(".focal-editor img").attr("src")).contains("/o/644.jpg");
        assertThat(shown.select(".crop-previews img")).hasSize(3);
        assertThat(shown.select(".facts").text()).contains("644 × 484").contains("image/png").contains("Upload");

        HttpResponse<String> refused = formUpload(contributor, csrf, "<svg/>".getBytes(StandardCharsets.UTF_8),
                "logo.svg", "image/svg+xml");
        assertThat(refused.statusCode()).isEqualTo(422);
        Document again = Jsoup.parse(refused.body());
        assertThat(again.select(".form-errors").attr("data-codes")).isEqualTo("svg_refused");
        assertThat(again.select(".upload-form .field-error").text()).isNotBlank();
    }

    @Test
    void theLibraryIsSearchedByWordsAndDaysNewestFirstAPageAtATime() {
        WebSession editor = staff(Role.EDITOR);
        String word = "estuary" + System.nanoTime();
        long described = apiUpload(TestPictures.png(300, 200), "a.png",
                Map.of("caption", "Boats in the " + word, "altText", "Fishing boats at low tide"));
        long bare = apiUpload(TestPictures.png(301, 200), "b.png", Map.of("credit", "Agency " + word));

        Document library = Jsoup.parse(editor.get("/newsroom/pictures?q=" + word).body());
        List<String> links = library.select(".picture-grid a").eachAttr("href");
        assertThat(links).containsExactly("/newsroom/pictures/" + bare, "/newsroom/pictures/" + described);
        assertThat(library.select(".picture-grid li").get(0).select(".alt-missing").text()).isEqualTo("No alt text");
        assertThat(library.select(".picture-grid li").get(1).select(".alt-missing")).isEmpty();
        var img = library.select(".picture-grid img").get(1);
        assertThat(img.attr("srcset")).isEqualTo(img.attr("src") + " 200w");
        assertThat(img.attr("width")).isEqualTo("200");
        assertThat(img.attr("alt")).isEqualTo("Fishing boats at low tide");

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        assertThat(Jsoup.parse(editor.get("/newsroom/pictures?q=" + word + "&from=" + today + "&to=" + today)
                .body()).select(".picture-grid li")).hasSize(2);
        assertThat(Jsoup.parse(editor.get("/newsroom/pictures?q=" + word + "&from=" + tomorrow).body())
                .select(".picture-grid li")).isEmpty();
        assertThat(editor.get("/newsroom/pictures?from=yesterday").statusCode()).isEqualTo(400);

        // The picker's search pages by cursor: twelve, then the rest.
        String many = "harbourlight" + System.nanoTime();
        for (int i = 0; i < 13; i++) {
            apiUpload(TestPictures.png(40 + i, 30), "p" + i + ".png", Map.of("caption", many + " " + i));
        }
        JsonNode first = json.readTree(editor.get("/newsroom/pictures/search?q=" + many).body());
        assertThat(first.get("pictures")).hasSize(12);
        assertThat(first.get("pictures").get(0).get("label").asString()).isEqualTo(many + " 12");
        JsonNode second = json.readTree(editor.get("/newsroom/pictures/search?q=" + many + "&before="
                + first.get("next").asString()).body());
        assertThat(second.get("pictures")).hasSize(1);
        assertThat(second.get("pictures").get(0).get("label").asString()).isEqualTo(many + " 0");
        assertThat(second.has("next")).isFalse();
    }

    @Test
    void aClickSetsTheFocalPointAndTheNumberFieldsDoWithoutScript() {
        WebSession contributor = staff(Role.CONTRIBUTOR);
        long id = apiUpload(TestPictures.png(800, 600), "focal.png", Map.of());
        String token = csrf(contributor);

        HttpResponse<String> clicked = post(contributor, "/newsroom/pictures/" + id + "/focal-point", token,
                "focalX=250&focalY=750");
        assertThat(clicked.statusCode()).as(clicked.body()).isEqualTo(200);
        JsonNode crops = json.readTree(clicked.body()).get("crops");
        assertThat(crops).extracting(c -> c.get("token").asString()).containsExactly("16x9", "4x3", "1x1");
        assertThat(crops.get(0).get("src").asString()).contains("/16x9-250-750/");
        assertThat(api.getBytes(crops.get(2).get("src").asString()).statusCode()).isEqualTo(200);
        HttpResponse<String> outside = post(contributor, "/newsroom/pictures/" + id + "/focal-point", token,
                "focalX=1200&focalY=10");
        assertThat(outside.statusCode()).isEqualTo(400);
        assertThat(outside.body()).contains("focalX").contains("out_of_range");

        Map<String, String> form = Map.of("_csrf", token, "altText", "A wind farm at sea", "caption",
                "Turbines off the coast", "headline", "", "credit", "Dateline", "byline", "Ola Nordmann",
                "copyright", "", "focalX", "100", "focalY", "900");
        HttpResponse<String> saved = contributor.post("/newsroom/pictures/" + id, form);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        Document page = Jsoup.parse(contributor.get("/newsroom/pictures/" + id).body());
        assertThat(page.select("#focalX").attr("value")).isEqualTo("100");
        assertThat(page.select("#altText").text()).isEqualTo("A wind farm at sea");
        assertThat(page.select(".crop-previews img").first().attr("src")).contains("/16x9-100-900/");
        assertThat(page.select(".focal-marker circle").first().attr("cx")).isEqualTo("80");
        assertThat(page.select(".focal-marker circle").first().attr("cy")).isEqualTo("540");

        Map<String, String> bad = new java.util.HashMap<>(form);
        bad.put("focalX", "left");
        HttpResponse<String> refused = contributor.post("/newsroom/pictures/" + id, bad);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(refused.body()).select(".form-errors").attr("data-codes")).isEqualTo("out_of_range");
    }

    @Test
    void deleteNeedsATickedBoxAPictureNoStoryShowsAndTheRightRole() {
        WebSession editor = staff(Role.EDITOR);
        String token = csrf(editor);
        long used = apiUpload(TestPictures.png(500, 400), "used.png", Map.of("altText", "A quay"));
        String headline = "A story with a lead picture " + System.nanoTime();
        String article = Http.article("en", "russia", headline).replaceFirst("\\{", "{\"leadPicture\":" + used + ",");
        HttpResponse<String> story = api.postJson("/api/admin/articles", article, DatelineTestContext.ADMIN_TOKEN);
        assertThat(story.statusCode()).as(story.body()).isEqualTo(201);
        long storyId = json.readTree(story.body()).get("id").asLong();

        Document page = Jsoup.parse(editor.get("/newsroom/pictures/" + used).body());
        assertThat(page.select(".picture-uses a").attr("href")).isEqualTo("/newsroom/stories/" + storyId);
        assertThat(page.select(".danger-zone button.danger").text()).isEqualTo("Delete the picture");

        HttpResponse<String> unticked = editor.post("/newsroom/pictures/" + used + "/delete", Map.of("_csrf", token));
        assertThat(unticked.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(unticked.body()).select(".form-errors").attr("data-codes")).isEqualTo("required");

        HttpResponse<String> inUse = editor.post("/newsroom/pictures/" + used + "/delete",
                Map.of("_csrf", token, "confirmDelete", "on"));
        assertThat(inUse.statusCode()).isEqualTo(409);
        Document refused = Jsoup.parse(inUse.body());
        assertThat(refused.select(".form-errors").attr("data-codes")).isEqualTo("picture_in_use");
        assertThat(refused.select(".form-errors").text()).contains(headline).contains(String.valueOf(storyId));
        assertThat(api.get("/api/admin/pictures/" + used, "Authorization", "Bearer " + DatelineTestContext.ADMIN_TOKEN)
                .statusCode()).isEqualTo(200);

        long unused = apiUpload(TestPictures.png(510, 400), "unused.png", Map.of());
        WebSession contributor = staff(Role.CONTRIBUTOR);
        assertThat(Jsoup.parse(contributor.get("/newsroom/pictures/" + unused).body()).select(".danger-zone"))
                .as("a contributor deletes only their own uploads").isEmpty();
        HttpResponse<String> forbidden = contributor.post("/newsroom/pictures/" + unused + "/delete",
                Map.of("_csrf", csrf(contributor), "confirmDelete", "on"));
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(Jsoup.parse(forbidden.body()).select(".form-errors").attr("data-codes")).isEqualTo("forbidden");

        HttpResponse<String> deleted = editor.post("/newsroom/pictures/" + unused + "/delete",
                Map.of("_csrf", token, "confirmDelete", "on"));
        assertThat(deleted.statusCode()).isEqualTo(302);
        assertThat(WebSession.location(deleted)).endsWith("/newsroom/pictures?deleted=" + unused);
        assertThat(editor.get("/newsroom/pictures/" + unused).statusCode()).isEqualTo(404);
    }

    @Test
    void theMenuLeadsContributorsToThePictures() {
        Document desk = Jsoup.parse(staff(Role.CONTRIBUTOR).get("/newsroom").body());
        assertThat(desk.select("nav a[href=/newsroom/pictures]").text()).isEqualTo("Pictures");
    }

    private static HttpResponse<String> post(WebSession session, String path, String csrf, String form) {
        HttpRequest request = HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + session.port() + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .header("X-XSRF-TOKEN", csrf).POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return send(session, request);
    }

    /** The start of a PNG that claims its size: a signature and an IHDR chunk, no pixels. */
    private static byte[] pngHeader(int width, int height) {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(8 + 25 + 12);
        buffer.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        byte[] ihdr = java.nio.ByteBuffer.allocate(17).put("IHDR".getBytes(StandardCharsets.US_ASCII))
                .putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0)
                .array();
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(ihdr);
        buffer.putInt(13).put(ihdr).putInt((int) crc.getValue());
        buffer.putInt(0).put("IEND".getBytes(StandardCharsets.US_ASCII)).putInt(0xAE426082);
        return buffer.array();
    }
}
