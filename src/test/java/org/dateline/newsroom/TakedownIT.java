package org.dateline.newsroom;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.dateline.content.ArticleState;
import org.dateline.testing.DatelineTestContext;
import org.dateline.testing.Http;
import org.dateline.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dateline.testing.Await.await;

/** Killed and unpublished articles leave every surface within a second; a killed address answers 410. */
@IntegrationTest
class TakedownIT {

    static final List<String> SURFACES = List.of("/en/", "/en/economy/", "/en/rss.xml", "/en/atom.xml",
            "/en/economy/rss.xml", "/sitemaps/news.xml", "/sitemaps/articles-1.xml", "/en/newsfeed",
            "/en/newsfeed/items");

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    Http http;

    @BeforeEach
    void connect() {
        http = new Http(port);
    }

    private String publish(String headline) {
        HttpResponse<String> created = http.postJson("/api/admin/articles", Http.article("en", "economy", headline),
                DatelineTestContext.ADMIN_TOKEN);
        assertThat(created.statusCode()).isEqualTo(201);
        return URI.create(created.headers().firstValue("Location").orElseThrow()).getPath();
    }

    private static long idOf(String path) {
        String last = path.substring(path.lastIndexOf('/') + 1);
        return Long.parseLong(last.substring(0, last.indexOf('-')));
    }

    @Test
    void killedArticleLeavesEverySurfaceWithinASecondAndAnswers410() throws Exception {
        String headline = "Story to be killed " + System.nanoTime();
        String path = publish(headline);
        for (String surface : SURFACES) {
            http.get(surface);
            assertThat(shows(http.get(surface).body(), headline, path)).as(surface).isTrue();
        }
        assertThat(http.get(path).statusCode()).isEqualTo(200);
        http.get(path);
        List<String> streamed = new CopyOnWriteArrayList<>();
        var stream = http.client().sendAsync(HttpRequest.newBuilder(URI.create(http.base() + "/en/newsfeed/stream"))
                .build(), HttpResponse.BodyHandlers.ofLines()).thenAcceptAsync(r -> r.body().forEach(streamed::add));
        await(() -> !streamed.isEmpty(), Duration.ofSeconds(5));

        long started = System.nanoTime();
        HttpResponse<String> killed = http.postJson("/api/admin/articles/" + idOf(path) + "/kill", "",
                DatelineTestContext.ADMIN_TOKEN);
        assertThat(killed.statusCode()).isEqualTo(200);
        assertThat(killed.body()).contains("\"state\":\"KILLED\"");

        Duration second = Duration.ofSeconds(1);
        await(() -> http.get(path).statusCode() == 410, second);
        for (String surface : SURFACES) {
            await(() -> !shows(http.get(surface).body(), headline, path), second.minusNanos(System.nanoTime() - started));
        }
        await(() -> streamed.stream().anyMatch(l -> l.equals("data: {\"id\":" + idOf(path) + "}")),
                second.minusNanos(System.nanoTime() - started));
        stream.cancel(true);

        HttpResponse<String> gone = http.get(path);
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(gone.body()).contains("This story was withdrawn").doesNotContain(headline);
        assertThat(gone.headers().firstValue("X-Cache")).isEmpty();
        assertThat(gone.headers().firstValue("Cache-Control")).hasValue("no-store");
        // Old links with another slug are gone too, and a kill cannot be repeated or undone by unpublishing.
        assertThat(http.get(path.replaceAll("-[^/]*$", "-other-slug")).statusCode()).isEqualTo(410);
        HttpResponse<String> again = http.postJson("/api/admin/articles/" + idOf(path) + "/kill", "",
                DatelineTestContext.ADMIN_TOKEN);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("\"code\":\"not_live\"");
        assertThat(http.postJson("/api/admin/articles/" + idOf(path) + "/unpublish", "",
                DatelineTestContext.ADMIN_TOKEN).statusCode()).isEqualTo(409);
    }

    @Test
    void unpublishedArticleAnswers404AndLeavesTheLists() throws Exception {
        String headline = "Story to be unpublished " + System.nanoTime();
        String path = publish(headline);
        http.get("/en/economy/");
        HttpResponse<String> unpublished = http.postJson("/api/admin/articles/" + idOf(path) + "/unpublish", "",
                DatelineTestContext.ADMIN_TOKEN);
        assertThat(unpublished.statusCode()).isEqualTo(200);
        await(() -> http.get(path).statusCode() == 404, Duration.ofSeconds(1));
        await(() -> !http.get("/en/economy/").body().contains(headline), Duration.ofSeconds(1));
    }

    /**
     * A story killed before it was ever public (a draft, a scheduled story, one under embargo) answers on the site and
     * in both syndication APIs exactly as an id that never existed: no 410 tells anyone that it was there.
     */
    @Test
    void storiesKilledBeforeTheyWerePublicAnswerAsUnknownIds() {
        CreateStory create = context.getBean(CreateStory.class);
        ScheduleStory schedule = context.getBean(ScheduleStory.class);
        KillStory kill = context.getBean(KillStory.class);
        StoryQueries queries = context.getBean(StoryQueries.class);
        java.time.Instant later = context.getBean(java.time.Clock.class).instant().plus(Duration.ofDays(2));
        long draft = StoryFixtures.done(create.create(StoryFixtures.SYSTEM, StoryFixtures.fields("Killed draft")));
        long scheduled = StoryFixtures.done(create.create(StoryFixtures.SYSTEM, StoryFixtures.fields("Killed plan")));
        StoryFixtures.done(schedule.schedule(StoryFixtures.SYSTEM, scheduled, later, false));
        long embargoed = StoryFixtures.done(create.create(StoryFixtures.SYSTEM, StoryFixtures.fields("Killed embargo")));
        StoryFixtures.done(schedule.schedule(StoryFixtures.SYSTEM, embargoed, later, true));
        long unknown = 987_654_321L;
        for (long id : List.of(draft, scheduled, embargoed)) {
            StoryFixtures.done(kill.kill(StoryFixtures.SYSTEM, id));
            assertThat(queries.find(id).orElseThrow().state()).isEqualTo(ArticleState.KILLED); // the newsroom keeps it
        }
        for (long id : List.of(draft, scheduled, embargoed, unknown)) {
            assertThat(http.get("/en/economy/20261201/" + id + "-any-slug").statusCode()).as("site %d", id)
                    .isEqualTo(404);
            HttpResponse<String> ninjs = http.get("/api/ninjs/items/" + id);
            assertThat(ninjs.statusCode()).as("ninjs %d", id).isEqualTo(404);
            assertThat(ninjs.body()).contains("\"code\":\"unknown_article\"");
            assertThat(http.get("/api/newsml/items/" + id).statusCode()).as("newsml %d", id).isEqualTo(404);
        }
    }

    @Test
    void takedownsOfUnknownArticlesAndWithoutTokenAreRefused() {
        HttpResponse<String> unknown = http.postJson("/api/admin/articles/987654321/kill", "",
                DatelineTestContext.ADMIN_TOKEN);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("\"code\":\"unknown_article\"");
        assertThat(http.postJson("/api/admin/articles/1/kill", "", null).statusCode()).isEqualTo(401);
        assertThat(http.postJson("/api/admin/articles/not-a-number/kill", "", DatelineTestContext.ADMIN_TOKEN)
                .statusCode()).isEqualTo(400);
    }

    /** Pages and feeds show the headline; sitemaps only the address. */
    private static boolean shows(String body, String headline, String path) {
        return body.contains(headline) || body.contains(path);
    }
}
