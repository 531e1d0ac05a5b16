package org.dateline.newsroom;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.dateline.content.ContentQueries;
import org.dateline.identity.Accounts;
import org.dateline.identity.Actor;
import org.dateline.identity.Role;
import org.dateline.testing.IntegrationTest;
import org.dateline.testing.WebSession;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The editor moves a draft to another edition and links a story to its translation, over real HTTP. */
@IntegrationTest
class EditionsAndTranslationsIT {

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    ContentQueries content;
    @Autowired
    PublishStory publishStory;

    private WebSession loggedIn(String name) {
        String email = "editor-" + System.nanoTime() + "@dateline.test";
        accounts.createStaff(email, name, Role.EDITOR, "start-Password-123", false);
        WebSession session = new WebSession(port);
        session.submit("/login", "/login", Map.of("username", email, "password", "start-Password-123"));
        return session;
    }

    private static long draft(WebSession session, String headline) {
        String location = WebSession.location(session.submit("/newsroom/stories/new", "/newsroom/stories",
                Map.of("edition", "en", "section", "science", "headline", headline, "lead", "A lead.",
                        "body", "Text.", "datelinePlace", "OSLO", "credit", "Dateline", "tags", "Fusion power",
                        "when", "draft")));
        return Long.parseLong(location.replaceAll(".*/newsroom/stories/(\\d+).*", "$1"));
    }

    private long published(String edition, String section, String headline) {
        StoryResult result = publishStory.publishNew(new Actor(0, "", "Test", Role.ADMIN), new PublishCommand(edition,
                section, headline, "A lead.", List.of("Text."), "OSLO", null, "Dateline", List.of(), List.of(), null,
                null, null));
        return ((StoryResult.Done) result).storyId();
    }

    @Test
    void draftMovesToAnotherEditionWithItsSectionAndTags() {
        WebSession editor = loggedIn("Mona Mover");
        long id = draft(editor, "Moving draft " + System.nanoTime());
        String path = "/newsroom/stories/" + id;

        HttpResponse<String> unknown = editor.submit(path, path + "/edition", Map.of("edition", "xx"));
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(unknown.body()).select(".form-errors").text()).contains("Choose one of the editions");

        assertThat(WebSession.location(editor.submit(path, path + "/edition", Map.of("edition", "ru"))))
                .endsWith("?done=edition");
        var moved = content.stored(id).orElseThrow();
        assertThat(moved.edition()).isEqualTo("ru");
        assertThat(moved.section().edition()).isEqualTo("ru");
        assertThat(moved.section().slug()).isEqualTo("science");
        assertThat(moved.tags()).singleElement().satisfies(tag -> {
            assertThat(tag.edition()).isEqualTo("ru");
            assertThat(tag.name()).isEqualTo("Fusion power");
        });
        Document page = Jsoup.parse(editor.get(path).body());
        assertThat(page.select(".story-meta").text()).contains("ru");
        assertThat(page.select("#revision-number").text()).isEqualTo("2");

        // A published story stays in its edition: the form is not offered, a post is refused with a reason.
        long live = published("en", "science", "Live story " + System.nanoTime());
        String livePath = "/newsroom/stories/" + live;
        assertThat(Jsoup.parse(editor.get(livePath).body()).select("form[action=" + livePath + "/edition]")).isEmpty();
        String token = Jsoup.parse(editor.get(livePath).body()).select("form.story-form input[name=_csrf]").val();
        HttpResponse<String> refused = editor.post(livePath + "/edition", Map.of("_csrf", token, "edition", "ru"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(refused.body()).select(".form-errors").text()).contains("never published");
        assertThat(content.stored(live).orElseThrow().edition()).isEqualTo("en");
    }

    @Test
    void storyIsLinkedToItsTranslationFoundByHeadlineAndThePublicPagesNameEachOther() throws Exception {
        WebSession editor = loggedIn("Tom Translator");
        long stamp = System.nanoTime();
        long english = published("en", "science", "Comet seen over Oslo " + stamp);
        long russian = published("ru", "science", "Комета над Осло " + stamp);
        long otherEnglish = published("en", "science", "Another English story " + stamp);
        String path = "/newsroom/stories/" + english;

        Document found = Jsoup.parse(editor.get(path + "?in=ru&find=" + stamp).body());
        assertThat(found.select(".translation-candidates li span").eachText())
                .containsExactly("Комета над Осло " + stamp + " (ru, live)");
        String linkForm = "form[action=" + path + "/translations]";
        assertThat(found.select(linkForm + " input[name=other]").val()).isEqualTo(String.valueOf(russian));

        HttpResponse<String> withoutToken = editor.post(path + "/translations", Map.of("other", String.valueOf(russian)));
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        String token = found.select("form.story-form input[name=_csrf]").val();
        HttpResponse<String> sameEdition = editor.post(path + "/translations",
                Map.of("_csrf", token, "other", String.valueOf(otherEnglish)));
        assertThat(sameEdition.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(sameEdition.body()).select(".form-errors").text()).contains("different editions");

        HttpResponse<String> linked = editor.post(path + "/translations",
                Map.of("_csrf", token, "other", String.valueOf(russian)));
        assertThat(WebSession.location(linked)).endsWith("?done=link");
        assertThat(Jsoup.parse(editor.get(path).body()).select(".translation-list a").eachText())
                .containsExactly("Комета над Осло " + stamp);

        String englishPath = content.article(english).orElseThrow().path();
        String russianPath = content.article(russian).orElseThrow().path();
        WebSession reader = new WebSession(port);
        Document englishPage = Jsoup.parse(reader.get(englishPath).body());
        assertThat(englishPage.select(".translations a[hreflang=ru]").attr("href")).isEqualTo(russianPath);
        assertThat(englishPage.select("link[rel=alternate][hreflang=ru]").attr("href")).endsWith(russianPath);
        Document russianPage = Jsoup.parse(reader.get(russianPath).body());
        assertThat(russianPage.select(".translations a[hreflang=en]").attr("href")).isEqualTo(englishPath);

        // Unlinked: the cached pages are evicted through the change log and stop naming each other.
        assertThat(WebSession.location(editor.submit(path, path + "/translations/unlink", Map.of())))
                .endsWith("?done=unlink");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!Jsoup.parse(reader.get(russianPath).body()).select(".translations a").isEmpty()
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(Jsoup.parse(reader.get(russianPath).body()).select(".translations a")).isEmpty();
        assertThat(Jsoup.parse(reader.get(englishPath).body()).select(".translations a")).isEmpty();
    }
}
