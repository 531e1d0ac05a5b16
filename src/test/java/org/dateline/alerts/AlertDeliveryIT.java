package org.dateline.alerts;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.dateline.editions.Editions;
import org.dateline.editions.Section;
import org.dateline.alerts.internal.push.LocalPushService;
import org.dateline.alerts.internal.push.TestBrowser;
import org.dateline.identity.Accounts;
import org.dateline.identity.Role;
import org.dateline.testing.Await;
import org.dateline.testing.WebSession;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.dateline.testing.DatelineTestContext;
import org.dateline.testing.Http;
import org.dateline.testing.IntegrationTest;
import org.dateline.testing.TestNodes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alerts from the newsroom's changes to a real SMTP server in this JVM (GreenMail), behind a gate that can be down or
 * refuse an address ({@link SmtpGate}); followers written straight into their tables ({@link AlertFixtures}).
 */
@IntegrationTest
class AlertDeliveryIT {

    static final GreenMail SMTP;
    static final SmtpGate GATE;

    static {
        try (ServerSocket probe = new ServerSocket(0)) {
            SMTP = new GreenMail(ServerSetupTest.SMTP.port(probe.getLocalPort()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        SMTP.start();
        GATE = new SmtpGate(SMTP.getSmtp().getPort());
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", GATE::port);
        registry.add("dateline.alerts.interval", () -> "100ms");
        registry.add("dateline.alerts.retry-first", () -> "300ms");
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    Environment environment;
    @Autowired
    ManageLinks links;
    @Autowired
    Accounts accounts;

    @Autowired
    Editions editions;

    AlertFixtures fixtures() {
        return new AlertFixtures(jdbc);
    }

    /** A section of the test's own, so that the demo's stories, published meanwhile, alert nobody here. */
    private Section freshSection(String edition) {
        String slug = "alerts-" + Long.toString(Math.abs(new java.util.Random().nextLong() % 1_000_000_000L) + 1, 36)
                .replaceAll("[0-9]", "x");
        return editions.ensureSection(edition, slug, "Alerts " + slug, "A section of the alert tests.", 90);
    }

    @Test
    void aBreakingStoryReachesEachFollowerOnceAsMultipartMailWithOneClickUnsubscribe() throws Exception {
        AlertFixtures fixtures = fixtures();
        fixtures.endBreakingFollows(); // other tests' followers: the counts here are this test's
        Section section = freshSection("en");
        String tag = "Alerts tag " + UUID.randomUUID();
        AlertFixtures.Subscriber reader = fixtures.subscriber(unique("reader"), "en", true);
        long breaking = fixtures.follow(reader, "BREAKING", "en", 0, "EMAIL");
        long sectionFollowed = fixtures.follow(reader, "SECTION", "en", section.id(), "EMAIL");
        AlertFixtures.Subscriber unconfirmed = fixtures.subscriber(unique("unconfirmed"), "en", false);
        fixtures.follow(unconfirmed, "BREAKING", "en", 0, "EMAIL");
        AlertFixtures.Subscriber gone = fixtures.subscriber(unique("gone"), "en", true);
        fixtures.follow(gone, "BREAKING", "en", 0, "EMAIL");
        jdbc.sql("UPDATE subscriptions SET ended_at = CURRENT_TIMESTAMP, ended_why = 'unsubscribed'"
                + " WHERE subscriber_id = ?").params(gone.id()).update();

        long id = publish("en", section.slug(), "Dam breaks upstream " + UUID.randomUUID(), true, tag);

        Await.await(() -> !mailsTo(reader.email()).isEmpty(), Duration.ofSeconds(20));
        Await.await(() -> fixtures.alerts(id, "PENDING") == 0, Duration.ofSeconds(10));
        Thread.sleep(500); // both jobs (publish, breaking mark) are expanded: still one mail
        MimeMessage mail = mailsTo(reader.email()).get(0);
        assertThat(mailsTo(reader.email())).as(() -> describe(mailsTo(reader.email())) + jdbc.sql(
                "SELECT id, job_id, subscription_id, dedup_key, status, attempts FROM alerts WHERE subscriber_id = ?")
                .params(reader.id()).query().listOfRows()).hasSize(1);
        assertThat(mailsTo(unconfirmed.email())).isEmpty();
        assertThat(mailsTo(gone.email())).isEmpty();

        assertThat(mail.getSubject()).startsWith("Breaking: Dam breaks upstream");
        // The alert names one of the two subscriptions it came through: the link ends that one.
        long through = jdbc.sql("SELECT subscription_id FROM alerts WHERE article_id = ? AND subscriber_id = ?")
                .params(id, reader.id()).query(Long.class).single();
        assertThat(through).isIn(breaking, sectionFollowed);
        String unsubscribe = links.unsubscribe(through, reader.manageKey());
        assertThat(mail.getHeader("List-Unsubscribe", null)).isEqualTo("<" + unsubscribe + ">");
        assertThat(mail.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        long alertId = jdbc.sql("SELECT id FROM alerts WHERE article_id = ? AND subscriber_id = ?")
                .params(id, reader.id()).query(Long.class).single();
        assertThat(mail.getMessageID()).startsWith("<alert-" + alertId + "@").endsWith(">");
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        BodyPart text = parts.getBodyPart(0);
        BodyPart html = parts.getBodyPart(1);
        assertThat(text.getContentType()).startsWith("text/plain");
        assertThat(html.getContentType()).startsWith("text/html");
        assertThat((String) text.getContent()).contains("Dam breaks upstream").contains("Unsubscribe: " + unsubscribe)
                .contains("/alerts/manage/" + reader.id() + "?t=");
        assertThat((String) html.getContent()).contains("<html lang=\"en\"").contains("Dam breaks upstream")
                .contains("href=\"" + unsubscribe.replace("&", "&amp;") + "\"");

        JsonNode counts = article(id).get("alerts");
        assertThat(counts.get("queued").asLong()).isZero();
        assertThat(counts.get("sent").asLong()).isEqualTo(1);
        assertThat(counts.get("failed").asLong()).isZero();
    }

    @Test
    void mailIsInTheEditionsLanguage() throws Exception {
        AlertFixtures fixtures = fixtures();
        Section section = freshSection("ru");
        AlertFixtures.Subscriber reader = fixtures.subscriber(unique("chitatel"), "ru", true);
        fixtures.follow(reader, "SECTION", "ru", section.id(), "EMAIL");
        publish("ru", section.slug(), "Рынок растёт " + UUID.randomUUID(), false, null);
        Await.await(() -> mailsTo(reader.email()).size() == 1, Duration.ofSeconds(20));
        MimeMessage mail = mailsTo(reader.email()).get(0);
        assertThat(mail.getSubject()).startsWith("Рынок растёт");
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        assertThat((String) parts.getBodyPart(0).getContent()).contains("Отписаться").contains("Читать материал");
        assertThat((String) parts.getBodyPart(1).getContent()).contains("<html lang=\"ru\"");
    }

    @Test
    void updatesAndCorrectionsReachTheStorysFollowers() throws Exception {
        AlertFixtures fixtures = fixtures();
        long id = publish("en", "sport", "Final goes to extra time " + UUID.randomUUID(), false, null);
        AlertFixtures.Subscriber reader = fixtures.subscriber(unique("story"), "en", true);
        fixtures.follow(reader, "STORY", "en", id, "EMAIL");
        HttpResponse<String> corrected = new Http(port).postJson("/api/admin/articles/" + id + "/correct",
                articleJson("en", "sport", "Final goes to penalties", null).replace("}", ",\"correction\":"
                        + "\"An earlier version named the wrong winner.\"}"), DatelineTestContext.ADMIN_TOKEN);
        assertThat(corrected.statusCode()).isEqualTo(200);
        Await.await(() -> mailsTo(reader.email()).size() == 1, Duration.ofSeconds(20));
        MimeMessage mail = mailsTo(reader.email()).get(0);
        assertThat(mail.getSubject()).isEqualTo("Correction: Final goes to penalties");
        assertThat((String) ((MimeMultipart) mail.getContent()).getBodyPart(0).getContent())
                .contains("An earlier version named the wrong winner.");
    }

    @Test
    void aMailServerAwayIsTriedAgainAndA5xxEndsTheEmailChannels() throws Exception {
        AlertFixtures fixtures = fixtures();
        Section section = freshSection("en");
        AlertFixtures.Subscriber patient = fixtures.subscriber(unique("patient"), "en", true);
        fixtures.follow(patient, "SECTION", "en", section.id(), "EMAIL");
        AlertFixtures.Subscriber bouncing = fixtures.subscriber(unique("bounce"), "en", true);
        long bounced = fixtures.follow(bouncing, "SECTION", "en", section.id(), "EMAIL");
        long digest = fixtures.follow(bouncing, "TAG", "en", 0, "DIGEST");
        GATE.down = true;
        long id;
        try {
            id = publish("en", section.slug(), "Talks resume " + UUID.randomUUID(), false, null);
            Await.await(() -> jdbc.sql("SELECT COUNT(*) FROM alerts WHERE article_id = ? AND attempts >= 2"
                    + " AND status = 'PENDING'").params(id).query(Long.class).single() == 2, Duration.ofSeconds(20));
            assertThat(mailsTo(patient.email())).isEmpty();
        } finally {
            GATE.down = false;
        }
        Await.await(() -> mailsTo(patient.email()).size() == 1, Duration.ofSeconds(20));
        Await.await(() -> fixtures.alerts(id, "FAILED") == 1, Duration.ofSeconds(20));
        assertThat(mailsTo(bouncing.email())).isEmpty();
        for (long subscription : List.of(bounced, digest)) {
            assertThat(jdbc.sql("SELECT ended_why FROM subscriptions WHERE id = ?").params(subscription)
                    .query(String.class).single()).isEqualTo("bounced");
        }
        JsonNode counts = article(id).get("alerts");
        assertThat(counts.get("sent").asLong()).isEqualTo(1);
        assertThat(counts.get("failed").asLong()).isEqualTo(1);
    }

    @Test
    void aKillWithdrawsWhatHasNotGoneOut() throws Exception {
        AlertFixtures fixtures = fixtures();
        Section section = freshSection("en");
        AlertFixtures.Subscriber reader = fixtures.subscriber(unique("killed"), "en", true);
        fixtures.follow(reader, "SECTION", "en", section.id(), "EMAIL");
        fixtures.follow(reader, "SECTION", "en", section.id(), "DIGEST");
        GATE.down = true;
        long id;
        try {
            id = publish("en", section.slug(), "Unverified claim " + UUID.randomUUID(), false, null);
            Await.await(() -> jdbc.sql("SELECT COUNT(*) FROM alerts WHERE article_id = ? AND attempts >= 1"
                    + " AND subscriber_id = ?").params(id, reader.id()).query(Long.class).single() == 1,
                    Duration.ofSeconds(20));
            assertThat(new Http(port).postJson("/api/admin/articles/" + id + "/kill", "",
                    DatelineTestContext.ADMIN_TOKEN).statusCode()).isEqualTo(200);
        } finally {
            GATE.down = false;
        }
        Await.await(() -> fixtures.alerts(id, "WITHDRAWN") == 2, Duration.ofSeconds(20));
        Thread.sleep(1000);
        assertThat(mailsTo(reader.email())).isEmpty();
        assertThat(fixtures.alerts(id, "PENDING") + fixtures.alerts(id, "SENT")).isZero();
    }

    @Test
    void aDigestIsBuiltOncePerReaderAndDayEvenWithTwoNodes() throws Exception {
        AlertFixtures fixtures = fixtures();
        Section section = freshSection("en");
        AlertFixtures.Subscriber reader = fixtures.subscriber(unique("digest"), "en", true);
        digestNotDueYet(reader);
        fixtures.follow(reader, "SECTION", "en", section.id(), "DIGEST");
        ConfigurableApplicationContext second = TestNodes.start(environment, "alerts-second-" + UUID.randomUUID(),
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + GATE.port(),
                "--dateline.alerts.interval=50ms");
        try {
            long first = publish("en", section.slug(), "Rates held " + UUID.randomUUID(), false, null);
            long other = publish("en", section.slug(), "Shares slide " + UUID.randomUUID(), false, null);
            Await.await(() -> jdbc.sql("SELECT COUNT(*) FROM alerts WHERE subscriber_id = ? AND channel = 'DIGEST'")
                    .params(reader.id()).query(Long.class).single() == 2, Duration.ofSeconds(20));
            Thread.sleep(500);
            assertThat(mailsTo(reader.email())).isEmpty();
            jdbc.sql("UPDATE subscribers SET digest_hour = 0 WHERE id = ?").params(reader.id()).update();
            Await.await(() -> mailsTo(reader.email()).size() == 1, Duration.ofSeconds(20));
            Thread.sleep(1500);
            assertThat(mailsTo(reader.email())).hasSize(1);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM alert_digests WHERE subscriber_id = ?").params(reader.id())
                    .query(Long.class).single()).isEqualTo(1);
            MimeMessage mail = mailsTo(reader.email()).get(0);
            assertThat(mail.getSubject()).contains("2 stories");
            assertThat((String) ((MimeMultipart) mail.getContent()).getBodyPart(0).getContent())
                    .contains("Rates held").contains("Shares slide");
            assertThat(fixtures.alerts(first, "SENT") + fixtures.alerts(other, "SENT")).isEqualTo(2);
        } finally {
            second.close();
        }
    }

    @Test
    void aDigestsOneClickEndsEveryDigestSubscriptionAndItsVisibleLinkOpensTheSubscribersPage() throws Exception {
        AlertFixtures fixtures = fixtures();
        Section first = freshSection("en");
        Section second = freshSection("en");
        AlertFixtures.Subscriber reader = fixtures.subscriber(unique("digest-end"), "en", true);
        digestNotDueYet(reader);
        List<Long> digests = List.of(fixtures.follow(reader, "SECTION", "en", first.id(), "DIGEST"),
                fixtures.follow(reader, "SECTION", "en", second.id(), "DIGEST"),
                fixtures.follow(reader, "SECTION", "en", freshSection("en").id(), "DIGEST")); // no news today
        long atOnce = fixtures.follow(reader, "SECTION", "en", freshSection("en").id(), "EMAIL");
        publish("en", first.slug(), "Harbour reopens " + UUID.randomUUID(), false, null);
        publish("en", second.slug(), "Bridge tolls cut " + UUID.randomUUID(), false, null);
        Await.await(() -> jdbc.sql("SELECT COUNT(*) FROM alerts WHERE subscriber_id = ? AND channel = 'DIGEST'")
                .params(reader.id()).query(Long.class).single() == 2, Duration.ofSeconds(20));
        jdbc.sql("UPDATE subscribers SET digest_hour = 0 WHERE id = ?").params(reader.id()).update();
        Await.await(() -> mailsTo(reader.email()).size() == 1, Duration.ofSeconds(20));
        MimeMessage mail = mailsTo(reader.email()).get(0);
        assertThat(mail.getSubject()).contains("2 stories");

        // The header ends the digest as a whole; the visible link opens the page that lists each subscription.
        String oneClick = links.unsubscribeDigest(reader.id(), reader.manageKey());
        String manage = links.manage(reader.id(), reader.manageKey());
        assertThat(mail.getHeader("List-Unsubscribe", null)).isEqualTo("<" + oneClick + ">");
        assertThat(mail.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        String text = (String) parts.getBodyPart(0).getContent();
        String html = (String) parts.getBodyPart(1).getContent();
        assertThat(text).contains("Unsubscribe: " + manage).doesNotContain("/alerts/unsubscribe/");
        assertThat(html).contains("href=\"" + manage.replace("&", "&amp;") + "\"")
                .doesNotContain("/alerts/unsubscribe/");

        // As a mail provider posts it: every digest subscription ends, the one that had no news today too.
        URI uri = URI.create(oneClick);
        HttpResponse<String> done = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(URI.create("http://127.0.0.1:" + port + uri.getRawPath() + "?" + uri.getRawQuery()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(done.statusCode()).isEqualTo(200);
        for (long digest : digests) {
            assertThat(jdbc.sql("SELECT ended_why FROM subscriptions WHERE id = ?").params(digest)
                    .query(String.class).single()).isEqualTo("unsubscribed");
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM subscriptions WHERE id = ? AND ended_at IS NULL").params(atOnce)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theDeskPublishesAsBreakingNewsAndShowsTheCounts() throws Exception {
        AlertFixtures fixtures = fixtures();
        fixtures.endBreakingFollows(); // other tests' followers: the counts here are this test's
        AlertFixtures.Subscriber reader = fixtures.subscriber(unique("desk"), "en", true);
        fixtures.follow(reader, "BREAKING", "en", 0, "EMAIL");
        WebSession editor = staff(Role.EDITOR);
        String headline = "Desk breaking " + UUID.randomUUID();
        HttpResponse<String> made = editor.submit("/newsroom/stories/new", "/newsroom/stories",
                Map.of("edition", "en", "section", "world", "headline", headline, "lead",
                        "A lead sentence that sums the story up.", "body", "First paragraph.",
                        "datelinePlace", "MOSCOW", "credit", "Dateline", "when", "draft"));
        String path = WebSession.location(made).replaceAll("^https?://[^/]+", "").replaceAll("\\?.*", "");
        Document form = Jsoup.parse(editor.get(path).body());
        assertThat(form.select("form.story-form input[type=checkbox][name=breaking]")).hasSize(1);
        Map<String, String> fields = new HashMap<>();
        for (var input : form.select("form.story-form input[name], form.story-form textarea[name]")) {
            if (!input.attr("type").equals("checkbox")) {
                fields.put(input.attr("name"), input.is("textarea") ? input.text() : input.val());
            }
        }
        fields.put("section", form.select("#section option[selected]").val());
        fields.put("action", "publish");
        fields.put("breaking", "on");
        assertThat(WebSession.location(editor.submit(path, path, fields))).endsWith("?done=publish");
        Await.await(() -> mailsTo(reader.email()).size() == 1, Duration.ofSeconds(20));
        assertThat(mailsTo(reader.email()).get(0).getSubject()).isEqualTo("Breaking: " + headline);
        Await.await(() -> Jsoup.parse(editor.get(path).body()).select("[data-alerts-sent]").text().equals("1"),
                Duration.ofSeconds(10));
        Document page = Jsoup.parse(editor.get(path).body());
        assertThat(page.select(".story-alerts").text()).isEqualTo("alerts: 0 queued, 1 sent, 0 failed");
        assertThat(page.select(".state-breaking")).isNotEmpty();
    }

    @Test
    void pushGoesToEveryLiveEndpointAndAGoneOneEndsTheChannel() throws Exception {
        AlertFixtures fixtures = fixtures();
        fixtures.endBreakingFollows(); // other tests' followers: the counts here are this test's
        try (LocalPushService service = new LocalPushService()) {
            TestBrowser liveBrowser = new TestBrowser();
            TestBrowser goneBrowser = new TestBrowser();
            String live = service.endpoint(UUID.randomUUID().toString());
            String gone = service.endpoint("gone-" + UUID.randomUUID()); // the service answers 410
            AlertFixtures.Subscriber browser = fixtures.browser("en", live, liveBrowser.p256dh(),
                    liveBrowser.authBase64());
            fixtures.follow(browser, "BREAKING", "en", 0, "PUSH");
            AlertFixtures.Subscriber dropped = fixtures.browser("en", gone, goneBrowser.p256dh(),
                    goneBrowser.authBase64());
            long goneChannel = fixtures.follow(dropped, "BREAKING", "en", 0, "PUSH");
            String headline = "Pushed " + UUID.randomUUID();
            long id = publish("en", freshSection("en").slug(), headline, true, null);
            String livePath = URI.create(live).getPath();
            Await.await(() -> service.received().stream().anyMatch(r -> r.path().equals(livePath)),
                    Duration.ofSeconds(20));
            Await.await(() -> jdbc.sql("SELECT ended_why FROM subscriptions WHERE id = ?").params(goneChannel)
                    .query(String.class).optional().filter("push-gone"::equals).isPresent(), Duration.ofSeconds(20));
            // The real sender: signed for the push service (the service checked the VAPID token), encrypted for
            // the browser alone (its keys decrypt it).
            assertThat(service.refusals()).isEmpty();
            LocalPushService.Received pushed = service.received().stream().filter(r -> r.path().equals(livePath))
                    .findFirst().orElseThrow();
            JsonNode payload = json.readTree(new String(liveBrowser.decrypt(pushed.body()),
                    java.nio.charset.StandardCharsets.UTF_8));
            assertThat(payload.get("title").asString()).isEqualTo("Breaking: " + headline);
            assertThat(payload.get("url").asString()).endsWith(jdbc.sql("SELECT path FROM alert_jobs"
                    + " WHERE article_id = ? AND kind = 'BREAKING'").params(id).query(String.class).single());
            assertThat(payload.get("tag").asString()).isEqualTo("story-" + id);
            assertThat(pushed.header("Topic")).isEqualTo("story-" + id);
            assertThat(jdbc.sql("SELECT ended_at FROM push_endpoints WHERE endpoint = ?").params(gone)
                    .query(java.sql.Timestamp.class).single()).isNotNull();
            assertThat(service.received().stream().filter(r -> r.path().equals(livePath))).hasSize(1);
        }
    }

    @Test
    void breakingAtPublishIsForEditorsAndNotForDrafts() {
        HttpResponse<String> draft = new Http(port).postJson("/api/admin/articles",
                articleJson("en", "sport", "Draft " + UUID.randomUUID(), null)
                        .replace("}", ",\"breaking\":true,\"status\":\"draft\"}"), DatelineTestContext.ADMIN_TOKEN);
        assertThat(draft.statusCode()).isEqualTo(400);
        assertThat(draft.body()).contains("breaking");
    }

    // --- helpers ---

    /** A zone where it is just after midnight, and the digest at 23: not due until the test says so. */
    private void digestNotDueYet(AlertFixtures.Subscriber reader) {
        int hour = Instant.now().atZone(ZoneOffset.UTC).getHour();
        String zone = hour <= 12 ? "Etc/GMT+" + hour : "Etc/GMT-" + (24 - hour);
        jdbc.sql("UPDATE subscribers SET time_zone = ?, digest_hour = 23 WHERE id = ?").params(zone, reader.id())
                .update();
    }

    private WebSession staff(Role role) {
        String email = role.name().toLowerCase() + "-" + System.nanoTime() + "@dateline.test";
        accounts.createStaff(email, "Alerts " + role.name().toLowerCase(), role, "start-Password-123", false);
        WebSession session = new WebSession(port);
        session.submit("/login", "/login", Map.of("username", email, "password", "start-Password-123"));
        return session;
    }

    private long publish(String edition, String section, String headline, boolean breaking, String tag) {
        String body = articleJson(edition, section, headline, tag);
        if (breaking) {
            body = body.replace("}", ",\"breaking\":true}");
        }
        HttpResponse<String> created = new Http(port).postJson("/api/admin/articles", body,
                DatelineTestContext.ADMIN_TOKEN);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body()).get("id").asLong();
    }

    private static String articleJson(String edition, String section, String headline, String tag) {
        String article = Http.article(edition, section, headline).strip();
        return tag == null ? article : article.replace("\"Test tag\"", "\"" + tag + "\"");
    }

    private JsonNode article(long id) {
        return json.readTree(new Http(port).get("/api/admin/articles/" + id, "Authorization",
                "Bearer " + DatelineTestContext.ADMIN_TOKEN).body());
    }

    private static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String describe(List<MimeMessage> mails) {
        return mails.stream().map(m -> {
            try {
                return m.getMessageID() + " " + m.getSubject();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList().toString();
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@alerts.test";
    }
}
