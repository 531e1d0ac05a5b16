package org.dateline.wire;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.dateline.identity.Accounts;
import org.dateline.identity.Role;
import org.dateline.testing.DatelineTestContext;
import org.dateline.testing.HtmlChecker;
import org.dateline.testing.Http;
import org.dateline.testing.IntegrationTest;
import org.dateline.testing.MutableClock;
import org.dateline.testing.WebSession;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feeds polled from a real HTTP server on this machine: conditional requests, drafts on the Incoming desk, backoff
 * on failure and recovery, URLs refused with a code, and the newsroom page. The scheduled poller is off; the test
 * runs rounds itself and moves time with the clock.
 */
@IntegrationTest
@Import(FeedClock.class)
@TestPropertySource(properties = {"dateline.wire.allow-local-feeds=true", "dateline.wire.poll-feeds=false"})
class WireFeedsIT {

    static final String TOKEN = DatelineTestContext.ADMIN_TOKEN;
    static final String ETAG = "\"guardian-v1\"";
    static final String SMALL_RSS = """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>Flaky wire</title><link>https://wire.example/</link>
            <item><title>Recovered wire story %s</title><link>https://wire.example/%s</link>
            <guid isPermaLink="false">urn:test:flaky:%s</guid><pubDate>Wed, 31 Jan 2018 20:15:15 GMT</pubDate>
            <description>The wire came back after failing for a while.</description></item></channel></rss>
            """;

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    FeedPoller poller;
    @Autowired
    FeedStore store;
    @Autowired
    Accounts accounts;
    @Autowired
    JsonMapper json;

    Http http;
    HttpServer server;
    final List<Map<String, String>> guardianRequests = new CopyOnWriteArrayList<>();
    final AtomicInteger flakyStatus = new AtomicInteger(500);
    final AtomicInteger flakyHits = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        http = new Http(port);
        byte[] guardian = Files.readAllBytes(Conformance.dir("feeds/rss-real/rss-parser/guardian.rss"));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/guardian.rss", exchange -> {
            guardianRequests.add(Map.of(
                    "If-None-Match", String.valueOf(exchange.getRequestHeaders().getFirst("If-None-Match")),
                    "User-Agent", String.valueOf(exchange.getRequestHeaders().getFirst("User-Agent"))));
            exchange.getResponseHeaders().add("ETag", ETAG);
            if (ETAG.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
                return;
            }
            answer(exchange, 200, "application/rss+xml; charset=utf-8", guardian);
        });
        server.createContext("/flaky.rss", exchange -> {
            flakyHits.incrementAndGet();
            int status = flakyStatus.get();
            String id = String.valueOf(System.nanoTime());
            answer(exchange, status, status == 200 ? "text/xml" : "text/plain",
                    (status == 200 ? SMALL_RSS.formatted(id, id, id) : "Internal error").getBytes(StandardCharsets.UTF_8));
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aFeedIsPolledConditionallyAndItsItemsBecomeIncomingDrafts() {
        int draftsBefore = incomingDrafts();
        JsonNode feed = add("{\"name\":\"Guardian test\",\"url\":\"%s\",\"intervalSeconds\":120}"
                .formatted(serverUrl("/guardian.rss")), 201);
        long id = feed.get("id").asLong();
        assertThat(feed.get("active").asBoolean()).isTrue();

        poller.pollDue();
        JsonNode polled = feed(id);
        assertThat(polled.get("lastStatus").asInt()).isEqualTo(200);
        assertThat(polled.get("failures").asInt()).isZero();
        assertThat(polled.get("etag").asString()).isEqualTo(ETAG);
        assertThat(polled.get("itemsSeen").asLong()).isEqualTo(55);
        assertThat(Instant.parse(polled.get("nextPollAt").asString()))
                .isEqualTo(Instant.parse(polled.get("lastPolledAt").asString()).plusSeconds(120));
        List<JsonNode> lines = log("Guardian test");
        long created = lines.stream().filter(l -> l.get("result").asString().equals("created")).count();
        assertThat(created).isPositive();
        assertThat(lines).allSatisfy(l -> {
            assertThat(l.get("transport").asString()).isEqualTo("feed");
            assertThat(l.get("result").asString()).isIn("created", "duplicate");
        });
        assertThat(incomingDrafts() - draftsBefore).isEqualTo((int) created);
        assertThat(guardianRequests).hasSize(1);
        assertThat(guardianRequests.get(0).get("If-None-Match")).isEqualTo("null");
        assertThat(guardianRequests.get(0).get("User-Agent")).startsWith("Dateline/").endsWith("(+wire)");

        // Not due yet: nothing is fetched.
        poller.pollDue();
        assertThat(guardianRequests).hasSize(1);

        // Due again: the validator goes back, the answer is 304 and nothing new is logged or created.
        clock.advance(Duration.ofSeconds(121));
        poller.pollDue();
        assertThat(guardianRequests).hasSize(2);
        assertThat(guardianRequests.get(1).get("If-None-Match")).isEqualTo(ETAG);
        JsonNode notModified = feed(id);
        assertThat(notModified.get("lastStatus").asInt()).isEqualTo(304);
        assertThat(notModified.get("itemsSeen").asLong()).isEqualTo(55);
        assertThat(log("Guardian test")).hasSize(lines.size());
        assertThat(incomingDrafts() - draftsBefore).isEqualTo((int) created);

        // Poll now through the API, then pause: a paused feed is not polled when due.
        HttpResponse<String> now = http.postJson("/api/wire/feeds/" + id + "/poll", "", TOKEN);
        assertThat(now.statusCode()).as(now.body()).isEqualTo(200);
        assertThat(guardianRequests).hasSize(3);
        HttpResponse<String> paused = put(id, "{\"name\":\"Guardian test\",\"url\":\"%s\",\"intervalSeconds\":120,\"active\":false}"
                .formatted(serverUrl("/guardian.rss")));
        assertThat(paused.statusCode()).as(paused.body()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(10));
        poller.pollDue();
        assertThat(guardianRequests).hasSize(3);

        HttpResponse<String> deleted = delete("/api/wire/feeds/" + id);
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(http.get("/api/wire/feeds/" + id, "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(404);
    }

    @Test
    void aFailingFeedBacksOffAndRecovers() {
        JsonNode feed = add("{\"name\":\"Flaky wire\",\"url\":\"%s\",\"intervalSeconds\":60}"
                .formatted(serverUrl("/flaky.rss")), 201);
        long id = feed.get("id").asLong();

        poller.pollDue();
        JsonNode first = feed(id);
        assertThat(first.get("failures").asInt()).isEqualTo(1);
        assertThat(first.get("lastStatus").asInt()).isEqualTo(500);
        assertThat(first.get("lastError").asString()).startsWith("feed_http_500");
        assertThat(waitAfter(first)).isEqualTo(Duration.ofSeconds(120));
        assertThat(log("Flaky wire")).extracting(l -> l.get("code").asString()).containsExactly("feed_http_500");

        // After the interval it is still waiting; after twice the interval it is tried again, and waits longer.
        clock.advance(Duration.ofSeconds(61));
        poller.pollDue();
        assertThat(flakyHits.get()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(60));
        poller.pollDue();
        assertThat(flakyHits.get()).isEqualTo(2);
        JsonNode second = feed(id);
        assertThat(second.get("failures").asInt()).isEqualTo(2);
        assertThat(waitAfter(second)).isEqualTo(Duration.ofSeconds(240));

        // It answers again: failures are forgotten, the interval is back, the item goes in.
        flakyStatus.set(200);
        clock.advance(Duration.ofSeconds(241));
        poller.pollDue();
        JsonNode recovered = feed(id);
        assertThat(recovered.get("failures").asInt()).isZero();
        assertThat(recovered.get("lastStatus").asInt()).isEqualTo(200);
        assertThat(recovered.has("lastError")).isFalse();
        assertThat(waitAfter(recovered)).isEqualTo(Duration.ofSeconds(60));
        assertThat(log("Flaky wire")).extracting(l -> l.get("result").asString()).contains("created");

        // Nobody listening: unreachable, counted, logged.
        server.removeContext("/flaky.rss");
        JsonNode closed = add("{\"name\":\"Closed port\",\"url\":\"http://127.0.0.1:1/feed.xml\",\"intervalSeconds\":60}", 201);
        poller.pollDue();
        JsonNode unreachable = feed(closed.get("id").asLong());
        assertThat(unreachable.get("failures").asInt()).isEqualTo(1);
        assertThat(unreachable.has("lastStatus")).isFalse();
        assertThat(unreachable.get("lastError").asString()).startsWith("feed_unreachable");
        assertThat(log("Closed port")).extracting(l -> l.get("code").asString()).containsExactly("feed_unreachable");
    }

    @Test
    void aFeedBeingPolledIsClaimedByNobodyElseUntilItsLeaseEnds() {
        JsonNode added = add("{\"name\":\"Contested\",\"url\":\"%s\",\"intervalSeconds\":60}"
                .formatted(serverUrl("/contested.rss")), 201);
        long id = added.get("id").asLong();
        WireFeed seen = store.find(id).orElseThrow();
        Instant now = clock.instant();
        // Two nodes read the same due feed; the first to claim it wins, the second finds it moved.
        assertThat(store.claim(id, seen.nextPollAt(), now, now.plus(FeedPoller.LEASE))).isTrue();
        assertThat(store.claim(id, seen.nextPollAt(), now, now.plus(FeedPoller.LEASE))).isFalse();
        // Nor can anyone take it by what they read after the claim while the lease runs: not the poller, not a person.
        WireFeed leased = store.find(id).orElseThrow();
        assertThat(store.claim(id, leased.nextPollAt(), now, now.plus(FeedPoller.LEASE))).isFalse();
        HttpResponse<String> busy = http.postJson("/api/wire/feeds/" + id + "/poll", "", TOKEN);
        assertThat(busy.statusCode()).as(busy.body()).isEqualTo(409);
        assertThat(busy.body()).contains("\"code\":\"feed_busy\"");

        // The node that held it died: after the lease the feed is due and taken over.
        clock.advance(FeedPoller.LEASE.plusSeconds(1));
        poller.pollDue();
        JsonNode takenOver = feed(id);
        assertThat(takenOver.get("lastStatus").asInt()).isEqualTo(404);
        assertThat(takenOver.get("failures").asInt()).isEqualTo(1);
        delete("/api/wire/feeds/" + id);
    }

    @Test
    void badAddressesAreRefusedWithACode() {
        assertThat(problem(add("{\"name\":\"FTP\",\"url\":\"ftp://example.com/feed.xml\"}", 400)))
                .isEqualTo("unsupported_scheme");
        assertThat(problem(add("{\"name\":\"Words\",\"url\":\"not a url\"}", 400))).isEqualTo("invalid_url");
        assertThat(problem(add("{\"name\":\"Fast\",\"url\":\"https://wire.example/a.xml\",\"intervalSeconds\":10}", 400)))
                .isEqualTo("invalid_interval");
        assertThat(problem(add("{\"name\":\"\",\"url\":\"https://wire.example/b.xml\"}", 400))).isEqualTo("name_required");
        JsonNode ok = add("{\"name\":\"Default interval\",\"url\":\"https://wire.example/c.xml\"}", 201);
        assertThat(ok.get("intervalSeconds").asInt()).isEqualTo(300);
        assertThat(problem(add("{\"name\":\"Again\",\"url\":\"https://wire.example/c.xml\"}", 400))).isEqualTo("duplicate_url");
        assertThat(http.postJson("/api/wire/feeds", "{}", null).statusCode()).isEqualTo(401);
        assertThat(http.get("/api/wire/feeds").statusCode()).isEqualTo(401);
        delete("/api/wire/feeds/" + ok.get("id").asLong());
    }

    @Test
    void anEditorAddsAFeedOnTheNewsroomPageAndAContributorMayNot() {
        WebSession editor = loggedIn(Role.EDITOR);
        HttpResponse<String> page = editor.get("/newsroom/wire");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Add a feed").contains("Ingest log");

        HttpResponse<String> refused = editor.submit("/newsroom/wire", "/newsroom/wire/feeds",
                Map.of("name", "Via FTP", "url", "ftp://wire.example/feed.xml", "intervalSeconds", "300"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Only http and https addresses can be polled")
                .contains("ftp://wire.example/feed.xml"); // what the editor typed is kept
        assertThat(HtmlChecker.errors(refused.body())).isEmpty();
        HttpResponse<String> fast = editor.submit("/newsroom/wire", "/newsroom/wire/feeds",
                Map.of("name", "Too fast", "url", "https://wire.example/fast.xml", "intervalSeconds", "soon"));
        assertThat(fast.statusCode()).isEqualTo(200);
        assertThat(fast.body()).contains("Poll every 60 to 86400 seconds.");

        String name = "Newsroom feed " + System.nanoTime();
        HttpResponse<String> added = editor.submit("/newsroom/wire", "/newsroom/wire/feeds",
                Map.of("name", name, "url", serverUrl("/guardian.rss") + "?from=page", "intervalSeconds", "600"));
        assertThat(WebSession.location(added)).endsWith("/newsroom/wire?added");
        var listed = Jsoup.parse(editor.get("/newsroom/wire?added").body());
        var row = listed.select("tr.wire-feed:contains(" + name + ")");
        assertThat(row).hasSize(1);
        assertThat(row.text()).contains("600 s");

        // Change it on its own page: a bad value is refused with what was typed kept, a good one is saved.
        String editPage = row.select("a[href^=/newsroom/wire/feeds/]").attr("href");
        HttpResponse<String> editForm = editor.get(editPage);
        assertThat(editForm.statusCode()).isEqualTo(200);
        assertThat(HtmlChecker.errors(editForm.body())).isEmpty();
        assertThat(Jsoup.parse(editForm.body()).select("#feed-interval").attr("value")).isEqualTo("600");
        HttpResponse<String> badEdit = editor.submit(editPage, editPage,
                Map.of("name", name, "url", serverUrl("/guardian.rss") + "?from=page", "intervalSeconds", "5"));
        assertThat(badEdit.statusCode()).isEqualTo(200);
        assertThat(badEdit.body()).contains("Poll every 60 to 86400 seconds.").contains("value=\"5\"");
        assertThat(HtmlChecker.errors(badEdit.body())).isEmpty();
        assertThat(WebSession.location(editor.submit(editPage, editPage,
                Map.of("name", name, "url", serverUrl("/guardian.rss") + "?from=page", "intervalSeconds", "900"))))
                .endsWith("/newsroom/wire?changed");
        row = Jsoup.parse(editor.get("/newsroom/wire").body()).select("tr.wire-feed:contains(" + name + ")");
        assertThat(row.text()).contains("900 s");
        assertThat(editor.get("/newsroom/wire/feeds/987654321").statusCode()).isEqualTo(404);

        // Poll it from the page; its drafts' log lines link to their stories.
        String pollAction = row.select("form[action$=/poll]").attr("action");
        assertThat(WebSession.location(editor.submit("/newsroom/wire", pollAction, Map.of())))
                .endsWith("/newsroom/wire?polled");
        String afterPollHtml = editor.get("/newsroom/wire").body();
        assertThat(HtmlChecker.errors(afterPollHtml)).isEmpty();
        var afterPoll = Jsoup.parse(afterPollHtml);
        assertThat(afterPoll.select("tr.wire-feed:contains(" + name + ")").text()).contains("200");
        assertThat(afterPoll.select("table.wire-log a[href^=/newsroom/stories/]")).isNotEmpty();

        // A contributor reads the page but has no form, and a post is refused.
        WebSession contributor = loggedIn(Role.CONTRIBUTOR);
        String readOnlyHtml = contributor.get("/newsroom/wire").body();
        assertThat(HtmlChecker.errors(readOnlyHtml)).isEmpty();
        var readOnly = Jsoup.parse(readOnlyHtml);
        assertThat(readOnly.select("tr.wire-feed:contains(" + name + ")")).hasSize(1);
        assertThat(readOnly.select("form[action=/newsroom/wire/feeds]")).isEmpty();
        assertThat(readOnly.select("form[action$=/delete]")).isEmpty();
        String token = readOnly.select("form[action=/logout] input[name=_csrf]").attr("value");
        HttpResponse<String> forbidden = contributor.post("/newsroom/wire/feeds",
                Map.of("_csrf", token, "name", "Contributor feed", "url", "https://wire.example/x.xml"));
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.body()).contains("Only editors and administrators may change feeds.");
        String deleteAction = row.select("form[action$=/delete]").attr("action");
        assertThat(contributor.post(deleteAction, Map.of("_csrf", token)).statusCode()).isEqualTo(403);
        assertThat(readOnly.select("a[href=" + editPage + "]")).isEmpty();
        assertThat(contributor.get(editPage).statusCode()).isEqualTo(403);
        assertThat(contributor.post(editPage, Map.of("_csrf", token, "name", "Renamed", "url",
                "https://wire.example/renamed.xml")).statusCode()).isEqualTo(403);
        assertThat(Jsoup.parse(editor.get("/newsroom/wire").body()).select("tr.wire-feed:contains(" + name + ")"))
                .hasSize(1);
        assertThat(readOnly.select("tr.wire-feed:contains(Contributor feed)")).isEmpty();

        assertThat(WebSession.location(editor.submit("/newsroom/wire", deleteAction, Map.of())))
                .endsWith("/newsroom/wire?deleted");
        assertThat(Jsoup.parse(editor.get("/newsroom/wire").body()).select("tr.wire-feed:contains(" + name + ")"))
                .isEmpty();
    }

    private WebSession loggedIn(Role role) {
        return WebSession.staff(port, accounts, role);
    }

    private static void answer(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private String serverUrl(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static Duration waitAfter(JsonNode feed) {
        return Duration.between(Instant.parse(feed.get("lastPolledAt").asString()),
                Instant.parse(feed.get("nextPollAt").asString()));
    }

    private static String problem(JsonNode problem) {
        assertThat(problem.get("code").asString()).isEqualTo("invalid_request");
        return problem.get("errors").get(0).get("code").asString();
    }

    private JsonNode add(String body, int status) {
        HttpResponse<String> response = http.postJson("/api/wire/feeds", body, TOKEN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return json.readTree(response.body());
    }

    private JsonNode feed(long id) {
        HttpResponse<String> response = http.get("/api/wire/feeds/" + id, "Authorization", "Bearer " + TOKEN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private List<JsonNode> log(String source) {
        JsonNode log = json.readTree(http.get("/api/wire/log?limit=200", "Authorization", "Bearer " + TOKEN).body());
        List<JsonNode> lines = new java.util.ArrayList<>();
        log.forEach(line -> {
            if (source.equals(line.path("source").asString(""))) {
                lines.add(line);
            }
        });
        return lines;
    }

    private int incomingDrafts() {
        return json.readTree(http.get("/api/admin/articles?desk=incoming&state=DRAFT&limit=200",
                "Authorization", "Bearer " + TOKEN).body()).size();
    }

    private HttpResponse<String> put(long id, String body) {
        return send(HttpRequest.newBuilder(URI.create(http.base() + "/api/wire/feeds/" + id))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + TOKEN)
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpResponse<String> delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(http.base() + path))
                .header("Authorization", "Bearer " + TOKEN).DELETE().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.client().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
