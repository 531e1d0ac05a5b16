package org.dateline.newsroom;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import org.dateline.identity.Accounts;
import org.dateline.identity.Role;
import org.dateline.testing.IntegrationTest;
import org.dateline.testing.WebSession;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The newsroom editor as journalists use it: a draft written, saved as revisions, compared side by side, previewed,
 * passed along the workflow and published; the edit lock shown to a second editor, who may take over.
 */
@IntegrationTest
class NewsroomEditorIT {

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;

    private WebSession loggedIn(Role role, String name) {
        String email = role.name().toLowerCase() + "-" + System.nanoTime() + "@dateline.test";
        accounts.createStaff(email, name, role, "start-Password-123", false);
        WebSession session = new WebSession(port);
        HttpResponse<String> login = session.submit("/login", "/login",
                Map.of("username", email, "password", "start-Password-123"));
        assertThat(WebSession.location(login)).endsWith("/newsroom");
        return session;
    }

    private static long created(HttpResponse<String> response) {
        String location = WebSession.location(response);
        assertThat(location).as(response.body()).contains("/newsroom/stories/");
        return Long.parseLong(location.replaceAll(".*/newsroom/stories/(\\d+).*", "$1"));
    }

    private static Map<String, String> fields(Document editor) {
        Map<String, String> fields = new HashMap<>();
        for (var input : editor.select("form.story-form input[name], form.story-form textarea[name]")) {
            if (!input.attr("type").equals("checkbox")) {
                fields.put(input.attr("name"), input.is("textarea") ? input.text() : input.val());
            }
        }
        fields.put("section", editor.select("#section option[selected]").val());
        return fields;
    }

    @Test
    void draftGoesFromWritingToPublishedWithRevisionsAndPreview() {
        WebSession reporter = loggedIn(Role.CONTRIBUTOR, "Rita Reporter");
        String headline = "Harbour reopens after storm " + System.nanoTime();
        long id = created(reporter.submit("/newsroom/stories/new", "/newsroom/stories",
                Map.of("edition", "en", "section", "world", "headline", headline, "lead", "", "body", "",
                        "datelinePlace", "", "credit", "", "when", "draft")));
        String editorPath = "/newsroom/stories/" + id;
        Document page = Jsoup.parse(reporter.get(editorPath).body());
        assertThat(page.select(".story-meta").text()).contains("draft").contains("revision 1");
        assertThat(page.select("button[value=publish]")).isEmpty(); // a contributor hands over, never publishes
        assertThat(page.select("button[value=submit]")).hasSize(1);

        Map<String, String> fields = fields(page);
        fields.put("lead", "The port is open again after three days.");
        fields.put("body", "Ships left at dawn.\n\nThe <script>alert(1)</script> harbour master said so.");
        fields.put("datelinePlace", "ODESSA");
        fields.put("credit", "Dateline");
        fields.put("action", "save");
        assertThat(WebSession.location(reporter.submit(editorPath, editorPath, fields))).endsWith("?done=save");
        fields.put("body", "Ships left at sunrise.\n\nThe <script>alert(1)</script> harbour master said so.");
        fields.put("revision", "2");
        fields.put("action", "submit");
        assertThat(WebSession.location(reporter.submit(editorPath, editorPath, fields))).endsWith("?done=submit");

        // The revisions side by side: the changed word marked, the text escaped.
        Document compare = Jsoup.parse(reporter.get(editorPath + "/compare?a=2&b=3").body());
        assertThat(compare.select("tr.changed del").eachText()).contains("dawn");
        assertThat(compare.select("tr.changed ins").eachText()).contains("sunrise");
        assertThat(compare.select("script")).isEmpty();
        assertThat(compare.text()).contains("<script>alert(1)</script>");

        // The preview is the public page as it would look; the story itself is not public yet.
        HttpResponse<String> preview = reporter.get(editorPath + "/preview");
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(Jsoup.parse(preview.body()).select("h1").text()).isEqualTo(headline);
        assertThat(new WebSession(port).get("/en/world/").body()).doesNotContain(headline);

        // An editor opens it: the reporter's lock is shown, the editor takes over, marks it ready and publishes.
        WebSession editor = loggedIn(Role.EDITOR, "Eddie Editor");
        Document locked = Jsoup.parse(editor.get(editorPath).body());
        assertThat(locked.select(".lock-notice").text()).contains("Rita Reporter is editing this story.");
        assertThat(locked.select("button[value=save]")).isEmpty();
        assertThat(WebSession.location(editor.submit(editorPath, editorPath + "/lock", Map.of())))
                .endsWith("?done=takeover");
        Document taken = Jsoup.parse(editor.get(editorPath).body());
        assertThat(taken.select(".lock-notice")).isEmpty();
        Map<String, String> ready = fields(taken);
        ready.put("action", "ready");
        assertThat(WebSession.location(editor.submit(editorPath, editorPath, ready))).endsWith("?done=ready");
        Map<String, String> publish = fields(Jsoup.parse(editor.get(editorPath).body()));
        publish.put("action", "publish");
        assertThat(WebSession.location(editor.submit(editorPath, editorPath, publish))).endsWith("?done=publish");
        // Every node's page cache learns of the publication from the change log: within a second.
        WebSession visitor = new WebSession(port);
        long deadline = System.nanoTime() + 1_000_000_000L;
        while (!visitor.get("/en/world/").body().contains(headline) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(visitor.get("/en/world/").body()).contains(headline);

        // The reporter's save now meets the editor's lock.
        fields.put("revision", "3");
        fields.put("action", "save");
        fields.put("headline", headline + " (late change)");
        HttpResponse<String> refused = reporter.submit(editorPath, editorPath, fields);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(refused.body()).select(".form-errors").text()).isNotEmpty();

        // The story list finds it by status and text.
        Document list = Jsoup.parse(editor.get("/newsroom?state=LIVE&q=harbour+reopens").body());
        assertThat(list.select(".story-table a").eachText()).contains(headline);
    }

    @Test
    void incompleteStoryIsNotPublishedAndTheFormSaysWhy() {
        WebSession editor = loggedIn(Role.EDITOR, "Ed Itor");
        long id = created(editor.submit("/newsroom/stories/new", "/newsroom/stories",
                Map.of("edition", "en", "section", "world", "headline", "Only a headline", "lead", "", "body", "",
                        "datelinePlace", "", "credit", "", "when", "draft")));
        String path = "/newsroom/stories/" + id;
        Map<String, String> publish = fields(Jsoup.parse(editor.get(path).body()));
        publish.put("action", "publish");
        HttpResponse<String> response = editor.submit(path, path, publish);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(response.body()).select(".form-errors").text()).contains("The lead is required.");
        Map<String, String> kill = fields(Jsoup.parse(editor.get(path).body()));
        kill.put("action", "kill");
        assertThat(Jsoup.parse(editor.submit(path, path, kill).body()).select(".form-errors").text())
                .contains("Tick the box");
        kill.put("confirmKill", "on");
        assertThat(WebSession.location(editor.submit(path, path, kill))).endsWith("?done=kill");
        assertThat(Jsoup.parse(editor.get(path).body()).select(".story-meta").text()).contains("killed");
    }
}
