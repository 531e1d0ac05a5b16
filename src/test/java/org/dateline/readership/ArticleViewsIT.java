package org.dateline.readership;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.dateline.chats.ChatReader;
import org.dateline.content.ArticleSummary;
import org.dateline.content.ContentQueries;
import org.dateline.identity.Actor;
import org.dateline.identity.Role;
import org.dateline.readership.internal.ForgetViewers;
import org.dateline.testing.Http;
import org.dateline.testing.IntegrationTest;
import org.dateline.testing.MutableClock;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Article views over real HTTP and the real database: once per viewer, article and day; accounts and addresses are
 * viewers apart; only the site's own pages count without a token; strangers are rate limited; bad ids are 4xx.
 */
@IntegrationTest
@Import(ReadershipTestClock.class)
@TestPropertySource(properties = {"dateline.readership.views-per-address-per-minute=40",
        "dateline.readership.most-read-interval=1m"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ArticleViewsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    ArticleViews views;
    @Autowired
    ContentQueries content;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    MutableClock clock;
    @Autowired
    ForgetViewers forget;

    /** A different live article for each test, so that tests do not count each other's views. */
    private long article(int index) {
        List<ArticleSummary> latest = content.latest("en", null, 30);
        return latest.get(index).id();
    }

    private HttpResponse<String> post(long articleId, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/views/"
                + articleId)).timeout(Duration.ofSeconds(20)).header("Accept", "application/json");
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return new Http(port).client().send(request.POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static Optional<Actor> reader(long accountId) {
        return Optional.of(new Actor(accountId, "r" + accountId + "@dateline.test", "Reader", Role.READER));
    }

    @Test
    @Order(1)
    void anAnonymousVisitorCountsOncePerDayFromTheSitesOwnPage() {
        long id = article(3);
        HttpResponse<String> first = post(id, "Sec-Fetch-Site", "same-origin");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(json(first).get("views").asLong()).isEqualTo(1);
        assertThat(json(first).get("counted").asBoolean()).isTrue();

        HttpResponse<String> again = post(id, "Sec-Fetch-Site", "same-origin");
        assertThat(json(again).get("views").asLong()).isEqualTo(1);
        assertThat(json(again).get("counted").asBoolean()).isFalse();
        // a browser without Sec-Fetch-Site that names this host as its origin
        assertThat(json(post(id, "Origin", "http://localhost:" + port)).get("views").asLong()).isEqualTo(1);

        HttpResponse<String> read = new Http(port).get("/api/views/" + id);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json(read).get("views").asLong()).isEqualTo(1);
        // the address is not stored, only its hash of the day
        assertThat(jdbc.sql("SELECT viewer FROM article_view_marks WHERE article_id = ?").param(id)
                .query(String.class).list()).singleElement().satisfies(viewer -> {
                    assertThat(viewer).startsWith("h:").doesNotContain("127.0.0.1");
                });
    }

    @Test
    @Order(2)
    void anotherSiteOrNoWordOfOriginNeedsTheTokenAndCountsNothing() {
        long id = article(4);
        for (String[] headers : List.of(new String[] {"Sec-Fetch-Site", "cross-site"},
                new String[] {"Sec-Fetch-Site", "same-site"}, new String[] {"Origin", "https://elsewhere.example"},
                new String[] {"Origin", "http://localhost:1"}, new String[] {"Origin", "not a url"}, new String[0])) {
            HttpResponse<String> refused = post(id, headers);
            assertThat(refused.statusCode()).as(String.join(" ", headers)).isEqualTo(403);
            assertThat(json(refused).get("code").asString()).isEqualTo("cross_site");
        }
        assertThat(views.total(id)).contains(0L);
    }

    @Test
    @Order(3)
    void readersCountEachOnceAndApartFromTheirAddress() {
        long id = article(5);
        ChatReader alice = ChatReader.register(port, jdbc, encoder);
        ChatReader bob = ChatReader.register(port, jdbc, encoder);
        // logged in, with the token every call of theirs carries; all three from the same address
        assertThat(json(alice.call("POST", "/api/views/" + id, null)).get("views").asLong()).isEqualTo(1);
        assertThat(json(alice.call("POST", "/api/views/" + id, null)).get("counted").asBoolean()).isFalse();
        assertThat(json(bob.call("POST", "/api/views/" + id, null)).get("views").asLong()).isEqualTo(2);
        assertThat(json(post(id, "Sec-Fetch-Site", "same-origin")).get("views").asLong()).isEqualTo(3);
        assertThat(jdbc.sql("SELECT viewer FROM article_view_marks WHERE article_id = ? ORDER BY viewer").param(id)
                .query(String.class).list()).contains("a:" + alice.accountId, "a:" + bob.accountId).hasSize(3);
    }

    @Test
    @Order(4)
    void oneActorCannotInflateTheCountButManyCan() {
        long id = article(6);
        for (int i = 0; i < 20; i++) {
            views.view(id, Optional.empty(), "203.0.113.7");
            views.view(id, reader(900_001), "203.0.113.7");
        }
        assertThat(views.total(id)).contains(2L);
        for (int i = 1; i <= 5; i++) {
            views.view(id, Optional.empty(), "198.51.100." + i);
        }
        assertThat(views.total(id)).contains(7L);
        assertThat(views.total(article(7))).contains(0L);
        // another node counted this reader today: its mark is in the database, not in this node's memory
        jdbc.sql("INSERT INTO article_view_marks (article_id, viewer, view_day) VALUES (?, ?, ?)")
                .params(id, "a:900002", java.sql.Date.valueOf(java.time.LocalDate.now(clock))).update();
        assertThat(views.view(id, reader(900_002), "203.0.113.8"))
                .isEqualTo(new ArticleViews.Outcome.Counted(7, false));
    }

    @Test
    @Order(4)
    void firstViewsOfAnArticleAtOnceAllCount() throws Exception {
        long id = article(11);
        int viewers = 16;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(viewers);
        try {
            List<Future<ArticleViews.Outcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < viewers; i++) {
                String address = "192.0.2." + i;
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return views.view(id, Optional.empty(), address);
                }));
            }
            start.countDown();
            for (Future<ArticleViews.Outcome> outcome : outcomes) {
                assertThat(outcome.get(30, TimeUnit.SECONDS)).isInstanceOf(ArticleViews.Outcome.Counted.class);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(views.total(id)).contains((long) viewers);
    }

    @Test
    @Order(5)
    void theNextDayCountsAgainAndOldMarksAreForgottenButTheTotalStays() {
        long id = article(8);
        assertThat(views.view(id, Optional.empty(), "203.0.113.9")).isEqualTo(new ArticleViews.Outcome.Counted(1, true));
        clock.advance(Duration.ofDays(1));
        assertThat(views.view(id, Optional.empty(), "203.0.113.9")).isEqualTo(new ArticleViews.Outcome.Counted(2, true));
        assertThat(views.view(id, Optional.empty(), "203.0.113.9")).isEqualTo(new ArticleViews.Outcome.Counted(2, false));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM article_view_salts").query(Long.class).single()).isGreaterThanOrEqualTo(2);

        clock.advance(Duration.ofDays(2));
        assertThat(forget.forget()).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM article_view_marks WHERE article_id = ?").param(id).query(Long.class)
                .single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM article_view_salts").query(Long.class).single()).isZero();
        assertThat(views.total(id)).contains(2L);
        assertThat(views.view(id, Optional.empty(), "203.0.113.9")).isEqualTo(new ArticleViews.Outcome.Counted(3, true));
    }

    @Test
    @Order(6)
    void unknownUnpublishedAndMalformedIdsAreClearErrors() {
        long killed = article(29); // the last of the list: unpublishing it moves no other test's article
        jdbc.sql("UPDATE articles SET state = 'UNPUBLISHED' WHERE id = ?").param(killed).update();
        for (long id : new long[] {content.maxId() + 1000, killed}) {
            HttpResponse<String> post = post(id, "Sec-Fetch-Site", "same-origin");
            assertThat(post.statusCode()).isEqualTo(404);
            assertThat(json(post).get("code").asString()).isEqualTo("article_not_found");
            assertThat(new Http(port).get("/api/views/" + id).statusCode()).isEqualTo(404);
        }
        HttpResponse<String> malformed = new Http(port).get("/api/views/not-a-number");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json(malformed).get("code").asString()).isEqualTo("invalid_parameter");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM article_views WHERE article_id = ?").param(killed).query(Long.class)
                .single()).isZero();
    }

    @Test
    @Order(7)
    void anAddressSendingTooManyViewsIsRefusedWithoutCounting() {
        long id = article(10);
        int ok = 0;
        HttpResponse<String> refused = null;
        for (int i = 0; i < 41; i++) { // the allowance refills as it goes: some may pass after the first refusal
            HttpResponse<String> response = post(id, "Sec-Fetch-Site", "same-origin");
            if (response.statusCode() == 200) {
                ok++;
            } else if (refused == null) {
                refused = response;
            }
        }
        assertThat(ok).isLessThan(41);
        assertThat(refused).isNotNull();
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(json(refused).get("code").asString()).isEqualTo("rate_limited");
        assertThat(views.total(id)).contains(1L);
    }
}
