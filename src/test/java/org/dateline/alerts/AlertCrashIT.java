package org.dateline.alerts;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.dateline.testing.Await;
import org.dateline.testing.DatelineProcess;
import org.dateline.testing.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node killed (SIGKILL) in the middle of sending a breaking-news alert to a few hundred readers: after its restart
 * every reader has the alert, and whatever went twice (the batch in flight when it died) carries the same
 * Message-ID, so no reader has two different mails for one story. Dateline runs as a real process on an H2 file
 * database opened in mixed mode, so that this test writes the subscribers into it as the subscribe forms would.
 */
class AlertCrashIT {

    private static final String TOKEN = "crash-test-admin-token-0123456789";
    private static final int READERS = 300;
    private DatelineProcess dateline;

    @AfterEach
    void stop() throws InterruptedException {
        if (dateline != null) {
            dateline.close();
        }
    }

    @Test
    void everyAlertIsDeliveredAfterANodeDiesMidSend() throws Exception {
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.port(DatelineProcess.freePort()));
        smtp.start();
        try (SmtpGate gate = new SmtpGate(smtp.getSmtp().getPort())) {
            gate.delayMillis = 15;
            Path dataDir = Files.createTempDirectory("dateline-alerts-crash");
            String url = "jdbc:h2:file:" + dataDir.resolve("db/dateline")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0"
                    + ";AUTO_SERVER=TRUE";
            int port = DatelineProcess.freePort();
            Http http = new Http(port);
            // SMTP through the gate, and short leases.
            dateline = new DatelineProcess(dataDir, port, TOKEN, "--spring.datasource.url=" + url,
                    "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + gate.port(),
                    "--dateline.alerts.interval=100ms", "--dateline.alerts.batch=20", "--dateline.alerts.senders=2",
                    "--dateline.alerts.lease=5s", "--dateline.alerts.retry-first=1s");
            dateline.start();
            try (Connection db = DriverManager.getConnection(url, "sa", "")) {
                subscribe(db);
            }

            HttpResponse<String> published = http.postJson("/api/admin/articles", Http.article("en", "world",
                    "Alert sent through a crash").replace("}", ",\"breaking\":true}"), TOKEN);
            assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
            Await.await(() -> smtp.getReceivedMessages().length >= 40, Duration.ofSeconds(60));
            dateline.kill();
            int beforeRestart = smtp.getReceivedMessages().length;
            assertThat(beforeRestart).as("killed in the middle").isLessThan(READERS);

            gate.delayMillis = 0;
            dateline.start();
            Await.await(() -> distinctRecipients(smtp) == READERS, Duration.ofSeconds(120));

            Map<String, Set<String>> idsByReader = new HashMap<>();
            for (MimeMessage mail : smtp.getReceivedMessages()) {
                idsByReader.computeIfAbsent(recipient(mail), r -> new HashSet<>()).add(id(mail));
            }
            assertThat(idsByReader).hasSize(READERS);
            assertThat(idsByReader.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
            try (Connection db = DriverManager.getConnection(url, "sa", "");
                 ResultSet sent = db.createStatement().executeQuery(
                         "SELECT COUNT(*) FROM alerts WHERE status = 'SENT' AND channel = 'EMAIL'")) {
                sent.next();
                assertThat(sent.getInt(1)).isEqualTo(READERS);
            }
        } finally {
            smtp.stop();
        }
    }

    private static void subscribe(Connection db) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement reader = db.prepareStatement("""
                INSERT INTO subscribers (email, edition, time_zone, digest_hour, confirmed_at, manage_key, created_at)
                VALUES (?, 'en', 'UTC', 7, ?, ?, ?)""");
             PreparedStatement follow = db.prepareStatement("""
                INSERT INTO subscriptions (subscriber_id, topic, edition, target_id, delivery, created_at)
                SELECT id, 'BREAKING', 'en', 0, 'EMAIL', ? FROM subscribers WHERE email LIKE 'crash-%'""")) {
            for (int i = 0; i < READERS; i++) {
                reader.setString(1, "crash-" + i + "@alerts.test");
                reader.setTimestamp(2, now);
                reader.setString(3, ManageLinks.newKey());
                reader.setTimestamp(4, now);
                reader.addBatch();
            }
            reader.executeBatch();
            follow.setTimestamp(1, now);
            follow.executeUpdate();
        }
    }

    private static long distinctRecipients(GreenMail smtp) {
        return Arrays.stream(smtp.getReceivedMessages()).map(AlertCrashIT::recipient).distinct().count();
    }

    private static String recipient(MimeMessage mail) {
        try {
            return mail.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String id(MimeMessage mail) {
        try {
            return mail.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
