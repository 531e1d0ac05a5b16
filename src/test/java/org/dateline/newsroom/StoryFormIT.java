package org.dateline.newsroom;

import java.net.http.HttpResponse;
import java.util.Map;

import org.dateline.identity.Accounts;
import org.dateline.identity.Role;
import org.dateline.testing.IntegrationTest;
import org.dateline.testing.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** An editor writes and publishes a story in the newsroom; a contributor may not publish. */
@IntegrationTest
class StoryFormIT {

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;

    private WebSession loggedIn(Role role) {
        return WebSession.staff(port, accounts, role);
    }

    @Test
    void editorPublishesAStoryThatReadersSeeAtOnce() {
        WebSession editor = loggedIn(Role.EDITOR);
        String headline = "Written in the newsroom " + System.nanoTime();
        HttpResponse<String> invalid = editor.submit("/newsroom/stories/new", "/newsroom/stories",
                Map.of("edition", "en", "section", "world", "headline", headline, "lead", "", "body", "",
                        "datelinePlace", "GENEVA", "credit", "Dateline", "when", "now"));
        assertThat(invalid.statusCode()).isEqualTo(200);
        assertThat(invalid.body()).contains("The lead is required.").contains("The body needs at least one paragraph.")
                .contains(headline); // what the editor typed is kept

        HttpResponse<String> stored = editor.submit("/newsroom/stories/new", "/newsroom/stories",
                Map.of("edition", "en", "section", "world", "headline", headline,
                        "lead", "Delegates met in Geneva to discuss the agenda.",
                        "body", "First paragraph.\n\nSecond paragraph.", "datelinePlace", "GENEVA",
                        "credit", "Dateline", "tags", "Diplomacy\nGeneva", "authors", "Staff Editor", "when", "now"));
        assertThat(WebSession.location(stored)).contains("/newsroom?stored=");
        assertThat(new WebSession(port).get("/en/world/").body()).contains(headline);
    }

    @Test
    void contributorsWriteDraftsButMayNotPublish() {
        WebSession contributor = loggedIn(Role.CONTRIBUTOR);
        assertThat(contributor.get("/newsroom/stories/new").statusCode()).isEqualTo(200);
        Map<String, String> story = Map.of("edition", "en", "section", "world", "headline", "A contributor's story",
                "lead", "", "body", "", "datelinePlace", "", "credit", "", "when", "now");
        assertThat(contributor.submit("/newsroom/stories/new", "/newsroom/stories", story).statusCode()).isEqualTo(403);
        Map<String, String> draft = new java.util.HashMap<>(story);
        draft.put("when", "draft");
        HttpResponse<String> stored = contributor.submit("/newsroom/stories/new", "/newsroom/stories", draft);
        assertThat(WebSession.location(stored)).matches(".*/newsroom/stories/\\d+\\?done=created");
    }
}
