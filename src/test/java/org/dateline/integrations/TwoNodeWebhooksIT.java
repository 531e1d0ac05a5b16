package org.dateline.integrations;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import com.sun.net.httpserver.HttpServer;
import org.dateline.DatelineApplication;
import org.dateline.testing.DatelineTestContext;
import org.dateline.testing.Http;
import org.dateline.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one database both run the delivery worker: every event still reaches the webhook once, not once per
 * node, whichever node made the change.
 */
@IntegrationTest
class TwoNodeWebhooksIT {

    @LocalServerPort
    int port;
    @Autowired
    Environment environment;
    @Autowired
    JsonMapper json;

    @Test
    void eachEventIsDeliveredOncePerClusterNotOncePerNode() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            received.add(exchange.getRequestHeaders().getFirst("X-Dateline-Delivery"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        ConfigurableApplicationContext second = startSecondNode(Files.createTempDirectory("webhooks-second-node").toString());
        try {
            Http first = new Http(port);
            Http other = new Http(((WebServerApplicationContext) second).getWebServer().getPort());
            HttpResponse<String> created = first.postJson("/api/admin/integrations", "{\"name\":\"Cluster\","
                    + "\"scopes\":[\"articles:read\"],\"webhookUrl\":\"http://127.0.0.1:"
                    + receiver.getAddress().getPort() + "/hook\"}", DatelineTestContext.ADMIN_TOKEN);
            assertThat(created.statusCode()).isEqualTo(201);

            int events = 12;
            for (int i = 0; i < events; i++) {
                Http node = i % 2 == 0 ? first : other;
                assertThat(node.postJson("/api/admin/articles", Http.article("en", "sport",
                        "Cluster story " + i + " " + System.nanoTime()), DatelineTestContext.ADMIN_TOKEN).statusCode())
                        .isEqualTo(201);
            }
            await(() -> received.size() >= events, Duration.ofSeconds(20));
            Thread.sleep(1500); // both workers keep running: nothing more arrives
            assertThat(received).hasSize(events).doesNotHaveDuplicates();
            String log = first.get("/api/admin/integrations/" + json.readTree(created.body()).get("id").asLong()
                    + "/deliveries", "Authorization", "Bearer " + DatelineTestContext.ADMIN_TOKEN).body();
            assertThat(json.readTree(log).valueStream().map(d -> d.get("attempts").asInt()).toList())
                    .hasSize(events).containsOnly(1);
        } finally {
            second.close();
            receiver.stop(0);
        }
    }

    private ConfigurableApplicationContext startSecondNode(String dataDir) {
        return new SpringApplicationBuilder(DatelineApplication.class)
                .run("--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                        "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                        "--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""),
                        "--server.port=0",
                        "--spring.datasource.hikari.maximum-pool-size=4",
                        "--dateline.data-dir=" + dataDir,
                        "--dateline.node-id=webhooks-second-node",
                        "--dateline.demo.on-empty=false",
                        "--dateline.webhooks.interval=100ms",
                        "--dateline.admin-token=" + DatelineTestContext.ADMIN_TOKEN);
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
