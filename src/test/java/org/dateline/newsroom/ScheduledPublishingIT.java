package org.dateline.newsroom;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.dateline.testing.DatelineTestContext;
import org.dateline.testing.Http;
import org.dateline.testing.IntegrationTest;
import org.dateline.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An embargoed story is nowhere public before its time and everywhere within a second after it. Time is moved by
 * an injected clock, never by sleeping.
 */
@IntegrationTest
@Import(ScheduledPublishingIT.Clocks.class)
class ScheduledPublishingIT {

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(Instant.now());
        }
    }

    static final List<String> SURFACES = List.of("/en/", "/en/defense/", "/en/rss.xml", "/en/atom.xml",
            "/en/defense/atom.xml", "/sitemaps/news.xml", "/sitemaps/articles-1.xml", "/en/newsfeed/items");

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    Clock applicationClock;
    @Autowired
    PublishStory releases;
    @Autowired
    JsonMapper json;

    @Test
    void embargoedStoryAppearsEverywhereOnlyWhenItsTimeComes() throws Exception {
        assertThat(applicationClock).isSameAs(clock);
        Http http = new Http(port);
        String headline = "Embargoed until the hour " + System.nanoTime();
        Instant embargo = clock.instant().plus(Duration.ofHours(1));
        String request = Http.article("en", "defense", headline).replaceFirst("\\{",
                "{\"publishAt\":\"" + embargo + "\",\"embargo\":true,");
        HttpResponse<String> created = http.postJson("/api/admin/articles", request, DatelineTestContext.ADMIN_TOKEN);
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = json.readTree(created.body());
        assertThat(body.get("state").asString()).isEqualTo("SCHEDULED");
        assertThat(body.get("embargo").asBoolean()).isTrue();
        String path = URI.create(body.get("url").asString()).getPath();

        List<String> streamed = new CopyOnWriteArrayList<>();
        var stream = http.client().sendAsync(HttpRequest.newBuilder(URI.create(http.base() + "/en/newsfeed/stream"))
                .build(), HttpResponse.BodyHandlers.ofLines()).thenAcceptAsync(r -> r.body().forEach(streamed::add));
        await(() -> !streamed.isEmpty(), Duration.ofSeconds(5));

        // Before its time: nowhere, not even after the release job had its chance.
        clock.advance(Duration.ofMinutes(59));
        assertThat(releases.releaseDue()).isZero();
        assertThat(http.get(path).statusCode()).isEqualTo(404);
        for (String surface : SURFACES) {
            String page = http.get(surface).body();
            assertThat(page.contains(headline) || page.contains(path)).as(surface).isFalse();
        }
        assertThat(streamed).noneMatch(line -> line.contains(headline));

        // Its time comes: everywhere within a second.
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        long started = System.nanoTime();
        releases.releaseDue(); // the scheduled job may have released it already; either way it is live once
        await(() -> http.get(path).statusCode() == 200, Duration.ofSeconds(1));
        for (String surface : SURFACES) {
            await(() -> {
                String page = http.get(surface).body();
                return page.contains(headline) || page.contains(path);
            }, Duration.ofSeconds(1).minusNanos(System.nanoTime() - started));
        }
        await(() -> streamed.stream().anyMatch(line -> line.contains(headline)),
                Duration.ofSeconds(1).minusNanos(System.nanoTime() - started));
        assertThat(streamed.stream().filter(line -> line.contains(headline))).hasSize(1);
        stream.cancel(true);
    }

    @Test
    void aPublicationTimeInThePastIsRefused() {
        Http http = new Http(port);
        String request = Http.article("en", "defense", "Too late").replaceFirst("\\{",
                "{\"publishAt\":\"" + clock.instant().minusSeconds(60) + "\",");
        HttpResponse<String> response = http.postJson("/api/admin/articles", request, DatelineTestContext.ADMIN_TOKEN);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("{\"field\":\"publishAt\",\"code\":\"invalid_time\"");
    }

    @Test
    void unpublishedStoryCanBePublishedAgainButAKilledOneCannot() throws Exception {
        Http http = new Http(port);
        HttpResponse<String> created = http.postJson("/api/admin/articles", Http.article("en", "defense", "Back again"),
                DatelineTestContext.ADMIN_TOKEN);
        long id = json.readTree(created.body()).get("id").asLong();
        String path = URI.create(json.readTree(created.body()).get("url").asString()).getPath();
        http.postJson("/api/admin/articles/" + id + "/unpublish", "", DatelineTestContext.ADMIN_TOKEN);
        await(() -> http.get(path).statusCode() == 404, Duration.ofSeconds(1));
        assertThat(http.postJson("/api/admin/articles/" + id + "/publish", "", DatelineTestContext.ADMIN_TOKEN)
                .statusCode()).isEqualTo(200);
        await(() -> http.get(path).statusCode() == 200, Duration.ofSeconds(1));
        http.postJson("/api/admin/articles/" + id + "/kill", "", DatelineTestContext.ADMIN_TOKEN);
        HttpResponse<String> revive = http.postJson("/api/admin/articles/" + id + "/publish", "",
                DatelineTestContext.ADMIN_TOKEN);
        assertThat(revive.statusCode()).isEqualTo(409);
        assertThat(revive.body()).contains("\"code\":\"not_publishable\"");
    }

    static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not true within " + timeout.toMillis() + " ms");
            }
            Thread.sleep(20);
        }
    }
}
