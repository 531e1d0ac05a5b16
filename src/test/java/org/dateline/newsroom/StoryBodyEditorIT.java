package org.dateline.newsroom;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import org.dateline.content.ContentQueries;
import org.dateline.identity.Accounts;
import org.dateline.identity.Role;
import org.dateline.testing.IntegrationTest;
import org.dateline.testing.WebSession;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Structured bodies from the editor to every surface, the live preview of unsaved fields, and the story list's
 * author filter, over real HTTP.
 */
@IntegrationTest
class StoryBodyEditorIT {

    static final String STRUCTURED = """
            Talks opened on Monday.

            ## What was agreed

            - a ceasefire
            - an exchange of prisoners

            > "We are close," the envoy said.

            Read [the statement](https://example.org/statement?a=1&b=2), **in full**, and *soon*.

            [Trap](javascript:alert(1)) <script>alert(2)</script>""";

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    ContentQueries content;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    private WebSession loggedIn(Role role, String name) {
        String email = role.name().toLowerCase() + "-" + System.nanoTime() + "@dateline.test";
        accounts.createStaff(email, name, role, "start-Password-123", false);
        WebSession session = new WebSession(port);
        session.submit("/login", "/login", Map.of("username", email, "password", "start-Password-123"));
        return session;
    }

    private static long draft(WebSession session, String headline, String body, String authors) {
        HttpResponse<String> created = session.submit("/newsroom/stories/new", "/newsroom/stories",
                Map.of("edition", "en", "section", "world", "headline", headline, "lead", "A lead for the test.",
                        "body", body, "datelinePlace", "GENEVA", "credit", "Dateline", "authors", authors,
                        "when", "draft"));
        String location = WebSession.location(created);
        assertThat(location).as(created.body()).contains("/newsroom/stories/");
        return Long.parseLong(location.replaceAll(".*/newsroom/stories/(\\d+).*", "$1"));
    }

    /** The editor's fields as the browser would post them, line breaks of text areas kept. */
    private static Map<String, String> fields(Document editor) {
        Map<String, String> fields = new HashMap<>();
        for (var input : editor.select("form.story-form input[name], form.story-form textarea[name]")) {
            if (!input.attr("type").equals("checkbox")) {
                fields.put(input.attr("name"), input.is("textarea") ? input.wholeText() : input.val());
            }
        }
        fields.put("section", editor.select("#section option[selected]").val());
        return fields;
    }

    @Test
    void livePreviewShowsUnsavedFieldsAndStoresNothing() {
        WebSession editor = loggedIn(Role.EDITOR, "Paula Preview");
        String headline = "Preview headline " + System.nanoTime();
        long id = draft(editor, headline, "Saved text.", "");
        String path = "/newsroom/stories/" + id;
        Document page = Jsoup.parse(editor.get(path).body());
        assertThat(page.select(".live-preview[data-preview=" + path + "/preview] iframe")).hasSize(1);
        assertThat(page.select(".body-toolbar button[data-format]")).hasSize(8);

        Map<String, String> unsaved = fields(page);
        unsaved.put("headline", headline + " (unsaved)");
        unsaved.put("body", STRUCTURED);
        unsaved.put("tags", "Brand new tag " + id);
        HttpResponse<String> preview = editor.post(path + "/preview", unsaved);
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(preview.headers().firstValue("X-Robots-Tag")).hasValue("noindex");
        Document shown = Jsoup.parse(preview.body());
        assertThat(shown.select("article h1").text()).isEqualTo(headline + " (unsaved)");
        assertThat(shown.select(".body h2").text()).isEqualTo("What was agreed");
        assertThat(shown.select(".body ul li").eachText()).containsExactly("a ceasefire", "an exchange of prisoners");
        assertThat(shown.select(".body blockquote").text()).contains("We are close");
        assertThat(shown.select(".body p").first().text()).startsWith("GENEVA").endsWith("Talks opened on Monday.");
        assertThat(shown.select(".tags a").eachText()).contains("Brand new tag " + id);

        // Nothing was stored: the story keeps its revision and text, the new tag does not exist.
        Document after = Jsoup.parse(editor.get(path).body());
        assertThat(after.select("#revision-number").text()).isEqualTo("1");
        assertThat(after.select("#headline").val()).isEqualTo(headline);
        assertThat(content.stored(id).orElseThrow().body().markup()).isEqualTo("Saved text.");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM tags WHERE name = ?").params("Brand new tag " + id)
                .query(Long.class).single()).isZero();
    }

    @Test
    void livePreviewNeedsTheCsrfTokenAndStaff() {
        WebSession editor = loggedIn(Role.EDITOR, "Carl Csrf");
        long id = draft(editor, "Csrf check " + System.nanoTime(), "Text.", "");
        String path = "/newsroom/stories/" + id;
        Map<String, String> unsaved = fields(Jsoup.parse(editor.get(path).body()));
        unsaved.remove("_csrf");
        assertThat(editor.post(path + "/preview", unsaved).statusCode()).isEqualTo(403);

        HttpResponse<String> stranger = new WebSession(port).get(path + "/preview");
        assertThat(stranger.statusCode()).isIn(302, 401, 403);
        assertThat(stranger.body()).doesNotContain("Csrf check");
    }

    @Test
    void structuredBodyReachesThePublicPageAndTheApis() {
        WebSession editor = loggedIn(Role.EDITOR, "Sam Structure");
        String headline = "Structured body " + System.nanoTime();
        long id = draft(editor, headline, STRUCTURED, "Sam Structure");
        String path = "/newsroom/stories/" + id;
        Document page = Jsoup.parse(editor.get(path).body());
        assertThat(page.select("#body").first().wholeText()).isEqualTo(STRUCTURED);
        Map<String, String> publish = fields(page);
        publish.put("action", "publish");
        assertThat(WebSession.location(editor.submit(path, path, publish))).endsWith("?done=publish");

        var article = content.article(id).orElseThrow();
        WebSession reader = new WebSession(port);
        Document published = Jsoup.parse(reader.get(article.path()).body());
        var body = published.select("article .body").first();
        assertThat(body.select("h2").text()).isEqualTo("What was agreed");
        assertThat(body.select("ul li")).hasSize(2);
        assertThat(body.select("blockquote p").text()).isEqualTo("\"We are close,\" the envoy said.");
        assertThat(body.select("a").eachAttr("href")).containsExactly("https://example.org/statement?a=1&b=2");
        assertThat(body.select("strong").text()).isEqualTo("in full");
        assertThat(body.select("em").text()).isEqualTo("soon");
        assertThat(body.select("script")).isEmpty();
        assertThat(body.text()).contains("Trap <script>alert(2)</script>");
        assertThat(body.select("p").first().select("span.dateline").text()).startsWith("GENEVA");

        String ld = published.select("script[type=application/ld+json]").first().data();
        JsonNode doc = json.readTree(ld);
        assertThat(doc.get("articleBody").asString()).contains("What was agreed\n\n- a ceasefire\n- an exchange")
                .doesNotContain("##").doesNotContain("](");

        JsonNode ninjs = json.readTree(reader.get("/api/ninjs/items/" + id).body());
        assertThat(ninjs.get("bodies").get(0).get("contenttype").asString()).isEqualTo("text/plain");
        assertThat(ninjs.get("bodies").get(1).get("contenttype").asString()).isEqualTo("text/html");
        assertThat(ninjs.get("bodies").get(1).get("value").asString()).contains("<h2>What was agreed</h2>")
                .contains("<li>a ceasefire</li>").doesNotContain("<script");

        String newsml = reader.get("/api/newsml/items/" + id).body();
        assertThat(newsml).contains("<h2>What was agreed</h2>").contains("<li>a ceasefire</li>")
                .contains("<a href=\"https://example.org/statement?a=1&amp;b=2\">the statement</a>");
    }

    @Test
    void bodiesStoredAsPlainParagraphsRenderAsBefore() {
        WebSession editor = loggedIn(Role.EDITOR, "Lena Legacy");
        long id = draft(editor, "Legacy body " + System.nanoTime(), "Placeholder.", "");
        String path = "/newsroom/stories/" + id;
        Map<String, String> publish = fields(Jsoup.parse(editor.get(path).body()));
        publish.put("action", "publish");
        assertThat(WebSession.location(editor.submit(path, path, publish))).endsWith("?done=publish");
        // As a body written before markup existed: plain paragraphs that look like markup.
        jdbc.sql("UPDATE articles SET body = ?, body_format = 'plain' WHERE id = ?")
                .params("1990. The year *it* began.\n\n- a dash, # and <b>tags</b>", id).update();
        Document published = Jsoup.parse(new WebSession(port).get(content.article(id).orElseThrow().path()).body());
        var body = published.select("article .body").first();
        assertThat(body.select("ol, ul, em, b, h2")).isEmpty();
        assertThat(body.select("p")).hasSize(2);
        assertThat(body.select("p").get(0).text()).startsWith("GENEVA, ").endsWith("(Dateline) - 1990. The year *it* began.");
        assertThat(body.select("p").get(1).text()).isEqualTo("- a dash, # and <b>tags</b>");
        // The editor shows it as markup that keeps it so.
        String inEditor = Jsoup.parse(editor.get(path).body()).select("#body").first().wholeText();
        assertThat(inEditor).isEqualTo("1990\\. The year \\*it\\* began.\n\n\\- a dash, # and \\<b>tags\\</b>");
    }

    @Test
    void storyListFiltersByAuthor() {
        WebSession editor = loggedIn(Role.EDITOR, "Fiona Filter");
        long stamp = System.nanoTime();
        String first = "By Olga " + stamp;
        String second = "By Boris " + stamp;
        draft(editor, first, "Text.", "Olga Authorova " + stamp);
        draft(editor, second, "Text.", "Boris Bylinov " + stamp + "\nSomeone Else");
        Document olga = Jsoup.parse(editor.get("/newsroom?author=olga+authorova+" + stamp).body());
        assertThat(olga.select(".story-table a").eachText()).containsExactly(first);
        assertThat(olga.select("input[name=author]").val()).isEqualTo("olga authorova " + stamp);
        Document boris = Jsoup.parse(editor.get("/newsroom?author=Bylinov+" + stamp + "&q=" + stamp).body());
        assertThat(boris.select(".story-table a").eachText()).containsExactly(second);
        Document nobody = Jsoup.parse(editor.get("/newsroom?author=%25_" + stamp).body());
        assertThat(nobody.select(".story-table tbody tr")).isEmpty();
    }
}
