package org.dateline.newsroom;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.dateline.identity.Accounts;
import org.dateline.identity.Role;
import org.dateline.testing.DatelineTestContext;
import org.dateline.testing.Http;
import org.dateline.testing.IntegrationTest;
import org.dateline.testing.SecondNode;
import org.dateline.testing.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A story marked breaking news reaches open pages over the newsfeed stream, and a page opened later from the stream's
 * opening, while every cached page stays cached; the mark ends when switched off, unpublished or killed, and only a
 * live story takes it, from the admin API and the desk alike. Another node's open pages get the bar within a second.
 */
@IntegrationTest
class BreakingNewsIT {

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    Environment environment;
    Http http;

    @BeforeEach
    void connect() {
        http = new Http(port);
    }

    @Test
    void breakingBarTravelsOverTheStreamWhileCachedPagesStayCached() throws Exception {
        String headline = "Breaking story " + System.nanoTime();
        long id = publish("ru", headline);
        String path = path(id);
        List<String> pages = List.of("/ru/", path, "/ru/newsfeed");
        Thread.sleep(1000); // the publish's own eviction comes with the change log's next read (H2 polls)
        pages.forEach(http::cachedHit);
        List<String> stream = open("ru");
        await(() -> stream.contains("event: breaking"), stream);

        HttpResponse<String> marked = put(id, "{\"breaking\":true}");
        assertThat(marked.statusCode()).isEqualTo(200);
        assertThat(marked.body()).contains("\"breaking\":true");
        await(() -> stream.stream().anyMatch(l -> l.startsWith("data: {\"id\":" + id + ",")
                && l.contains(path)), stream);
        for (String page : pages) {
            HttpResponse<String> again = http.get(page);
            assertThat(again.headers().firstValue("X-Cache")).as(page).contains("hit");
            assertThat(again.body()).as(page).contains("id=\"breaking-bar\"").doesNotContain(headline + "</a></div>");
        }
        // A page loaded now, cached before the mark, learns it from its stream's opening.
        List<String> later = open("ru");
        await(() -> later.stream().anyMatch(l -> l.startsWith("data: {\"id\":" + id + ",")), later);
        assertThat(http.get("/api/admin/articles/" + id, "Authorization", "Bearer " + DatelineTestContext.ADMIN_TOKEN)
                .body()).contains("\"breaking\":true");

        assertThat(put(id, "{\"breaking\":false}").statusCode()).isEqualTo(200);
        await(() -> lastData(stream).equals(NO_BAR), stream);
        for (String page : pages) {
            assertThat(http.get(page).headers().firstValue("X-Cache")).as(page).contains("hit");
        }
        assertThat(http.get("/api/admin/articles/" + id, "Authorization", "Bearer " + DatelineTestContext.ADMIN_TOKEN)
                .body()).contains("\"breaking\":false");
    }

    @Test
    void theBarReachesOpenPagesOfEveryNodeWithinASecond() throws Exception {
        long id = publish("en", "Breaking on every node " + System.nanoTime());
        try (SecondNode second = SecondNode.start(environment, "breaking-second-node")) {
            Http other = new Http(second.port());
            List<String> stream = open(other, "en");
            await(() -> stream.contains("event: breaking"), stream);
            long started = System.nanoTime();
            assertThat(put(id, "{\"breaking\":true}").statusCode()).isEqualTo(200);
            await(() -> stream.stream().anyMatch(l -> l.startsWith("data: {\"id\":" + id + ",")), stream);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the mark on the other node")
                    .isLessThan(Duration.ofSeconds(1));
            // A stream opened on the other node afterwards learns the bar from its opening.
            List<String> later = open(other, "en");
            await(() -> later.stream().anyMatch(l -> l.startsWith("data: {\"id\":" + id + ",")), later);

            started = System.nanoTime();
            assertThat(put(id, "{\"breaking\":false}").statusCode()).isEqualTo(200);
            await(() -> lastData(stream).equals(NO_BAR) && lastData(later).equals(NO_BAR), stream);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the end of the mark on the other node")
                    .isLessThan(Duration.ofSeconds(1));
        }
    }

    @Test
    void takingAStoryDownEndsItsBreakingMark() throws Exception {
        long unpublished = publish("en", "Breaking then unpublished " + System.nanoTime());
        assertThat(put(unpublished, "{\"breaking\":true}").statusCode()).isEqualTo(200);
        List<String> stream = open("en");
        await(() -> stream.stream().anyMatch(l -> l.startsWith("data: {\"id\":" + unpublished + ",")), stream);
        assertThat(http.postJson("/api/admin/articles/" + unpublished + "/unpublish", "",
                DatelineTestContext.ADMIN_TOKEN).statusCode()).isEqualTo(200);
        await(() -> lastData(stream).equals(NO_BAR), stream);
        assertThat(story(unpublished)).contains("\"breaking\":false");

        long killed = publish("en", "Breaking then killed " + System.nanoTime());
        assertThat(put(killed, "{\"breaking\":true}").statusCode()).isEqualTo(200);
        await(() -> stream.stream().anyMatch(l -> l.startsWith("data: {\"id\":" + killed + ",")), stream);
        assertThat(http.postJson("/api/admin/articles/" + killed + "/kill", "", DatelineTestContext.ADMIN_TOKEN)
                .statusCode()).isEqualTo(200);
        await(() -> lastData(stream).equals(NO_BAR), stream);
        assertThat(story(killed)).contains("\"breaking\":false");
        // Once down, a story takes no mark.
        HttpResponse<String> refused = put(unpublished, "{\"breaking\":true}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("\"code\":\"not_live\"");
    }

    @Test
    void refusesWhatIsNotALiveStoryOrNotARequest() {
        HttpResponse<String> draft = http.postJson("/api/admin/articles", Http.article("en", "economy",
                "Breaking draft " + System.nanoTime()).replaceFirst("\\{", "{\"status\":\"draft\","),
                DatelineTestContext.ADMIN_TOKEN);
        assertThat(draft.statusCode()).isEqualTo(201);
        long draftId = Long.parseLong(draft.body().replaceAll("(?s)^\\{\"id\":(\\d+).*", "$1"));
        HttpResponse<String> notLive = put(draftId, "{\"breaking\":true}");
        assertThat(notLive.statusCode()).isEqualTo(409);
        assertThat(notLive.body()).contains("\"code\":\"not_live\"");
        assertThat(story(draftId)).contains("\"breaking\":false");

        HttpResponse<String> unknown = put(987_654_321L, "{\"breaking\":true}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("\"code\":\"unknown_article\"");

        long live = publish("en", "Breaking request checks " + System.nanoTime());
        HttpResponse<String> missing = put(live, "{}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("\"code\":\"invalid_request\"").contains("breaking");
        HttpResponse<String> malformed = put(live, "{\"breaking\":");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("\"code\":\"malformed_json\"");
        HttpResponse<String> noToken = http.send("PUT", "/api/admin/articles/" + live + "/breaking",
                "{\"breaking\":true}", null);
        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(story(live)).contains("\"breaking\":false");
    }

    @Test
    void theDeskMarksAndEndsWithItsFormAndContributorsMayNot() {
        long id = publish("en", "Breaking from the desk " + System.nanoTime());
        String desk = "/newsroom/stories/" + id;
        String action = desk + "/breaking";

        WebSession withoutToken = WebSession.staff(port, accounts, Role.EDITOR);
        assertThat(withoutToken.post(action, Map.of("breaking", "on")).statusCode()).isEqualTo(403);
        assertThat(story(id)).contains("\"breaking\":false");

        WebSession editor = WebSession.staff(port, accounts, Role.EDITOR);
        HttpResponse<String> on = editor.submit(desk, action, Map.of("breaking", "on"));
        assertThat(WebSession.location(on)).endsWith(desk + "?done=breaking-on");
        assertThat(story(id)).contains("\"breaking\":true");
        assertThat(editor.get(desk).body()).contains("End breaking news").contains("breaking news</span>");
        HttpResponse<String> off = editor.submit(desk, action, Map.of("breaking", "off"));
        assertThat(WebSession.location(off)).endsWith(desk + "?done=breaking-off");
        assertThat(story(id)).contains("\"breaking\":false");

        WebSession contributor = WebSession.staff(port, accounts, Role.CONTRIBUTOR);
        String seen = contributor.get(desk).body();
        assertThat(seen).doesNotContain("Mark as breaking news");
        String token = org.jsoup.Jsoup.parse(seen).select("input[name=_csrf]").first().attr("value");
        HttpResponse<String> refused = contributor.post(action, Map.of("breaking", "on", "_csrf", token));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Your role may not do this with this story.");
        assertThat(story(id)).contains("\"breaking\":false");
    }

    private long publish(String edition, String headline) {
        HttpResponse<String> created = http.postJson("/api/admin/articles", Http.article(edition, "economy",
                headline), DatelineTestContext.ADMIN_TOKEN);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Long.parseLong(created.body().replaceAll("(?s)^\\{\"id\":(\\d+).*", "$1"));
    }

    private String path(long id) {
        return URI.create(story(id).replaceAll("(?s).*\"url\":\"([^\"]+)\".*", "$1")).getPath();
    }

    private String story(long id) {
        return http.get("/api/admin/articles/" + id, "Authorization", "Bearer " + DatelineTestContext.ADMIN_TOKEN)
                .body();
    }

    private HttpResponse<String> put(long id, String json) {
        return http.send("PUT", "/api/admin/articles/" + id + "/breaking", json, DatelineTestContext.ADMIN_TOKEN);
    }

    /** The lines of a newsfeed stream as they arrive. */
    private List<String> open(String edition) {
        return open(http, edition);
    }

    private List<String> open(Http http, String edition) {
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> reading = http.client().sendAsync(HttpRequest.newBuilder(
                        URI.create(http.base() + "/" + edition + "/newsfeed/stream")).build(),
                HttpResponse.BodyHandlers.ofLines()).thenAcceptAsync(r -> r.body().forEach(lines::add));
        opened.add(reading);
        return lines;
    }

    private final List<CompletableFuture<Void>> opened = new CopyOnWriteArrayList<>();

    static final String NO_BAR = "data: {}"; // the JSON leaves out null fields

    private static String lastData(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith("data: ")) {
                return lines.get(i);
            }
        }
        return "";
    }

    private static void await(BooleanSupplier condition, List<String> stream) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("not within 3 seconds; the stream: " + stream);
            }
            Thread.sleep(20);
        }
    }
}
