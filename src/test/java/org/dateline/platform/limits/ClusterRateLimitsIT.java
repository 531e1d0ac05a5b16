package org.dateline.platform.limits;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.dateline.chats.ChatReader;
import org.dateline.testing.DatelineTestContext;
import org.dateline.testing.Http;
import org.dateline.testing.IntegrationTest;
import org.dateline.testing.TestDatabases;
import org.dateline.testing.TestNodes;
import org.dateline.testing.WebSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one database, started with small limits: on PostgreSQL a limit of N holds for the sum of both (N/2 + 1
 * sent to each, the excess refused as it is on one node), for logins, registrations, chat messages and article views;
 * on the embedded H2 each node keeps its own allowance, as before.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterRateLimitsIT {

    static final int VIEWS_PER_MINUTE = 10;
    static final int REGISTRATIONS_PER_HOUR = 4;
    static final int MESSAGES_PER_ADDRESS_PER_MINUTE = 6;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Environment environment;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;

    private ConfigurableApplicationContext first;
    private ConfigurableApplicationContext second;
    private long articleId;

    @BeforeAll
    void startTwoNodes() {
        first = node("limits-first");
        second = node("limits-second");
        HttpResponse<String> published = new Http(port(first)).postJson("/api/admin/articles",
                Http.article("en", "russia", "Story read on two nodes " + System.nanoTime()),
                DatelineTestContext.ADMIN_TOKEN);
        assertThat(published.statusCode()).isEqualTo(201);
        String path = URI.create(JSON.readTree(published.body()).get("url").asString()).getPath();
        articleId = Long.parseLong(path.substring(path.lastIndexOf('/') + 1).split("-")[0]);
    }

    @AfterAll
    void stopNodes() {
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {first, second}) {
            if (node != null) {
                node.close();
            }
        }
    }

    private ConfigurableApplicationContext node(String id) {
        return TestNodes.start(environment, id,
                // every check asks the database: the sums below are exact
                "--dateline.rate-limits.tolerance-percent=0",
                "--dateline.login.per-address-per-minute=1000",
                "--dateline.readers.per-address-per-hour=" + REGISTRATIONS_PER_HOUR,
                "--dateline.chats.rate.messages-per-address-per-minute=" + MESSAGES_PER_ADDRESS_PER_MINUTE,
                "--dateline.readership.views-per-address-per-minute=" + VIEWS_PER_MINUTE);
    }

    private static int port(ConfigurableApplicationContext node) {
        return TestNodes.port(node);
    }

    @Test
    void articleViewsFromOneAddress() {
        assertHolds(VIEWS_PER_MINUTE, Duration.ofMinutes(1), node -> () -> {
            HttpResponse<String> answer = view(port(node));
            if (answer.statusCode() == 200) {
                return true;
            }
            assertThat(answer.statusCode()).isEqualTo(429);
            assertThat(JSON.readTree(answer.body()).get("code").asString()).isEqualTo("rate_limited");
            return false;
        });
    }

    @Test
    void loginAttemptsOnOneAccount() {
        String email = "guessed-" + System.nanoTime() + "@readers.test";
        assertHolds(10, Duration.ofMinutes(15), node -> () -> { // LoginThrottle.PER_ACCOUNT_PER_15_MINUTES
            String location = WebSession.location(new WebSession(port(node)).submit("/account/login",
                    "/account/login", Map.of("email", email, "password", "a-guess-" + System.nanoTime(),
                            "lang", "en")));
            assertThat(location).contains("/account/login?");
            return !location.contains("throttled");
        });
    }

    @Test
    void registrationsFromOneAddress() {
        assertHolds(REGISTRATIONS_PER_HOUR, Duration.ofHours(1), node -> () -> {
            HttpResponse<String> answer = new WebSession(port(node)).submit("/account/register", "/account/register",
                    Map.of("email", "newcomer-" + System.nanoTime() + "@readers.test", "displayName", "Newcomer",
                            "password", "a-Reader-passphrase-77"));
            if (answer.statusCode() == 200) {
                assertThat(answer.body()).contains("Check your mail");
                return true;
            }
            assertThat(answer.statusCode()).isEqualTo(429);
            assertThat(answer.body()).contains("Too many attempts");
            return false;
        });
    }

    @Test
    void chatMessagesFromOneAddress() {
        ChatReader onFirst = ChatReader.register(port(first), jdbc, encoder);
        ChatReader onSecond = ChatReader.register(port(second), jdbc, encoder);
        assertHolds(MESSAGES_PER_ADDRESS_PER_MINUTE, Duration.ofMinutes(1), node -> () -> {
            ChatReader reader = node == first ? onFirst : onSecond;
            HttpResponse<String> answer = reader.call("POST", "/api/chats/articles/" + articleId + "/messages",
                    "{\"body\":\"Message " + System.nanoTime() + "\"}");
            if (answer.statusCode() == 201) {
                return true;
            }
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(429);
            assertThat(JSON.readTree(answer.body()).get("code").asString()).isEqualTo("rate_limited");
            return false;
        });
    }

    /** One attempt on a node: true when let through, false when refused the way that limit refuses. */
    interface Attempt {
        BooleanSupplier on(ConfigurableApplicationContext node);
    }

    /**
     * Sends {@code limit / 2 + 1} attempts to the first node, then as many to the second. On PostgreSQL the first
     * node lets all through, and both together no more than the limit, save what refilled meanwhile; on H2 each
     * node lets all of its own through.
     */
    private void assertHolds(int limit, Duration period, Attempt attempt) {
        int each = limit / 2 + 1;
        long started = System.nanoTime();
        int onFirst = count(each, attempt.on(first));
        int onSecond = count(each, attempt.on(second));
        long refilled = (System.nanoTime() - started) * limit / period.toNanos();
        assertThat(onFirst).isEqualTo(each);
        if (TestDatabases.postgres()) {
            assertThat(onFirst + onSecond).as("let through by both nodes").isBetween(limit,
                    (int) Math.min(2L * each, limit + refilled));
        } else {
            assertThat(onSecond).as("each node keeps its own allowance on H2").isEqualTo(each);
        }
    }

    private static int count(int attempts, BooleanSupplier attempt) {
        int through = 0;
        for (int i = 0; i < attempts; i++) {
            if (attempt.getAsBoolean()) {
                through++;
            }
        }
        return through;
    }

    private HttpResponse<String> view(int port) {
        try {
            return new Http(port).client().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/api/views/" + articleId)).timeout(Duration.ofSeconds(20))
                            .header("Accept", "application/json").header("Sec-Fetch-Site", "same-origin")
                            .POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
