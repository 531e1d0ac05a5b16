package org.dateline.readership;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.dateline.changes.ChangeKinds;
import org.dateline.content.ArticleSummary;
import org.dateline.content.ContentQueries;
import org.dateline.media.PictureRendition;
import org.dateline.readership.internal.ForgetViewers;
import org.dateline.readership.internal.HourlyViews;
import org.dateline.readership.internal.RankMostRead;
import org.dateline.testing.DatelineTestContext;
import org.dateline.testing.HtmlChecker;
import org.dateline.testing.Http;
import org.dateline.testing.IntegrationTest;
import org.dateline.testing.MutableClock;
import org.dateline.testing.SecondNode;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Most read over real HTTP and the real database: views posted as the article page posts them, from many addresses
 * (a trusted proxy's {@code X-Forwarded-For}), ranked by the job as the scheduler runs it with time moved by the
 * test's clock; the home page and the article pages show the lists, drop a story taken down, are evicted only when a
 * list changed, and two nodes rank a slot once. Shares {@link ArticleViewsIT}'s application context.
 */
@IntegrationTest
@Import(ReadershipTestClock.class)
@TestPropertySource(properties = {"dateline.readership.views-per-address-per-minute=40",
        "dateline.readership.most-read-interval=1m"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MostReadIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    RankMostRead ranking;
    @Autowired
    MostRead mostRead;
    @Autowired
    ForgetViewers forget;
    @Autowired
    HourlyViews hourly;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Environment environment;
    @Autowired
    ContentQueries content;

    private Http http;
    /** Six sport stories, read from most to least; a culture story nobody reads; a Russian story. */
    private final List<Story> sport = new ArrayList<>();
    private Story culture;
    private Story russian;
    /** A demo story outside sport with a lead picture, read by one reader. */
    private ArticleSummary pictured;
    private int addresses;

    record Story(long id, String path) {
        static Story of(ArticleSummary article) {
            return new Story(article.id(), article.path());
        }
    }

    @BeforeAll
    void storiesOutsideEveryEarlierView() {
        http = new Http(port);
        // Views other test classes of this context made lie more than 24 hours back from here.
        clock.advance(Duration.ofDays(2));
        // ArticleViewsIT counts views of the newest English stories: these are older ones.
        Set<Long> newest = content.latest("en", null, 40).stream().map(ArticleSummary::id).collect(Collectors.toSet());
        List<ArticleSummary> older = content.latest("en", null, 300).stream().filter(a -> !newest.contains(a.id()))
                .toList();
        older.stream().filter(a -> a.sectionSlug().equals("sport")).limit(6).map(Story::of).forEach(sport::add);
        assertThat(sport).hasSize(6);
        culture = older.stream().filter(a -> a.sectionSlug().equals("culture")).map(Story::of).findFirst()
                .orElseThrow();
        pictured = older.stream().filter(a -> a.leadPicture() != null && !a.sectionSlug().equals("sport")
                && a.id() != culture.id()).findFirst().orElseThrow();
        russian = Story.of(content.latest("ru", null, 1).get(0));
        rank();
    }

    @Test
    @Order(1)
    void withoutViewsNoBlockIsShown() {
        assertThat(page("/en/").getElementById("most-read")).isNull();
        assertThat(page(sport.get(0).path()).getElementById("most-read")).isNull();
        assertThat(mostRead.edition("en").articleIds()).isEmpty();
    }

    @Test
    @Order(2)
    void theRankingShowsOnTheHomePageAndBesideArticlesOnceComputed() {
        for (int i = 0; i < sport.size(); i++) {
            view(sport.get(i), 8 - i); // 8, 7, ... 3 readers
        }
        view(Story.of(pictured), 1);
        view(russian, 2);
        HttpResponse<String> before = http.get("/en/");
        assertThat(Jsoup.parse(before.body()).getElementById("most-read")).as("not ranked yet").isNull();

        rank();

        List<Long> all = new ArrayList<>(ids(sport));
        all.add(pictured.id());
        await(() -> ids(page("/en/")).equals(all));
        HttpResponse<String> homePage = http.get("/en/");
        assertThat(HtmlChecker.errors(homePage.body())).isEmpty();
        Document home = Jsoup.parse(homePage.body());
        assertThat(home.getElementById("most-read").selectFirst("h2").text()).isEqualTo("Most read");
        PictureRendition thumb = pictured.leadPicture().squareThumbnail();
        assertThat(home.select("#most-read a[href=" + pictured.path() + "] img")).singleElement().satisfies(img -> {
            assertThat(img.attr("src")).isEqualTo(thumb.path());
            assertThat(img.attr("width")).isEqualTo(String.valueOf(thumb.width()));
            assertThat(img.attr("height")).isEqualTo(String.valueOf(thumb.height()));
        });

        // Beside a sport story: the section's list, which has enough stories, five of them, this one marked.
        assertThat(HtmlChecker.errors(http.get(sport.get(2).path()).body())).isEmpty();
        Document article = page(sport.get(2).path());
        Element block = article.getElementById("most-read");
        assertThat(block.selectFirst("h2").text()).isEqualTo("Most read in Sport");
        assertThat(ids(article)).isEqualTo(ids(sport.subList(0, 5)));
        assertThat(block.select("a[aria-current=page]")).singleElement()
                .satisfies(a -> assertThat(a.attr("href")).isEqualTo(sport.get(2).path()));
        // Beside a story of a section read too little: the edition's list.
        Document other = page(culture.path());
        assertThat(other.getElementById("most-read").selectFirst("h2").text()).isEqualTo("Most read");
        assertThat(ids(other)).isEqualTo(ids(sport.subList(0, 5)));

        Document ru = page("/ru/");
        assertThat(ru.getElementById("most-read").selectFirst("h2").text()).isEqualTo("Самое читаемое");
        assertThat(ru.getElementById("most-read").selectFirst(".most-read-period").text())
                .isEqualTo("За последние 24 часа");
        assertThat(ids(ru)).containsExactly(russian.id());
    }

    @Test
    @Order(3)
    void aRankingThatDidNotChangeEvictsNothingAndOneThatChangedRefreshesTheCachedPage() {
        http.get("/en/");
        assertThat(http.get("/en/").headers().firstValue("X-Cache")).hasValue("hit");
        long changes = mostReadChanges();

        rank();
        assertThat(mostReadChanges()).isEqualTo(changes);
        assertThat(http.get("/en/").headers().firstValue("X-Cache")).hasValue("hit");

        view(sport.get(5), 9); // the last becomes the first: 3 + 9 readers
        rank();
        assertThat(mostReadChanges()).isGreaterThan(changes);
        List<Long> expected = new ArrayList<>(List.of(sport.get(5).id()));
        expected.addAll(ids(sport.subList(0, 5)));
        assertThat(mostRead.section("en", sectionOf(sport.get(0))).articleIds()).isEqualTo(expected);
        expected.add(pictured.id());
        await(() -> ids(page("/en/")).equals(expected));
    }

    @Test
    @Order(4)
    void aStoryTakenDownLeavesThePagesAtOnceAndTheNextRanking() {
        Story removed = sport.get(0);
        assertThat(http.postJson("/api/admin/articles/" + removed.id() + "/unpublish", "",
                DatelineTestContext.ADMIN_TOKEN).statusCode()).isEqualTo(200);

        // before any ranking: the pages that listed it are evicted and show the live stories only
        await(() -> !ids(page("/en/")).contains(removed.id()));
        assertThat(ids(page(sport.get(1).path()))).doesNotContain(removed.id()).hasSize(5);

        rank();
        assertThat(mostRead.edition("en").articleIds()).doesNotContain(removed.id()).hasSize(6);
    }

    @Test
    @Order(5)
    void aSecondNodeServesTheRankingAndOnlyOneNodeRanksASlot() throws Exception {
        try (SecondNode second = SecondNode.start(environment, "most-read-second")) {
            Http other = new Http(second.port());
            other.cachedHit("/en/"); // a node that just started may still apply a change that evicts it once
            RankMostRead secondRanking = second.context().getBean(RankMostRead.class);
            view(sport.get(4), 20); // now first
            hourly.flush(); // as this node does every few seconds: whichever node ranks counts them
            long runs = runs();
            Instant due = dueAt();

            // every node asks at the time the slot falls due, four threads each
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<Boolean>> outcomes = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    RankMostRead node = i % 2 == 0 ? ranking : secondRanking;
                    Callable<Boolean> ask = () -> {
                        start.await();
                        return node.rankIfDue(due);
                    };
                    outcomes.add(pool.submit(ask));
                }
                start.countDown();
                int ranked = 0;
                for (Future<Boolean> outcome : outcomes) {
                    ranked += outcome.get(30, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(ranked).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
            assertThat(runs()).isEqualTo(runs + 1);
            assertThat(dueAt()).isEqualTo(due.plus(Duration.ofMinutes(1)));
            clock.advance(Duration.between(clock.instant(), due));

            // the second node's cached page was evicted by the change the ranking logged
            await(() -> ids(Jsoup.parse(other.get("/en/").body())).get(0) == sport.get(4).id());
        }
    }

    @Test
    @Order(6)
    void viewsCountInTheirHourWhichIsForgottenAfterTwoDaysAndTheListsLookBack24Hours() {
        Story story = sport.get(3);
        long hour = Math.floorDiv(clock.millis(), Duration.ofHours(1).toMillis());
        long before = viewsInHour(story, hour);
        assertThat(JSON.readTree(postView(story, "198.18.0.1").body()).get("counted").asBoolean()).isTrue();
        assertThat(JSON.readTree(postView(story, "198.18.0.1").body()).get("counted").asBoolean()).isFalse();
        hourly.flush(); // as every few seconds, and before each ranking
        assertThat(viewsInHour(story, hour)).isEqualTo(before + 1);

        clock.advance(Duration.ofHours(25));
        rank();
        await(() -> page("/en/").getElementById("most-read") == null);
        assertThat(mostRead.edition("en").articleIds()).isEmpty();
        assertThat(mostRead.section("en", sectionOf(story)).articleIds()).isEmpty();

        clock.advance(Duration.ofHours(24));
        forget.forget();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM article_view_hours WHERE view_hour < ?").param(hour + 1)
                .query(Long.class).single()).isZero();
    }

    @Test
    @Order(7)
    void viewsCountedWhileTheyAreWrittenAreAllWrittenOnce() throws Exception {
        long[] articles = {sport.get(1).id(), sport.get(2).id(), culture.id()};
        long hour = 7; // 1970: in no ranking's window
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<Future<?>> counting = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                counting.add(pool.submit(() -> {
                    for (int i = 0; i < 600; i++) {
                        hourly.add(articles[i % articles.length], hour);
                    }
                }));
            }
            Future<?> writing = pool.submit(() -> {
                while (counting.stream().anyMatch(f -> !f.isDone())) {
                    hourly.flush();
                }
            });
            for (Future<?> f : counting) {
                f.get(30, TimeUnit.SECONDS);
            }
            writing.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        hourly.flush();
        assertThat(jdbc.sql("SELECT SUM(views) FROM article_view_hours WHERE view_hour = ?").param(hour)
                .query(Long.class).single()).isEqualTo(2400);
    }

    /** The next ranking falls due and is made (by this call or by the scheduler's tick, whichever came first). */
    private void rank() {
        clock.advance(Duration.ofMinutes(1));
        ranking.rankIfDue();
        assertThat(dueAt()).isAfter(clock.instant());
    }

    /** Views of the story by that many new readers, each from an address of its own behind the trusted proxy. */
    private void view(Story story, int readers) {
        for (int i = 0; i < readers; i++) {
            addresses++;
            String address = "198.19." + (addresses / 250) + "." + (addresses % 250 + 1);
            HttpResponse<String> counted = postView(story, address);
            assertThat(counted.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(counted.body()).get("counted").asBoolean()).isTrue();
        }
    }

    private HttpResponse<String> postView(Story story, String address) {
        try {
            return http.client().send(java.net.http.HttpRequest.newBuilder(URI.create(http.base() + "/api/views/"
                            + story.id())).timeout(Duration.ofSeconds(20)).header("Sec-Fetch-Site", "same-origin")
                    .header("X-Forwarded-For", address)
                    .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Document page(String path) {
        HttpResponse<String> response = http.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(response.body());
    }

    private static List<Long> ids(Document page) {
        return page.select("#most-read li a").stream().map(a -> a.attr("href"))
                .map(href -> Long.parseLong(href.substring(href.lastIndexOf('/') + 1).split("-")[0])).toList();
    }

    private static List<Long> ids(List<Story> stories) {
        return stories.stream().map(Story::id).toList();
    }

    private long sectionOf(Story story) {
        return jdbc.sql("SELECT section_id FROM articles WHERE id = ?").param(story.id()).query(Long.class).single();
    }

    private long viewsInHour(Story story, long hour) {
        return jdbc.sql("SELECT COALESCE(SUM(views), 0) FROM article_view_hours WHERE article_id = ? AND view_hour = ?")
                .params(story.id(), hour).query(Long.class).single();
    }

    private long mostReadChanges() {
        return jdbc.sql("SELECT COUNT(*) FROM change_log WHERE kind = ?").param(ChangeKinds.MOST_READ_CHANGED)
                .query(Long.class).single();
    }

    private long runs() {
        return jdbc.sql("SELECT runs FROM most_read_runs").query(Long.class).single();
    }

    private Instant dueAt() {
        return jdbc.sql("SELECT due_at FROM most_read_runs").query(OffsetDateTime.class).single().toInstant();
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not true within 5 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
