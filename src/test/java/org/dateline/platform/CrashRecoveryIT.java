package org.dateline.platform;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.dateline.testing.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default keeps what it acknowledged when the process dies at once afterwards: Dateline runs as a real
 * process on an H2 file database, publishes an article, is killed (SIGKILL: no shutdown hook, no close), and the
 * article is there after the restart. H2 alone writes commits to its file up to half a second later by default.
 */
class CrashRecoveryIT {

    private static final String TOKEN = "crash-test-admin-token-0123456789";
    private Process dateline;

    @AfterEach
    void stop() throws InterruptedException {
        if (dateline != null && dateline.isAlive()) {
            dateline.destroy();
            if (!dateline.waitFor(20, TimeUnit.SECONDS)) {
                dateline.destroyForcibly();
            }
        }
    }

    @Test
    void anAcknowledgedPublishSurvivesAKilledProcess() throws Exception {
        Path dataDir = Files.createTempDirectory("dateline-crash");
        int port = freePort();
        Http http = new Http(port);
        dateline = start(dataDir, port);
        awaitUp(http);

        HttpResponse<String> published = http.postJson("/api/admin/articles",
                Http.article("en", "russia", "Acknowledged before the crash"), TOKEN);
        assertThat(published.statusCode()).isEqualTo(201);
        String path = published.headers().firstValue("Location").orElseThrow().substring(http.base().length());
        dateline.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        assertThat(dateline.isAlive()).isFalse();

        dateline = start(dataDir, port);
        awaitUp(http);
        HttpResponse<String> page = http.get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Acknowledged before the crash");
    }

    /** The application as `./dateline` starts it, on this test's class path (the main and test classes). */
    private static Process start(Path dataDir, int port) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx512m", "-cp",
                System.getProperty("java.class.path"), "org.dateline.DatelineApplication",
                "--logging.level.root=warn", "--dateline.demo.per-edition=5"));
        Map<String, String> env = builder.environment();
        env.put("DATELINE_DATA_DIR", dataDir.toString());
        env.put("SERVER_PORT", String.valueOf(port));
        env.put("SERVER_ADDRESS", "127.0.0.1");
        env.put("DATELINE_ADMIN_TOKEN", TOKEN);
        env.put("DATELINE_WIRE_POLL_FEEDS", "false");
        env.remove("SPRING_DATASOURCE_URL");
        builder.redirectErrorStream(true).redirectOutput(dataDir.resolve("dateline.log").toFile());
        return builder.start();
    }

    private void awaitUp(Http http) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos(); // a loaded machine starts slowly
        while (System.nanoTime() < deadline) {
            assertThat(dateline.isAlive()).as("Dateline exited during start").isTrue();
            try {
                if (http.get("/actuator/health").statusCode() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Dateline did not come up within 180 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
