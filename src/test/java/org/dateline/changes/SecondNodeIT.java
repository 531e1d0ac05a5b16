package org.dateline.changes;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.dateline.testing.Await.await;

/**
 * A second node on the same database: it sees a publish made on the first within a second (page cache and
 * newsfeed stream), and after a restart it resumes the change log from where it stopped.
 */
@IntegrationTest
class SecondNodeIT {

    @LocalServerPort
    int port;
    @Autowired
    Environment environment;

    /** Records what the second node's tailer hands to its listeners. */
    static final List<Change> SEEN_ON_SECOND_NODE = new CopyOnWriteArrayList<>();

    private ConfigurableApplicationContext startSecondNode(String dataDir) {
        ChangeListener recorder = SEEN_ON_SECOND_NODE::add;
        return new SpringApplicationBuilder(DatelineApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("secondNodeRecorder", recorder))
                .run("--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                        "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                        "--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""),
                        "--server.port=0",
                        "--dateline.data-dir=" + dataDir,
                        "--dateline.node-id=second-node",
                        "--dateline.demo.on-empty=false",
                        "--dateline.admin-token=" + DatelineTestContext.ADMIN_TOKEN);
    }

    @Test
    void secondNodeSeesAPublishWithinASecondAndResumesAfterRestart() throws Exception {
        Http first = new Http(port);
        String dataDir = Files.createTempDirectory("second-node").toString();
        ConfigurableApplicationContext second = startSecondNode(dataDir);
        try {
            Http other = new Http(((WebServerApplicationContext) second).getWebServer().getPort());
            other.cachedHit("/en/"); // a node that just started may still apply a change that evicts it once
            List<String> streamed = new CopyOnWriteArrayList<>();
            var stream = other.client().sendAsync(HttpRequest.newBuilder(URI.create(other.base()
                    + "/en/newsfeed/stream")).build(), HttpResponse.BodyHandlers.ofLines())
                    .thenAcceptAsync(response -> response.body().forEach(streamed::add));
            await(() -> !streamed.isEmpty(), Duration.ofSeconds(5));

            String headline = "Published on the first node " + System.nanoTime();
            long started = System.nanoTime();
            assertThat(first.postJson("/api/admin/articles", Http.article("en", "sport", headline),
                    DatelineTestContext.ADMIN_TOKEN).statusCode()).isEqualTo(201);
            await(() -> other.get("/en/").body().contains(headline), Duration.ofSeconds(1));
            await(() -> streamed.stream().anyMatch(line -> line.contains(headline)),
                    Duration.ofSeconds(1).minusNanos(System.nanoTime() - started));
            stream.cancel(true);
        } finally {
            second.close();
        }

        // While the second node is down, two more stories are published on the first.
        SEEN_ON_SECOND_NODE.clear();
        String whileDown = "Published while the second node was down " + System.nanoTime();
        first.postJson("/api/admin/articles", Http.article("en", "culture", whileDown + " 1"), DatelineTestContext.ADMIN_TOKEN);
        first.postJson("/api/admin/articles", Http.article("en", "culture", whileDown + " 2"), DatelineTestContext.ADMIN_TOKEN);

        ConfigurableApplicationContext restarted = startSecondNode(dataDir);
        try {
            await(() -> SEEN_ON_SECOND_NODE.stream()
                    .filter(c -> ChangeKinds.ARTICLE_PUBLISHED.equals(c.kind())).count() >= 2, Duration.ofSeconds(5));
            // Exactly what came while it was down: the two publications (each with its story's change), nothing older.
            assertThat(SEEN_ON_SECOND_NODE).extracting(Change::kind)
                    .containsOnly(ChangeKinds.ARTICLE_PUBLISHED, ChangeKinds.STORY_CHANGED)
                    .filteredOn(ChangeKinds.ARTICLE_PUBLISHED::equals).hasSize(2);
        } finally {
            restarted.close();
        }
    }
}
