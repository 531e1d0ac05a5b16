package org.dateline.identity;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.dateline.platform.DatelineSettings;
import org.dateline.testing.IntegrationTest;
import org.dateline.testing.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** With no SMTP host configured, mail is written as .eml files under the data folder and listed for administrators. */
@IntegrationTest
class MailOutboxIT {

    @LocalServerPort
    int port;
    @Autowired
    DatelineSettings settings;
    @Autowired
    Accounts accounts;

    @Test
    void mailGoesToTheOutboxAndAdministratorsCanReadIt() throws Exception {
        String email = "outbox-" + System.nanoTime() + "@readers.test";
        new WebSession(port).submit("/account/register", "/account/register",
                Map.of("email", email, "displayName", "Outbox Reader", "password", "an-Outbox-passphrase-9"));
        Path outbox = settings.dataDir().resolve("mail").resolve("outbox");
        Path mail = awaitMail(outbox);
        String raw = Files.readString(mail);
        assertThat(raw).contains("To: " + email).contains("Subject: Confirm your email address");

        String adminEmail = "outbox-admin-" + System.nanoTime() + "@dateline.test";
        accounts.createStaff(adminEmail, "Outbox Admin", Role.ADMIN, "outbox-Admin-passphrase-1", false);
        WebSession admin = new WebSession(port);
        admin.submit("/login", "/login", Map.of("username", adminEmail, "password", "outbox-Admin-passphrase-1"));
        HttpResponse<String> list = admin.get("/newsroom/mail");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(email).contains("Confirm your email address");
        HttpResponse<String> one = admin.get("/newsroom/mail/" + mail.getFileName());
        assertThat(one.body()).contains("/account/confirm?token=");
        assertThat(admin.get("/newsroom/mail/..%2F..%2Fdb").statusCode()).isIn(400, 404);

        assertThat(WebSession.location(new WebSession(port).get("/newsroom/mail"))).endsWith("/login");
    }

    private static Path awaitMail(Path outbox) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(outbox)) {
                try (Stream<Path> files = Files.list(outbox)) {
                    List<Path> mails = files.filter(f -> f.toString().endsWith(".eml")).toList();
                    if (!mails.isEmpty()) {
                        return mails.get(0);
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no .eml in " + outbox);
    }
}
