package org.dateline.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.dateline.DatelineApplication;
import org.dateline.testing.DatelineProcess;
import org.dateline.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node that loads the demo content on its first start opens its port only when the content is there: the first
 * answer of all, asked for from the moment the node is launched, is an edition's home page that lists stories, and
 * the node reports healthy right after. (Its own empty database and folder: the demo loads only into an empty one.)
 */
class DemoBeforeFirstVisitorIT {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void theFirstVisitorFindsTheDemoContent() throws Exception {
        TestDatabases.Database database = TestDatabases.fresh();
        int port = DatelineProcess.freePort();
        String[] args = {"--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(), "--server.address=127.0.0.1",
                "--server.port=" + port, "--spring.datasource.hikari.maximum-pool-size=5",
                "--dateline.data-dir=" + Files.createTempDirectory("demo-first-visitor"),
                "--dateline.node-id=demo-first-visitor", "--dateline.demo.on-empty=true",
                "--dateline.demo.per-edition=20", "--dateline.demo.community=false"};
        CompletableFuture<ConfigurableApplicationContext> node = CompletableFuture.supplyAsync(
                () -> new SpringApplicationBuilder(DatelineApplication.class).run(args));
        try {
            URI home = URI.create("http://127.0.0.1:" + port + "/en/");
            HttpResponse<String> first = null;
            long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (first == null && System.nanoTime() < until && !node.isCompletedExceptionally()) {
                try {
                    first = client.send(HttpRequest.newBuilder(home).timeout(Duration.ofSeconds(30)).build(),
                            HttpResponse.BodyHandlers.ofString());
                } catch (java.net.ConnectException | java.net.http.HttpConnectTimeoutException notYetOpen) {
                    Thread.sleep(10);
                }
            }
            assertThat(first).as("an answer once the node started").isNotNull();
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.body()).as("the first home page a visitor gets").contains("/en/russia/20070222/");
            // Healthy follows (readiness comes a moment after the port opens), with the content already there.
            HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                    .build();
            String status = "";
            long healthyBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!status.contains("\"status\":\"UP\"") && System.nanoTime() < healthyBy) {
                status = client.send(health, HttpResponse.BodyHandlers.ofString()).body();
                Thread.sleep(20);
            }
            assertThat(status).contains("\"status\":\"UP\"");
        } finally {
            node.get(3, TimeUnit.MINUTES).close();
        }
    }
}
