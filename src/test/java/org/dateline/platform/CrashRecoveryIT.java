package org.dateline.platform;

import java.net.http.HttpResponse;
import java.nio.file.Files;

import org.dateline.testing.DatelineProcess;
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
    private DatelineProcess dateline;

    @AfterEach
    void stop() throws InterruptedException {
        if (dateline != null) {
            dateline.close();
        }
    }

    @Test
    void anAcknowledgedPublishSurvivesAKilledProcess() throws Exception {
        int port = DatelineProcess.freePort();
        Http http = new Http(port);
        dateline = new DatelineProcess(Files.createTempDirectory("dateline-crash"), port, TOKEN);
        dateline.start();

        HttpResponse<String> published = http.postJson("/api/admin/articles",
                Http.article("en", "russia", "Acknowledged before the crash"), TOKEN);
        assertThat(published.statusCode()).isEqualTo(201);
        String path = published.headers().firstValue("Location").orElseThrow().substring(http.base().length());
        dateline.kill();

        dateline.start();
        HttpResponse<String> page = http.get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Acknowledged before the crash");
    }
}
