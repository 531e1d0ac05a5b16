package org.dateline.newsroom;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.dateline.content.ArticleState;
import org.dateline.identity.Actor;
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
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A story's lead picture and body figures: set through the admin API and the desk, kept by revisions, shown with
 * their renditions; and the rule that a story goes public only with pictures in the library that have alt text,
 * while a draft may wait.
 */
@IntegrationTest
class LeadPictureIT {

    static final String TOKEN = DatelineTestContext.ADMIN_TOKEN;

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JsonMapper json;
    StoryFixtures fixtures;
    Http api;

    @BeforeEach
    void setUp() {
        fixtures = new StoryFixtures(context);
        api = new Http(port);
    }

    long picture(String altText) {
        HttpResponse<String> response = TestPictures.upload(api, "/api/admin/pictures", TOKEN,
                TestPictures.jpeg(1210, 810), "lead.jpg", "image/jpeg",
                altText == null ? Map.of("caption", "A lead picture") : Map.of("caption", "A lead picture",
                        "altText", altText, "credit", "Dateline"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("id").asLong();
    }

    String article(String headline, Long leadPicture, String... body) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("edition", "en");
        fields.put("section", "science");
        fields.put("headline", headline);
        fields.put("lead", "A lead sentence.");
        fields.put("body", body.length == 0 ? List.of("A paragraph.") : List.of(body));
        fields.put("datelinePlace", "OSLO");
        fields.put("credit", "Dateline");
        fields.put("leadPicture", leadPicture);
        return json.writeValueAsString(fields);
    }

    @Test
    void theAdminApiTakesALeadPictureShowsItWithItsRenditionsAndRevisionsKeepIt() {
        long picture = picture("A research vessel leaving port");
        HttpResponse<String> created = send("POST", "/api/admin/articles",
                article("Lead picture by API " + System.nanoTime(), picture));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = json.readTree(created.body()).get("id").asLong();

        JsonNode story = json.readTree(api.get("/api/admin/articles/" + id, "Authorization", "Bearer " + TOKEN).body());
        JsonNode lead = story.get("leadPicture");
        assertThat(lead.get("id").asLong()).isEqualTo(picture);
        assertThat(lead.get("altText").asString()).isEqualTo("A research vessel leaving port");
        assertThat(lead.get("caption").asString()).isEqualTo("A lead picture");
        assertThat(lead.get("credit").asString()).isEqualTo("Dateline");
        assertThat(lead.get("width").asInt()).isEqualTo(1210);
        assertThat(lead.get("height").asInt()).isEqualTo(810);
        String wide = lead.get("renditions").get("16x9").get(0).get("jpeg").asString();
        assertThat(api.getBytes(URI.create(wide).getPath()).statusCode()).isEqualTo(200);
        assertThat(fixtures.find(id).leadPicture()).isEqualTo(picture);

        // A save without it takes it away; restoring the first revision brings it back.
        HttpResponse<String> saved = send("PUT", "/api/admin/articles/" + id, article(story.get("headline")
                .asString(), null));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(json.readTree(saved.body()).has("leadPicture")).isFalse();
        JsonNode first = json.readTree(api.get("/api/admin/articles/" + id + "/revisions/1", "Authorization",
                "Bearer " + TOKEN).body());
        assertThat(first.get("leadPicture").asLong()).isEqualTo(picture);
        assertThat(send("POST", "/api/admin/articles/" + id + "/revisions/1/restore", "").statusCode())
                .isEqualTo(200);
        assertThat(fixtures.find(id).leadPicture()).isEqualTo(picture);
    }

    @Test
    void aStoryGoesPublicOnlyWithPicturesInTheLibraryThatHaveAltTextADraftMayWait() {
        long undescribed = picture(null);
        String headline = "Pictures before publication " + System.nanoTime();
        String fields = article(headline, undescribed, "A paragraph.", "![](picture:" + undescribed + ")",
                "![A caption](picture:987654321)");
        assertThat(problems(send("POST", "/api/admin/articles", fields)))
                .containsExactly("leadPicture picture_alt_missing", "body picture_alt_missing",
                        "body picture_not_found");
        String scheduled = fields.replaceFirst("\\{", "{\"publishAt\":\"" + Instant.now().plus(2, ChronoUnit.DAYS)
                + "\",");
        assertThat(problems(send("POST", "/api/admin/articles", scheduled))).hasSize(3);

        HttpResponse<String> draft = send("POST", "/api/admin/articles", fields.replaceFirst("\\{",
                "{\"status\":\"draft\","));
        assertThat(draft.statusCode()).as("a draft may hold them").isEqualTo(201);
        long id = json.readTree(draft.body()).get("id").asLong();
        assertThat(problems(send("POST", "/api/admin/articles/" + id + "/publish", ""))).hasSize(3);
        assertThat(problems(send("POST", "/api/admin/articles/" + id + "/schedule",
                "{\"publishAt\":\"" + Instant.now().plus(2, ChronoUnit.DAYS) + "\"}"))).hasSize(3);
        HttpResponse<String> alt = send("PUT", "/api/admin/pictures/" + undescribed,
                "{\"altText\":\"A harbour crane\"}");
        assertThat(alt.statusCode()).isEqualTo(200);
        assertThat(problems(send("POST", "/api/admin/articles/" + id + "/publish", "")))
                .containsExactly("body picture_not_found");
        String fixed = article(headline, undescribed, "A paragraph.", "![](picture:" + undescribed + ")");
        assertThat(send("PUT", "/api/admin/articles/" + id, fixed).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/admin/articles/" + id + "/publish", "").statusCode()).isEqualTo(200);
        assertThat(fixtures.find(id).state()).isEqualTo(ArticleState.LIVE);

        // Live, a save must keep to the same rules.
        long another = picture(null);
        assertThat(problems(send("PUT", "/api/admin/articles/" + id, article(headline, another))))
                .containsExactly("leadPicture picture_alt_missing");
    }

    @Test
    void theDeskChoosesTheLeadPictureAndShowsItBesideTheField() {
        Actor editor = fixtures.staff(Role.EDITOR, "Petra Picture");
        WebSession desk = new WebSession(port);
        assertThat(WebSession.location(desk.submit("/login", "/login",
                Map.of("username", editor.email(), "password", StoryFixtures.PASSWORD)))).endsWith("/newsroom");
        long picture = picture("Ice floes on a river");
        long id = fixtures.story(StoryFixtures.Start.READY);
        Story story = fixtures.find(id);

        Document editorPage = Jsoup.parse(desk.get("/newsroom/stories/" + id).body());
        assertThat(editorPage.select("#leadPicture").attr("value")).isEmpty();
        assertThat(editorPage.select(".lead-picture-chosen").hasAttr("hidden")).isTrue();
        assertThat(editorPage.select("dialog.picture-picker")).hasSize(1);
        assertThat(editorPage.select(".body-toolbar [data-picture-choose=body]").text()).isEqualTo("Picture");
        String csrf = editorPage.select("input[name=_csrf]").first().attr("value");

        Map<String, String> form = new HashMap<>();
        form.put("_csrf", csrf);
        form.put("section", story.section());
        form.put("headline", story.headline());
        form.put("lead", story.lead());
        form.put("body", String.join("\n\n", story.blocks()));
        form.put("datelinePlace", story.datelinePlace());
        form.put("credit", story.credit());
        form.put("revision", String.valueOf(story.revision()));
        form.put("leadPicture", String.valueOf(picture));
        form.put("action", "save");
        HttpResponse<String> saved = desk.post("/newsroom/stories/" + id, form);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(fixtures.find(id).leadPicture()).isEqualTo(picture);

        Document shown = Jsoup.parse(desk.get("/newsroom/stories/" + id).body());
        assertThat(shown.select("#leadPicture").attr("value")).isEqualTo(String.valueOf(picture));
        assertThat(shown.select(".lead-picture-chosen").hasAttr("hidden")).isFalse();
        assertThat(shown.select(".lead-picture-chosen img").attr("src")).matches("/pictures/[0-9a-f]{32}/1x1-.*");
        assertThat(shown.select(".lead-picture-label").text()).isEqualTo("A lead picture");

        // Publishing with a picture that lacks alt text is refused on the desk with the API's code.
        long undescribed = picture(null);
        form.put("revision", String.valueOf(fixtures.find(id).revision()));
        form.put("leadPicture", String.valueOf(undescribed));
        form.put("action", "publish");
        HttpResponse<String> refused = desk.post("/newsroom/stories/" + id, form);
        assertThat(refused.statusCode()).isEqualTo(200);
        Document again = Jsoup.parse(refused.body());
        assertThat(again.select(".form-errors").attr("data-codes")).isEqualTo("picture_alt_missing");
        assertThat(again.select("#leadPicture").attr("value")).isEqualTo(String.valueOf(undescribed));
        assertThat(again.select(".lead-picture-chosen .alt-missing").hasAttr("hidden")).isFalse();
        assertThat(fixtures.find(id).state()).isEqualTo(ArticleState.READY);
    }

    private List<String> problems(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        return json.readTree(response.body()).get("errors").valueStream()
                .map(e -> e.get("field").asString() + " " + e.get("code").asString()).toList();
    }

    private HttpResponse<String> send(String method, String path, String body) {
        return api.send(method, path, body, TOKEN);
    }
}
