package org.dateline.site;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.dateline.testing.DatelineTestContext;
import org.dateline.testing.Http;
import org.dateline.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A publish through the admin API shows everywhere within one second, cached pages included. */
@IntegrationTest
class PublishReachesEverySurfaceIT {

    static final Duration WITHIN = Duration.ofSeconds(1);

    @LocalServerPort
    int port;
    Http http;

    @BeforeEach
    void connect() {
        http = new Http(port);
    }

    @Test
    void publishShowsOnHomeSectionFeedsSitemapAndStreamWithinOneSecond() throws Exception {
        List<String> surfaces = List.of("/en/", "/en/world/", "/en/rss.xml", "/en/atom.xml", "/en/world/rss.xml",
                "/en/world/atom.xml", "/sitemaps/news.xml");
        for (String surface : surfaces) {
            http.get(surface);
            assertThat(http.get(surface).headers().firstValue("X-Cache")).as(surface).contains("hit");
        }
        List<String> streamed = new CopyOnWriteArrayList<>();
        HttpRequest streamRequest = HttpRequest.newBuilder(URI.create(http.base() + "/en/newsfeed/stream"))
                .header("Accept", "text/event-stream").build();
        var stream = http.client().sendAsync(streamRequest, HttpResponse.BodyHandlers.ofLines())
                .thenAcceptAsync(response -> response.body().forEach(streamed::add));
        awaitTrue(() -> !streamed.isEmpty(), Duration.ofSeconds(5)); // the stream's opening comment

        String headline = "Freshly published story " + System.nanoTime();
        long started = System.nanoTime();
        HttpResponse<String> created = http.postJson("/api/admin/articles", Http.article("en", "world", headline),
                DatelineTestContext.ADMIN_TOKEN);
        assertThat(created.statusCode()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        String path = URI.create(location).getPath();

        for (String surface : surfaces) {
            awaitTrue(() -> http.get(surface).body().contains(headline), WITHIN.minusNanos(System.nanoTime() - started));
        }
        awaitTrue(() -> streamed.stream().anyMatch(line -> line.contains(headline)),
                WITHIN.minusNanos(System.nanoTime() - started));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(WITHIN);
        assertThat(streamed).anyMatch(line -> line.equals("event: item"));
        assertThat(streamed).anyMatch(line -> line.startsWith("data: ") && line.contains("\"url\":\"" + path + "\""));

        // The sitemap that holds the new id lists it too.
        String index = http.get("/sitemap.xml").body();
        assertThat(index).contains("/sitemaps/articles-1.xml");
        assertThat(http.get("/sitemaps/articles-1.xml").body()).contains(path);
        assertThat(http.get(path).body()).contains(headline);
        stream.cancel(true);
    }

    static void awaitTrue(java.util.function.BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + Math.max(timeout.toNanos(), 0);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not true within " + timeout.toMillis() + " ms");
            }
            Thread.sleep(20);
        }
    }

}
