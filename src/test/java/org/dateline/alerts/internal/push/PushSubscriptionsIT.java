package org.dateline.alerts.internal.push;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.dateline.alerts.ManageLinks;
import org.dateline.testing.Await;
import org.dateline.testing.DatelineTestContext;
import org.dateline.testing.Http;
import org.dateline.testing.IntegrationTest;
import org.dateline.testing.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browser's calls against the real server and database: the cluster's VAPID key, storing and ending a browser's
 * push subscription (a visitor's and a logged-in reader's), what is refused and with which code, the same-origin
 * rule and the limit per address; and a message sent through the application's own sender to a local push service
 * that checks its VAPID JWT and that the subscribed browser decrypts.
 */
@IntegrationTest
class PushSubscriptionsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PushSender sender;
    @Autowired
    PushSettings settings;
    @Autowired
    PasswordEncoder encoder;

    private Http http;
    private LocalPushService service;
    /**
     * Each test speaks from its own client address (127.0.0.1 is a trusted proxy), so limits do not mix: one after
     * the other from a random start in 198.18.0.0/15, since the limits' buckets outlive a run on PostgreSQL.
     */
    private static final java.util.concurrent.atomic.AtomicInteger NEXT_ADDRESS =
            new java.util.concurrent.atomic.AtomicInteger(new java.security.SecureRandom().nextInt(1 << 17));

    private String address;

    @BeforeEach
    void start() throws Exception {
        http = new Http(port);
        service = new LocalPushService();
        int n = NEXT_ADDRESS.getAndIncrement();
        address = "198." + (18 + (n >> 16 & 1)) + "." + (n >> 8 & 255) + "." + (n & 255);
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void theVapidKeyIsOneForTheClusterAndTheSenderSignsWithItWhatOnlyTheBrowserReads() throws Exception {
        HttpResponse<String> key = http.get("/api/alerts/push-key");
        assertThat(key.statusCode()).isEqualTo(200);
        String publicKey = JSON.readTree(key.body()).path("publicKey").asString();
        assertThat(P256.unbase64(publicKey)).hasSize(65);
        assertThat(jdbc.sql("SELECT public_key FROM push_vapid_keys").query(String.class).list())
                .containsExactly(publicKey);
        // Another node (a second reader of the same database) finds the same key and makes none.
        assertThat(new VapidKeys(jdbc, Clock.systemUTC()).publicKey()).isEqualTo(publicKey);

        TestBrowser browser = new TestBrowser();
        byte[] payload = "{\"title\":\"Срочно\",\"body\":\"…\",\"url\":\"/ru/\",\"tag\":\"story-1\"}"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(sender.send(browser.target(1, service.endpoint("node")), payload, Duration.ofHours(1), "story-1"))
                .isEqualTo(PushSender.Outcome.SENT);
        LocalPushService.Received got = service.received().get(0);
        assertThat(service.refusals()).isEmpty();
        assertThat(got.vapidKey()).isEqualTo(publicKey);
        assertThat(browser.decrypt(got.body())).isEqualTo(payload);
    }

    @Test
    void aVisitorsBrowserSubscribesToSeveralTopicsAsOneSubscriberAndReceivesWhatIsSentToIt() throws Exception {
        TestBrowser browser = new TestBrowser();
        String endpoint = service.endpoint("visitor-" + System.nanoTime());
        long section = jdbc.sql("SELECT MIN(id) FROM sections WHERE edition = 'en'").query(Long.class).single();

        HttpResponse<String> breaking = subscribe(null, "en", "BREAKING", 0, browser.subscriptionJson(endpoint));
        assertThat(breaking.statusCode()).as(breaking.body()).isEqualTo(201);
        JsonNode answer = JSON.readTree(breaking.body());
        assertThat(answer.path("code").asString()).isEqualTo("subscribed");
        HttpResponse<String> sectionAnswer = subscribe(null, "en", "section", section,
                browser.subscriptionJson(endpoint));
        assertThat(sectionAnswer.statusCode()).isEqualTo(201);

        long subscriber = endpointRow(endpoint).get("subscriber_id") instanceof Number n ? n.longValue() : -1;
        Map<String, Object> person = jdbc.sql("SELECT * FROM subscribers WHERE id = ?").param(subscriber)
                .query().singleRow();
        assertThat(person.get("email")).isNull();
        assertThat(person.get("account_id")).isNull();
        assertThat(person.get("confirmed_at")).isNotNull();
        assertThat(person.get("edition")).isEqualTo("en");
        assertThat(answer.path("manage").asString()).contains(ManageLinks.MANAGE_PATH + subscriber + "?t=");
        assertThat(ManageLinks.validManage(subscriber, (String) person.get("manage_key"),
                answer.path("manage").asString().replaceFirst(".*\\?t=", ""))).isTrue();
        assertThat(jdbc.sql("""
                SELECT topic || ':' || target_id FROM subscriptions
                WHERE subscriber_id = ? AND delivery = 'PUSH' AND edition = 'en' AND ended_at IS NULL ORDER BY topic
                """).param(subscriber).query(String.class).list())
                .containsExactly("BREAKING:0", "SECTION:" + section);
        Map<String, Object> row = endpointRow(endpoint);
        assertThat(row.get("p256dh")).isEqualTo(browser.p256dh());
        assertThat(row.get("auth")).isEqualTo(browser.authBase64());

        PushSender.Target stored = new PushSender.Target(((Number) row.get("id")).longValue(),
                (String) row.get("endpoint"), (String) row.get("p256dh"), (String) row.get("auth"));
        byte[] payload = "{\"title\":\"Breaking\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(sender.send(stored, payload, Duration.ofMinutes(5), null)).isEqualTo(PushSender.Outcome.SENT);
        assertThat(browser.decrypt(service.received().get(0).body())).isEqualTo(payload);
    }

    @Test
    void aLoggedInReadersBrowserIsTheirAccountsAndComesToItFromBeingAVisitors() throws Exception {
        String email = "push-reader-" + System.nanoTime() + "@dateline.test";
        long account = readerAccount(email);
        TestBrowser browser = new TestBrowser();
        String endpoint = service.endpoint("reader-" + System.nanoTime());
        assertThat(subscribe(null, "ru", "BREAKING", 0, browser.subscriptionJson(endpoint)).statusCode())
                .isEqualTo(201);
        long visitor = ((Number) endpointRow(endpoint).get("subscriber_id")).longValue();

        WebSession reader = logIn(email);
        HttpResponse<String> answer = subscribe(reader.client(), "ru", "BREAKING", 0,
                browser.subscriptionJson(endpoint));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        long subscriber = jdbc.sql("SELECT id FROM subscribers WHERE account_id = ?").param(account)
                .query(Long.class).single();
        assertThat(subscriber).isNotEqualTo(visitor);
        assertThat(endpointRow(endpoint).get("subscriber_id")).isEqualTo(subscriber);
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM subscriptions WHERE subscriber_id = ? AND topic = 'BREAKING' AND edition = 'ru'
                  AND delivery = 'PUSH' AND ended_at IS NULL
                """).param(subscriber).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT ended_why FROM subscriptions WHERE subscriber_id = ?").param(visitor)
                .query(String.class).list()).containsExactly("moved");
    }

    @Test
    void whatTheBrowserFollowedAsAVisitorComesToTheAccountAndABreakingAlertReachesItOnce() throws Exception {
        String email = "push-mover-" + System.nanoTime() + "@dateline.test";
        long account = readerAccount(email);
        TestBrowser browser = new TestBrowser();
        String endpoint = service.endpoint("mover-" + System.nanoTime());
        long section = jdbc.sql("SELECT MIN(id) FROM sections WHERE edition = 'en'").query(Long.class).single();
        assertThat(subscribe(null, "en", "BREAKING", 0, browser.subscriptionJson(endpoint)).statusCode())
                .isEqualTo(201);
        long visitor = ((Number) endpointRow(endpoint).get("subscriber_id")).longValue();

        // Logged in, the same browser follows a section: the endpoint and the visitor's breaking news move along.
        assertThat(subscribe(logIn(email).client(), "en", "SECTION", section, browser.subscriptionJson(endpoint))
                .statusCode()).isEqualTo(201);
        long subscriber = jdbc.sql("SELECT id FROM subscribers WHERE account_id = ?").param(account)
                .query(Long.class).single();
        assertThat(endpointRow(endpoint).get("subscriber_id")).isEqualTo(subscriber);
        assertThat(jdbc.sql("""
                SELECT topic FROM subscriptions
                WHERE subscriber_id = ? AND delivery = 'PUSH' AND ended_at IS NULL ORDER BY topic
                """).param(subscriber).query(String.class).list()).containsExactly("BREAKING", "SECTION");
        assertThat(live(visitor)).isZero();

        String headline = "Moved browser " + System.nanoTime();
        HttpResponse<String> published = http.postJson("/api/admin/articles",
                Http.article("en", "world", headline).strip().replace("}", ",\"breaking\":true}"),
                DatelineTestContext.ADMIN_TOKEN);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
        String path = URI.create(endpoint).getPath();
        Await.await(() -> service.received().stream().anyMatch(r -> r.path().equals(path)), Duration.ofSeconds(20));
        Thread.sleep(1500); // the publish and the breaking mark are two jobs: both expanded, still one alert
        assertThat(service.received().stream().filter(r -> r.path().equals(path))).hasSize(1);
        assertThat(JSON.readTree(browser.decrypt(service.received().stream().filter(r -> r.path().equals(path))
                .findFirst().orElseThrow().body())).path("title").asString()).isEqualTo("Breaking: " + headline);
    }

    /** A confirmed reader account, made three days ago; its id. */
    private long readerAccount(String email) {
        Timestamp created = Timestamp.from(Instant.now().minus(Duration.ofDays(3)));
        jdbc.sql("""
                INSERT INTO accounts (email, display_name, password_hash, role, active, must_change_password,
                                      created_at, password_changed_at, email_confirmed_at)
                VALUES (?, 'Push Reader', ?, 'READER', TRUE, FALSE, ?, ?, ?)
                """).params(email, encoder.encode("reader-Pa55word-1"), created, created, created).update();
        return jdbc.sql("SELECT id FROM accounts WHERE email = ?").param(email).query(Long.class).single();
    }

    private WebSession logIn(String email) {
        WebSession reader = new WebSession(port);
        assertThat(WebSession.location(reader.submit("/account/login", "/account/login",
                Map.of("email", email, "password", "reader-Pa55word-1")))).doesNotContain("error");
        return reader;
    }

    @Test
    void whatIsRefusedIsRefusedWithItsCodeAndWritesNothing() throws Exception {
        TestBrowser browser = new TestBrowser();
        String endpoint = service.endpoint("refused-" + System.nanoTime());
        long before = jdbc.sql("SELECT COUNT(*) FROM push_endpoints").query(Long.class).single();

        assertRefused(subscribe(null, "xx", "BREAKING", 0, browser.subscriptionJson(endpoint)), 404,
                "edition_not_found");
        assertRefused(subscribe(null, "en", "WEATHER", 0, browser.subscriptionJson(endpoint)), 400, "invalid_topic");
        assertRefused(subscribe(null, "en", "BREAKING", 5, browser.subscriptionJson(endpoint)), 400,
                "invalid_topic");
        assertRefused(subscribe(null, "en", "SECTION", 0, browser.subscriptionJson(endpoint)), 400,
                "invalid_topic");
        assertRefused(subscribe(null, "en", "STORY", Long.MAX_VALUE, browser.subscriptionJson(endpoint)), 404,
                "target_not_found");
        assertRefused(subscribe(null, "en", "BREAKING", 0, browser.subscriptionJson("ftp://127.0.0.1/push/1")),
                400, "endpoint_not_https");
        assertRefused(subscribe(null, "en", "BREAKING", 0, browser.subscriptionJson("not a url")), 400,
                "endpoint_invalid");
        assertRefused(subscribe(null, "en", "BREAKING", 0, """
                {"endpoint":"%s","keys":{"p256dh":"%s","auth":"%s"}}
                """.formatted(endpoint, P256.base64(new byte[65]), browser.authBase64())), 400, "invalid_keys");
        assertRefused(subscribe(null, "en", "BREAKING", 0, """
                {"endpoint":"%s","keys":{"p256dh":"%s","auth":"short"}}
                """.formatted(endpoint, browser.p256dh())), 400, "invalid_keys");
        assertRefused(subscribe(null, "en", "BREAKING", 0, """
                {"endpoint":"%s","keys":{"p256dh":"%s","auth":"!!"}}
                """.formatted(endpoint, browser.p256dh())), 400, "invalid_keys");
        assertRefused(subscribe(null, "en", "BREAKING", 0, "null"), 400, "subscription_required");
        assertThat(post(null, "/en/subscribe/push", "{\"topic\":", sameOrigin()).statusCode()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM push_endpoints").query(Long.class).single()).isEqualTo(before);

        // Another browser cannot take over a stored endpoint without its auth secret.
        assertThat(subscribe(null, "en", "BREAKING", 0, browser.subscriptionJson(endpoint)).statusCode())
                .isEqualTo(201);
        TestBrowser thief = new TestBrowser();
        assertRefused(subscribe(null, "en", "BREAKING", 0, thief.subscriptionJson(endpoint)), 409, "endpoint_taken");
        assertThat(endpointRow(endpoint).get("p256dh")).isEqualTo(browser.p256dh());
    }

    @Test
    void onlyThisSitesOwnPagesMayCall() throws Exception {
        TestBrowser browser = new TestBrowser();
        String body = subscribeBody("BREAKING", 0, browser.subscriptionJson(service.endpoint("x")));
        assertRefused(post(null, "/en/subscribe/push", body), 403, "cross_site");
        assertRefused(post(null, "/en/subscribe/push", body, "Sec-Fetch-Site", "cross-site"), 403, "cross_site");
        assertRefused(post(null, "/en/subscribe/push", body, "Origin", "https://elsewhere.example"), 403,
                "cross_site");
        assertRefused(post(null, "/alerts/push/unsubscribe", "{}", "Sec-Fetch-Site", "same-site"), 403,
                "cross_site");
        assertThat(post(null, "/en/subscribe/push", body, "Origin", http.base()).statusCode()).isEqualTo(201);
    }

    @Test
    void theBrowserEndsOneSubscriptionOrItsEndpointWithItsSecretAndMaySubscribeAgain() throws Exception {
        TestBrowser browser = new TestBrowser();
        String endpoint = service.endpoint("ends-" + System.nanoTime());
        long tag = jdbc.sql("SELECT MIN(id) FROM tags WHERE edition = 'en'").query(Long.class).single();
        assertThat(subscribe(null, "en", "BREAKING", 0, browser.subscriptionJson(endpoint)).statusCode())
                .isEqualTo(201);
        assertThat(subscribe(null, "en", "TAG", tag, browser.subscriptionJson(endpoint)).statusCode()).isEqualTo(201);
        long subscriber = ((Number) endpointRow(endpoint).get("subscriber_id")).longValue();

        assertRefused(unsubscribe("""
                {"endpoint":"%s","auth":"%s"}""".formatted(endpoint, new TestBrowser().authBase64())), 404,
                "push_subscription_not_found");
        assertRefused(unsubscribe("{\"endpoint\":\"%s\"}".formatted(endpoint)), 400, "proof_required");
        assertThat(live(subscriber)).isEqualTo(2);

        assertThat(unsubscribe("""
                {"endpoint":"%s","auth":"%s==","topic":"TAG","edition":"en","target":%d}
                """.formatted(endpoint, browser.authBase64(), tag)).statusCode()).isEqualTo(200);
        assertThat(live(subscriber)).isEqualTo(1);
        assertThat(endpointRow(endpoint).get("ended_at")).isNull();

        assertThat(unsubscribe("""
                {"endpoint":"%s","auth":"%s"}""".formatted(endpoint, browser.authBase64())).statusCode())
                .isEqualTo(200);
        assertThat(live(subscriber)).isZero();
        assertThat(endpointRow(endpoint).get("ended_at")).isNotNull();
        assertThat(jdbc.sql("SELECT ended_why FROM subscriptions WHERE subscriber_id = ?").param(subscriber)
                .query(String.class).list()).containsOnly("unsubscribed");

        assertThat(subscribe(null, "en", "TAG", tag, browser.subscriptionJson(endpoint)).statusCode()).isEqualTo(201);
        assertThat(live(subscriber)).isEqualTo(1);
        assertThat(endpointRow(endpoint).get("ended_at")).isNull();
    }

    @Test
    void aSubscriptionThePushServiceReplacedMovesToTheNewOneWithTheOldSecret() throws Exception {
        TestBrowser browser = new TestBrowser();
        String endpoint = service.endpoint("old-" + System.nanoTime());
        assertThat(subscribe(null, "en", "BREAKING", 0, browser.subscriptionJson(endpoint)).statusCode())
                .isEqualTo(201);
        Map<String, Object> before = endpointRow(endpoint);
        TestBrowser renewed = new TestBrowser();
        String fresh = service.endpoint("new-" + System.nanoTime());

        assertRefused(renew(endpoint, renewed.authBase64(), renewed.subscriptionJson(fresh)), 404,
                "push_subscription_not_found");
        assertRefused(renew(endpoint, browser.authBase64(), renewed.subscriptionJson("ftp://127.0.0.1/p")), 400,
                "endpoint_not_https");
        assertRefused(post(null, "/alerts/push/renew", "{}"), 403, "cross_site");
        HttpResponse<String> answer = renew(endpoint, browser.authBase64(), renewed.subscriptionJson(fresh));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        Map<String, Object> after = endpointRow(fresh);
        assertThat(after.get("id")).isEqualTo(before.get("id"));
        assertThat(after.get("subscriber_id")).isEqualTo(before.get("subscriber_id"));
        assertThat(after.get("p256dh")).isEqualTo(renewed.p256dh());
        assertThat(after.get("auth")).isEqualTo(renewed.authBase64());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM push_endpoints WHERE endpoint = ?").param(endpoint)
                .query(Long.class).single()).isZero();
    }

    private HttpResponse<String> renew(String endpoint, String auth, String subscription) {
        return post(null, "/alerts/push/renew", "{\"endpoint\":\"%s\",\"auth\":\"%s\",\"subscription\":%s}"
                .formatted(endpoint, auth, subscription), sameOrigin());
    }

    @Test
    void anAddressMayCallOnlySoOftenAnHour() throws Exception {
        TestBrowser browser = new TestBrowser();
        for (int i = 0; i < settings.subscribesPerAddressPerHour(); i++) {
            assertRefused(subscribe(null, "en", "WEATHER", 0, browser.subscriptionJson(service.endpoint("r"))), 400,
                    "invalid_topic");
        }
        assertRefused(subscribe(null, "en", "BREAKING", 0, browser.subscriptionJson(service.endpoint("r"))), 429,
                "rate_limited");
        assertRefused(unsubscribe("{\"endpoint\":\"x\",\"auth\":\"y\"}"), 429, "rate_limited");
        address = "203.0.113.251"; // another address is not held back
        assertThat(subscribe(null, "en", "BREAKING", 0, browser.subscriptionJson(service.endpoint("r" + port)))
                .statusCode()).isEqualTo(201);
    }

    private long live(long subscriber) {
        return jdbc.sql("SELECT COUNT(*) FROM subscriptions WHERE subscriber_id = ? AND ended_at IS NULL")
                .param(subscriber).query(Long.class).single();
    }

    private Map<String, Object> endpointRow(String endpoint) {
        return jdbc.sql("SELECT * FROM push_endpoints WHERE endpoint = ?").param(endpoint).query().singleRow();
    }

    private static void assertRefused(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(JSON.readTree(response.body()).path("code").asString()).isEqualTo(code);
    }

    private static String subscribeBody(String topic, long target, String subscription) {
        return "{\"topic\":\"%s\",\"target\":%d,\"subscription\":%s}".formatted(topic, target, subscription);
    }

    private HttpResponse<String> subscribe(HttpClient client, String edition, String topic, long target,
                                           String subscription) {
        return post(client, "/" + edition + "/subscribe/push", subscribeBody(topic, target, subscription),
                sameOrigin());
    }

    private HttpResponse<String> unsubscribe(String body) {
        return post(null, "/alerts/push/unsubscribe", body, sameOrigin());
    }

    private static String[] sameOrigin() {
        return new String[] {"Sec-Fetch-Site", "same-origin"};
    }

    private HttpResponse<String> post(HttpClient client, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(http.base() + path))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .header("X-Forwarded-For", address).POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return (client == null ? http.client() : client).send(request.build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
