package org.dateline.integrations;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;
import org.dateline.identity.Accounts;
import org.dateline.identity.Role;
import org.dateline.testing.DatelineTestContext;
import org.dateline.testing.Http;
import org.dateline.testing.IntegrationTest;
import org.dateline.testing.MutableClock;
import org.dateline.testing.WebSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integrations over real HTTP: scoped tokens on the admin API, revocation, signed webhooks received by a real HTTP
 * server (exactly once per event, retried after a failure when the injected clock says so), and the newsroom pages.
 */
@IntegrationTest
@Import(IntegrationsIT.Clocks.class)
// Its own context (the mutable clock): closed after the class and kept small, since the suite's contexts share one
// PostgreSQL server's connections.
@TestPropertySource(properties = "spring.datasource.hikari.maximum-pool-size=4")
@DirtiesContext
class IntegrationsIT {

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(Instant.now());
        }
    }

    /** A webhook receiver: records every request per path; a path answers 500 as often as {@code failures} says. */
    record Received(String path, Map<String, List<String>> headers, String body) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    static HttpServer receiver;
    static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    static final Map<String, AtomicInteger> FAILURES = new ConcurrentHashMap<>();

    @BeforeAll
    static void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            RECEIVED.add(new Received(path, Map.copyOf(exchange.getRequestHeaders()), body));
            AtomicInteger failures = FAILURES.get(path);
            int status = failures != null && failures.getAndDecrement() > 0 ? 500 : 204;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop(0);
    }

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Accounts accounts;

    private Http http() {
        return new Http(port);
    }

    private String hook(String name) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/" + name;
    }

    private JsonNode create(String name, String scopesJson, String webhookUrl) {
        String body = "{\"name\":\"" + name + "\",\"scopes\":" + scopesJson
                + (webhookUrl == null ? "" : ",\"webhookUrl\":\"" + webhookUrl + "\"") + "}";
        HttpResponse<String> response = http().postJson("/api/admin/integrations", body, DatelineTestContext.ADMIN_TOKEN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body());
    }

    private long publish(String token, String section, String headline) {
        HttpResponse<String> response = http().postJson("/api/admin/articles", Http.article("en", section, headline), token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("id").asLong();
    }

    private HttpResponse<String> put(String path, String body, String token) throws Exception {
        return http().client().send(HttpRequest.newBuilder(URI.create(http().base() + path))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<Received> receivedAt(String name) {
        return RECEIVED.stream().filter(r -> r.path().equals("/hooks/" + name)).toList();
    }

    private static String code(JsonMapper json, HttpResponse<String> response) {
        return json.readTree(response.body()).get("code").asString();
    }

    @Test
    void tokensCarryTheirScopesAndARevokedTokenIsRefusedAtTheNextRequest() {
        JsonNode writer = create("Writer " + System.nanoTime(), "[\"articles:write\"]", null);
        JsonNode reader = create("Reader " + System.nanoTime(), "[\"articles:read\"]", null);
        String writerToken = writer.get("token").asString();
        String readerToken = reader.get("token").asString();
        assertThat(writerToken).startsWith("dl_");
        assertThat(writer.get("webhookSecret")).isNull();

        long id = publish(writerToken, "sport", "Published by an integration " + System.nanoTime());
        assertThat(http().get("/api/admin/articles/" + id, "Authorization", "Bearer " + readerToken).statusCode())
                .isEqualTo(200);
        assertThat(http().get("/api/admin/articles/" + id, "Authorization", "Bearer " + writerToken).statusCode())
                .isEqualTo(200);

        HttpResponse<String> refused = http().postJson("/api/admin/articles",
                Http.article("en", "sport", "Not allowed"), readerToken);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(code(json, refused)).isEqualTo("insufficient_scope");
        assertThat(http().postJson("/api/admin/integrations", "{\"name\":\"x\",\"scopes\":[\"articles:write\"]}",
                writerToken).statusCode()).isEqualTo(403);
        assertThat(http().get("/api/admin/integrations", "Authorization", "Bearer " + writerToken).statusCode())
                .isEqualTo(403);

        // Only the hash of a token is stored.
        assertThat(jdbc.sql("SELECT COUNT(*) FROM integrations WHERE token_hash = ? OR token_hint = ?")
                .params(readerToken, readerToken).query(Long.class).single()).isZero();

        HttpResponse<String> revoked = http().postJson("/api/admin/integrations/" + reader.get("id").asLong()
                + "/revoke", "", DatelineTestContext.ADMIN_TOKEN);
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(json.readTree(revoked.body()).get("active").asBoolean()).isFalse();
        HttpResponse<String> afterRevoke = http().get("/api/admin/articles/" + id, "Authorization", "Bearer " + readerToken);
        assertThat(afterRevoke.statusCode()).isEqualTo(401);
        assertThat(code(json, afterRevoke)).isEqualTo("unauthorized");
        HttpResponse<String> wrong = http().get("/api/admin/articles/" + id, "Authorization", "Bearer dl_not-a-token");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(code(json, wrong)).isEqualTo("unauthorized");
    }

    @Test
    void refusesAWebhookUrlThatIsNotHttpAndUnknownScopes() {
        HttpResponse<String> response = http().postJson("/api/admin/integrations",
                "{\"name\":\"Bad\",\"scopes\":[\"everything\"],\"webhookUrl\":\"ftp://example.org/x\"}",
                DatelineTestContext.ADMIN_TOKEN);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"webhookUrl\",\"code\":\"invalid_url\"")
                .contains("\"field\":\"scopes\",\"code\":\"unknown_scope\"");
    }

    @Test
    void documentsTheIntegrationsApiWithOpenApi() {
        assertThat(http().get("/v3/api-docs").body()).contains("/api/admin/integrations")
                .contains("/api/admin/integrations/{id}/deliveries").contains("/api/admin/integrations/{id}/revoke");
    }

    @Test
    void publishUpdateCorrectionAndKillEachReachTheWebhookOnceWithAValidSignature() throws Exception {
        String name = "partner" + System.nanoTime();
        JsonNode integration = create("Partner", "[\"articles:write\",\"articles:read\"]", hook(name));
        String token = integration.get("token").asString();
        String secret = integration.get("webhookSecret").asString();
        assertThat(secret).startsWith("dlwh_");

        String headline = "Webhook story " + System.nanoTime();
        long id = publish(token, "culture", headline);
        String update = Http.article("en", "culture", headline + " (updated)");
        assertThat(put("/api/admin/articles/" + id, update, token).statusCode()).isEqualTo(200);
        String correction = update.replaceFirst("\\{", "{\"correction\":\"An earlier version misspelt a name.\",");
        assertThat(http().postJson("/api/admin/articles/" + id + "/correct", correction, token).statusCode())
                .isEqualTo(200);
        assertThat(http().postJson("/api/admin/articles/" + id + "/kill", "", token).statusCode()).isEqualTo(200);

        try {
            await(() -> receivedAt(name).size() >= 4, Duration.ofSeconds(20));
        } catch (AssertionError e) {
            throw new AssertionError("received " + receivedAt(name).stream().map(r -> r.header("X-Dateline-Event")).toList()
                    + ", deliveries " + jdbc.sql("SELECT event, status, attempts, last_error FROM webhook_deliveries d JOIN integrations i ON i.id = d.integration_id WHERE i.webhook_url = ?").params(hook(name)).query().listOfRows(), e);
        }
        Thread.sleep(1500); // a few more worker rounds on the node: nothing is sent twice
        List<Received> received = receivedAt(name);
        assertThat(received).extracting(r -> r.header("X-Dateline-Event")).containsExactlyInAnyOrder(
                "article.published", "article.updated", "article.corrected", "article.killed");
        assertThat(received).extracting(r -> r.header("X-Dateline-Delivery")).doesNotHaveDuplicates();
        for (Received delivery : received) {
            assertThat(delivery.header("X-Dateline-Signature")).isEqualTo("sha256=" + hmac(secret, delivery.body()));
            assertThat(delivery.header("Content-Type")).startsWith("application/json");
            JsonNode body = json.readTree(delivery.body());
            assertThat(body.get("event").asString()).isEqualTo(delivery.header("X-Dateline-Event"));
            assertThat(body.get("id").asLong()).isEqualTo(id);
            assertThat(body.get("edition").asString()).isEqualTo("en");
            assertThat(body.get("url").asString()).startsWith("http").contains("/en/culture/");
            assertThat(body.get("headline").asString()).startsWith(headline);
            assertThat(Instant.parse(body.get("occurredAt").asString())).isNotNull();
            assertThat(body.has("correction")).isEqualTo(body.get("event").asString().equals("article.corrected"));
        }
        Received corrected = received.stream()
                .filter(r -> "article.corrected".equals(r.header("X-Dateline-Event"))).findFirst().orElseThrow();
        assertThat(json.readTree(corrected.body()).get("correction").asString())
                .isEqualTo("An earlier version misspelt a name.");

        HttpResponse<String> log = http().get("/api/admin/integrations/" + integration.get("id").asLong()
                + "/deliveries", "Authorization", "Bearer " + DatelineTestContext.ADMIN_TOKEN);
        assertThat(log.statusCode()).isEqualTo(200);
        JsonNode deliveries = json.readTree(log.body());
        assertThat(deliveries.size()).isEqualTo(4);
        for (JsonNode delivery : deliveries) {
            assertThat(delivery.get("status").asString()).isEqualTo("DELIVERED");
            assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
            assertThat(delivery.get("lastStatus").asInt()).isEqualTo(204);
            assertThat(delivery.get("articleId").asLong()).isEqualTo(id);
        }
    }

    @Test
    void aFailedDeliveryIsRetriedWhenItsBackoffHasPassed() throws Exception {
        String name = "flaky" + System.nanoTime();
        FAILURES.put("/hooks/" + name, new AtomicInteger(1));
        JsonNode integration = create("Flaky", "[\"articles:read\"]", hook(name));
        long integrationId = integration.get("id").asLong();
        publish(DatelineTestContext.ADMIN_TOKEN, "sport", "Retried story " + System.nanoTime());

        await(() -> receivedAt(name).size() == 1, Duration.ofSeconds(20));
        String deliveries = "/api/admin/integrations/" + integrationId + "/deliveries";
        await(() -> http().get(deliveries, "Authorization", "Bearer " + DatelineTestContext.ADMIN_TOKEN).body()
                .contains("\"lastStatus\":500"), Duration.ofSeconds(15));
        JsonNode pending = json.readTree(http().get(deliveries, "Authorization",
                "Bearer " + DatelineTestContext.ADMIN_TOKEN).body()).get(0);
        assertThat(pending.get("status").asString()).isEqualTo("PENDING");
        assertThat(pending.get("attempts").asInt()).isEqualTo(1);
        assertThat(pending.get("lastError").asString()).isEqualTo("HTTP 500");
        assertThat(Duration.between(clock.instant(), Instant.parse(pending.get("nextAttemptAt").asString())))
                .isBetween(Duration.ofSeconds(9), Duration.ofSeconds(11));

        Thread.sleep(1200); // the worker runs, but the retry is not due yet
        assertThat(receivedAt(name)).hasSize(1);

        clock.advance(Duration.ofSeconds(11));
        await(() -> receivedAt(name).size() == 2, Duration.ofSeconds(15));
        await(() -> http().get(deliveries, "Authorization", "Bearer " + DatelineTestContext.ADMIN_TOKEN).body()
                .contains("DELIVERED"), Duration.ofSeconds(15));
        JsonNode delivered = json.readTree(http().get(deliveries, "Authorization",
                "Bearer " + DatelineTestContext.ADMIN_TOKEN).body()).get(0);
        assertThat(delivered.get("attempts").asInt()).isEqualTo(2);
        assertThat(delivered.get("lastStatus").asInt()).isEqualTo(204);
        assertThat(receivedAt(name).get(0).header("X-Dateline-Delivery"))
                .isEqualTo(receivedAt(name).get(1).header("X-Dateline-Delivery"));
    }

    @Test
    void administratorsManageIntegrationsInTheNewsroomAndContributorsAreRefused() throws Exception {
        WebSession admin = new WebSession(port);
        login(admin, DatelineTestContext.FIRST_ADMIN_EMAIL, DatelineTestContext.FIRST_ADMIN_PASSWORD);
        admin.submit("/newsroom/password", "/newsroom/password", Map.of("currentPassword",
                DatelineTestContext.FIRST_ADMIN_PASSWORD, "password", "integrations-Admin-pass-1"));
        HttpResponse<String> page = admin.get("/newsroom/integrations");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Add an integration").contains("wire:push");

        // Without the CSRF token the form is refused.
        assertThat(admin.post("/newsroom/integrations", Map.of("name", "No token", "scopes", "articles:read"))
                .statusCode()).isEqualTo(403);

        HttpResponse<String> invalid = admin.submit("/newsroom/integrations", "/newsroom/integrations",
                Map.of("name", "Bad hook", "scopes", "articles:read", "webhookUrl", "ftp://example.org/hook"));
        assertThat(invalid.statusCode()).isEqualTo(200);
        assertThat(invalid.body()).contains("The webhook URL must be an absolute http:// or https:// URL");

        String name = "desk" + System.nanoTime();
        HttpResponse<String> created = admin.submit("/newsroom/integrations", "/newsroom/integrations",
                Map.of("name", "Desk screen", "scopes", "articles:read", "webhookUrl", hook(name)));
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.body()).contains("Copy its token now").contains("dl_").contains("dlwh_");
        long id = jdbc.sql("SELECT id FROM integrations WHERE webhook_url = ?").params(hook(name))
                .query(Long.class).single();

        publish(DatelineTestContext.ADMIN_TOKEN, "sport", "Shown in the delivery log " + System.nanoTime());
        await(() -> receivedAt(name).size() == 1, Duration.ofSeconds(20));
        await(() -> admin.get("/newsroom/integrations/" + id).body().contains("DELIVERED"), Duration.ofSeconds(15));
        HttpResponse<String> detail = admin.get("/newsroom/integrations/" + id);
        assertThat(detail.body()).contains("article.published").contains("HTTP 204").doesNotContain("dlwh_");

        HttpResponse<String> revoked = admin.submit("/newsroom/integrations/" + id,
                "/newsroom/integrations/" + id + "/revoke", Map.of());
        assertThat(WebSession.location(revoked)).endsWith("/newsroom/integrations/" + id + "?revoked");
        assertThat(admin.get("/newsroom/integrations/" + id).body()).contains("revoked");

        String email = "contributor-" + System.nanoTime() + "@dateline.test";
        accounts.createStaff(email, "Carla Contributor", Role.CONTRIBUTOR, "contributor-Secret-77", false);
        WebSession contributor = new WebSession(port);
        login(contributor, email, "contributor-Secret-77");
        assertThat(contributor.get("/newsroom").statusCode()).isEqualTo(200);
        assertThat(contributor.get("/newsroom/integrations").statusCode()).isEqualTo(403);
        assertThat(contributor.get("/newsroom/integrations/" + id).statusCode()).isEqualTo(403);
        assertThat(contributor.submit("/newsroom", "/newsroom/integrations", Map.of("name", "Sneaky",
                "scopes", "integrations:manage")).statusCode()).isEqualTo(403);
    }

    private static void login(WebSession session, String email, String password) {
        HttpResponse<String> response = session.submit("/login", "/login", Map.of("username", email, "password", password));
        assertThat(WebSession.location(response)).as("login of %s", email).endsWith("/newsroom");
    }

    /** The receiver's side of the signature: HMAC-SHA256 of the raw body, keyed with the secret. */
    private static String hmac(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not true within " + timeout.toMillis() + " ms");
            }
            Thread.sleep(50);
        }
    }
}
