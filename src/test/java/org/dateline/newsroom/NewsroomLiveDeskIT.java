package org.dateline.newsroom;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

import org.dateline.content.LiveCoverageQueries;
import org.dateline.identity.Accounts;
import org.dateline.identity.Role;
import org.dateline.testing.DatelineTestContext;
import org.dateline.testing.Http;
import org.dateline.testing.IntegrationTest;
import org.dateline.testing.WebSession;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The newsroom's live desk without JavaScript: forms with CSRF, the workflow policy, and a delete that asks first. */
@IntegrationTest
class NewsroomLiveDeskIT {

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    JsonMapper json;
    @Autowired
    LiveCoverageQueries coverage;

    @Test
    void anEditorMarksAStoryLivePostsCorrectsAndDeletesEntriesFromItsNewsroomPage() {
        Http http = new Http(port);
        var published = http.postJson("/api/admin/articles", Http.article("en", "world",
                "Live desk " + System.nanoTime()), DatelineTestContext.ADMIN_TOKEN);
        long id = json.readTree(published.body()).get("id").asLong();
        String publicPath = URI.create(published.headers().firstValue("Location").orElseThrow()).getPath();
        String editor = "/newsroom/stories/" + id;
        WebSession staff = WebSession.staff(port, accounts, Role.EDITOR);

        assertThat(Jsoup.parse(staff.get(editor).body()).select("form[action=" + editor + "/entries]")).isEmpty();
        assertThat(WebSession.location(staff.submit(editor, editor + "/live-coverage", Map.of("liveCoverage", "on",
                "return", editor)))).endsWith(editor + "?done=live-coverage");
        assertThat(coverage.isLiveCoverage(id)).isTrue();

        assertThat(staff.post(editor + "/entries", Map.of("text", "Without a token")).statusCode()).isEqualTo(403);
        HttpResponse<String> empty = staff.submit(editor, editor + "/entries", Map.of("text", " ", "return", editor));
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(empty.body()).select(".field-error").text()).contains("An entry needs its text.");
        HttpResponse<String> badLink = staff.submit(editor, editor + "/entries", Map.of("text", "Kept as typed",
                "link", "javascript:alert(1)", "return", editor));
        assertThat(badLink.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(badLink.body()).select("#entry-text").text()).isEqualTo("Kept as typed");
        assertThat(coverage.entries(id)).isEmpty();

        assertThat(WebSession.location(staff.submit(editor, editor + "/entries", Map.of("text",
                "Crowds gather at the square.", "link", "https://example.org/square", "return", editor))))
                .endsWith(editor + "?done=posted");
        long entry = coverage.entries(id).get(0).id();
        Document page = Jsoup.parse(staff.get(editor).body());
        assertThat(page.select("#desk-entry-" + entry + " .live-desk-text").text())
                .isEqualTo("Crowds gather at the square.");
        assertThat(page.select("#desk-entry-" + entry + " a[href=" + publicPath + "#entry-" + entry + "]"))
                .hasSize(1);
        var delete = page.selectFirst("form[action=" + editor + "/entries/" + entry + "/delete]");
        assertThat(delete.select("button.danger")).hasSize(1);
        assertThat(delete.select("input[name=confirmDelete][required]")).hasSize(1);

        String entries = editor + "/entries";
        assertThat(WebSession.location(staff.submit(entries, editor + "/entries/" + entry, Map.of("text",
                "Crowds gather at the main square.", "return", entries)))).endsWith(entries + "?done=corrected");
        assertThat(coverage.entry(entry).orElseThrow().text()).isEqualTo("Crowds gather at the main square.");
        assertThat(coverage.entry(entry).orElseThrow().link()).isNull();

        HttpResponse<String> unconfirmed = staff.submit(entries, editor + "/entries/" + entry + "/delete",
                Map.of("return", entries));
        assertThat(unconfirmed.statusCode()).isEqualTo(422);
        assertThat(coverage.entry(entry)).isPresent();
        assertThat(WebSession.location(staff.submit(entries, editor + "/entries/" + entry + "/delete",
                Map.of("confirmDelete", "on", "return", entries)))).endsWith(entries + "?done=deleted");
        assertThat(coverage.entry(entry)).isEmpty();

        // A contributor may not post to a published story, whoever wrote it: the workflow policy's answer.
        WebSession contributor = WebSession.staff(port, accounts, Role.CONTRIBUTOR);
        HttpResponse<String> refused = contributor.submit(entries, editor + "/entries", Map.of("text", "Mine?"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(coverage.entries(id)).isEmpty();
    }
}
