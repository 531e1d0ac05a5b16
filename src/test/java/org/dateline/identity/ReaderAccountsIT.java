package org.dateline.identity;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.dateline.testing.Http;
import org.dateline.testing.IntegrationTest;
import org.dateline.testing.MutableClock;
import org.dateline.testing.WebSession;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reader accounts over real HTTP, with mail through a real SMTP server in this JVM (GreenMail) and time moved by an
 * injected clock: register, confirm, log in, reset, delete, restore, erase; and what a stranger can not learn.
 */
@IntegrationTest
@Import(ReaderAccountsIT.Clocks.class)
class ReaderAccountsIT {

    static final GreenMail SMTP;
    static final String PASSWORD = "a-Reader-passphrase-77";

    static {
        try (ServerSocket probe = new ServerSocket(0)) {
            SMTP = new GreenMail(ServerSetupTest.SMTP.port(probe.getLocalPort()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        SMTP.start();
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("dateline.readers.erase-interval", () -> "PT0.2S");
        registry.add("dateline.readers.erase-initial-delay", () -> "PT0.2S");
    }

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(Instant.now());
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Accounts accounts;

    @Test
    void registerConfirmLogInAndSeeTheNameInTheHeaderCall() {
        WebSession reader = new WebSession(port);
        String email = unique("anna");
        HttpResponse<String> registered = register(reader, email, "Anna Karenina");
        assertThat(registered.statusCode()).isEqualTo(200);
        assertThat(registered.body()).contains("Check your mail");
        assertThat(sessionCookies(registered)).isEmpty();

        String link = link(mailTo(email, "Confirm your email address"));
        assertThat(link).contains("/account/confirm?token=");

        // Not confirmed yet: the right password is refused with a way to get a new link.
        HttpResponse<String> early = logIn(reader, email, PASSWORD, false);
        assertThat(WebSession.location(early)).contains("/account/login?unconfirmed");
        assertThat(reader.get("/account/login?unconfirmed").body()).contains("Confirm your email address first")
                .contains("/account/confirm/resend");

        HttpResponse<String> confirmed = reader.get(path(link));
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("Email address confirmed");
        assertThat(reader.get(path(link)).statusCode()).as("single use").isEqualTo(410);

        HttpResponse<String> login = logIn(reader, email, PASSWORD, false);
        assertThat(WebSession.location(login)).endsWith("/account?lang=en");
        assertThat(login.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("DATELINE_READER=1"));
        HttpResponse<String> me = reader.get("/account/me");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        assertThat(me.body()).contains("\"displayName\":\"Anna Karenina\"").contains("\"initials\":\"AK\"");
        assertThat(reader.get("/account").body()).contains("Anna Karenina").contains(email);

        // A reader is no staff member.
        assertThat(reader.get("/newsroom").statusCode()).isEqualTo(403);
        assertThat(reader.get("/newsroom/staff").statusCode()).isEqualTo(403);
        assertThat(reader.post("/api/admin/articles", Map.of()).statusCode()).isEqualTo(401);

        // A new name shows at once.
        reader.submit("/account", "/account/profile", Map.of("displayName", "Anna Arkadyevna"));
        assertThat(reader.get("/account/me").body()).contains("Anna Arkadyevna");

        reader.submit("/account", "/account/logout", Map.of());
        assertThat(reader.get("/account/me").statusCode()).isEqualTo(401);
        assertThat(WebSession.location(reader.get("/account"))).endsWith("/account/login?next=%2Faccount");
    }

    @Test
    void registeringAKnownAddressAnswersTheSameAndMailsTheOwner() {
        String email = unique("twice");
        HttpResponse<String> first = register(new WebSession(port), email, "First Try");
        HttpResponse<String> second = register(new WebSession(port), email, "Second Try");
        assertThat(second.statusCode()).isEqualTo(first.statusCode());
        assertThat(main(second.body())).isEqualTo(main(first.body()));
        MimeMessage already = mailTo(email, "You already have an account");
        assertThat(body(already)).contains("/account/reset").doesNotContain("token=");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM accounts WHERE email = ?").params(email).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void formsShowProblemsTheReaderCanActOn() {
        HttpResponse<String> bad = new WebSession(port).submit("/account/register", "/account/register",
                Map.of("email", "not-an-email", "displayName", "", "password", "password1234"));
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("Enter a valid email address.").contains("Enter a name of 1 to 100 characters.")
                .contains("This password is too common");
        HttpResponse<String> russian = new WebSession(port).submit("/account/register?lang=ru", "/account/register",
                Map.of("email", "x", "displayName", "Имя", "password", "short", "lang", "ru"));
        assertThat(russian.body()).contains("lang=\"ru\"").contains("Пароль должен быть не короче 12 символов.");
    }

    @Test
    void aFailedLoginSaysTheSameForKnownAndUnknownAddresses() {
        String email = confirmedReader("known", "Known Reader");
        WebSession session = new WebSession(port);
        String known = WebSession.location(logIn(session, email, "wrong-" + PASSWORD, false));
        String unknown = WebSession.location(logIn(session, unique("nobody"), PASSWORD, false));
        assertThat(known).isEqualTo(unknown).endsWith("/account/login?error&lang=en");
    }

    @Test
    void brokenAndSpentLinksAnswerAPageNotAFailure() {
        WebSession session = new WebSession(port);
        HttpResponse<String> garbage = session.get("/account/confirm?token=nonsense");
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(garbage.body()).contains("This link is not valid");
        assertThat(session.get("/account/confirm").statusCode()).isEqualTo(400);
        assertThat(session.get("/account/reset/confirm?token=" + "A".repeat(43)).statusCode()).isEqualTo(400);
    }

    @Test
    void passwordResetWorksOnceAndExpiresAfterAnHour() {
        String email = confirmedReader("forgetful", "Forgetful Reader");
        WebSession session = new WebSession(port);
        HttpResponse<String> asked = session.submit("/account/reset", "/account/reset", Map.of("email", email));
        HttpResponse<String> stranger = session.submit("/account/reset", "/account/reset",
                Map.of("email", unique("stranger")));
        assertThat(main(asked.body())).isEqualTo(main(stranger.body())).contains("If an account uses this address");
        String link = path(link(mailTo(email, "Choose a new password")));

        assertThat(session.get(link).statusCode()).isEqualTo(200);
        HttpResponse<String> weak = session.submit(link, "/account/reset/confirm",
                Map.of("token", token(link), "password", "short"));
        assertThat(weak.statusCode()).isEqualTo(200);
        assertThat(weak.body()).contains("Use at least 12 characters.");
        String newPassword = "the-New-passphrase-42";
        HttpResponse<String> done = session.submit(link, "/account/reset/confirm",
                Map.of("token", token(link), "password", newPassword));
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(main(done.body())).contains("Your password is changed. Log in with the new one.");
        assertThat(session.get(link).statusCode()).as("used once").isEqualTo(410);
        assertThat(WebSession.location(logIn(new WebSession(port), email, PASSWORD, false))).contains("?error");
        assertThat(WebSession.location(logIn(new WebSession(port), email, newPassword, false))).endsWith("/account?lang=en");

        session.submit("/account/reset", "/account/reset", Map.of("email", email));
        String late = path(link(mailTo(email, "Choose a new password", 2)));
        clock.advance(Duration.ofMinutes(61));
        HttpResponse<String> expired = session.get(late);
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("This link has expired");
    }

    @Test
    void aDeletedAccountCanBeRestoredByLoggingInWithinThirtyDays() {
        String email = confirmedReader("leaving", "Leaving Reader");
        WebSession reader = new WebSession(port);
        logIn(reader, email, PASSWORD, true);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM persistent_logins WHERE username = ?").params(email)
                .query(Long.class).single()).isEqualTo(1);
        HttpResponse<String> wrong = reader.submit("/account", "/account/delete", Map.of("password", "not-it-at-all"));
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).contains("The current password is not right.");
        HttpResponse<String> deleted = reader.submit("/account", "/account/delete", Map.of("password", PASSWORD));
        assertThat(WebSession.location(deleted)).contains("/account/login?deleted");
        assertThat(reader.get("/account/me").statusCode()).isEqualTo(401);
        long id = accounts.byEmail(email).orElseThrow().id();
        assertThat(accounts.publicName(id)).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM persistent_logins WHERE username = ?").params(email)
                .query(Long.class).single()).isZero();

        clock.advance(Duration.ofDays(29));
        WebSession back = new WebSession(port);
        assertThat(WebSession.location(logIn(back, email, "wrong-" + PASSWORD, false))).contains("?error");
        assertThat(WebSession.location(logIn(back, email, PASSWORD, false))).contains("/account/restore");
        assertThat(back.get("/account/restore").body()).contains("Restore my account");
        HttpResponse<String> restored = back.submit("/account/restore", "/account/restore", Map.of());
        assertThat(WebSession.location(restored)).contains("/account?restored");
        assertThat(back.get("/account/me").body()).contains("Leaving Reader");
        assertThat(accounts.publicName(id)).hasValue("Leaving Reader");
    }

    @Test
    void thirtyDaysAfterDeletionThePersonalDataIsErasedAndTheRowStays() throws Exception {
        String email = confirmedReader("gone", "Gone Reader");
        WebSession reader = new WebSession(port);
        logIn(reader, email, PASSWORD, false);
        long id = accounts.byEmail(email).orElseThrow().id();
        // What another module keeps of the account for a restore (the alerts' subscriber) goes with the erasure.
        jdbc.sql("""
                INSERT INTO subscribers (account_id, edition, time_zone, confirmed_at, manage_key, created_at)
                VALUES (?, 'en', 'UTC', CURRENT_TIMESTAMP, 'key', CURRENT_TIMESTAMP)""").params(id).update();
        reader.submit("/account", "/account/delete", Map.of("password", PASSWORD));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM subscribers WHERE account_id = ?").params(id).query(Long.class)
                .single()).isEqualTo(1);
        clock.advance(Duration.ofDays(31));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!accounts.find(id).orElseThrow().erased() && System.nanoTime() < deadline) {
            Thread.sleep(100); // the erasure job runs every 200 ms in this test
        }
        Account erased = accounts.find(id).orElseThrow();
        assertThat(erased.erased()).isTrue();
        assertThat(erased.email()).doesNotContain("gone").endsWith("@erased.invalid");
        assertThat(erased.displayName()).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM subscribers WHERE account_id = ?").params(id).query(Long.class)
                .single()).isZero();
        assertThat(jdbc.sql("SELECT password_hash FROM accounts WHERE id = ?").params(id).query(String.class).single())
                .isEqualTo("!erased");
        assertThat(accounts.byEmail(email)).isEmpty();
        assertThat(accounts.publicName(id)).isEmpty();
        assertThat(WebSession.location(logIn(new WebSession(port), email, PASSWORD, false))).contains("?error");
    }

    @Test
    void aRememberedReaderIsLoggedInByTheCookieAloneAndOnlyOnceByEachToken() {
        String email = confirmedReader("remembered", "Remembered Reader");
        HttpResponse<String> login = logIn(new WebSession(port), email, PASSWORD, true);
        String cookie = login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("DATELINE_REMEMBER=")).findFirst().orElseThrow();
        String remember = cookie.substring(0, cookie.indexOf(';'));
        Http fresh = new Http(port);
        HttpResponse<String> me = fresh.get("/account/me", "Cookie", remember);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("Remembered Reader");
        assertThat(me.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("DATELINE_REMEMBER="));
        // The token rotated on use: presenting the old one again is a theft signal and logs nobody in.
        assertThat(fresh.get("/account/me", "Cookie", remember).statusCode()).isEqualTo(401);
    }

    @Test
    void aLoginAskedForOnTheWayToAPageComesBackToIt() {
        String email = confirmedReader("returning", "Returning Reader");
        WebSession session = new WebSession(port);
        HttpResponse<String> asked = session.get("/account/chats?lang=ru");
        String login = WebSession.location(asked);
        assertThat(login).contains("/account/login?next=%2Faccount%2Fchats%3Flang%3Dru").contains("&lang=ru");
        String form = session.get(path(login)).body();
        assertThat(Jsoup.parse(form).select("form[action=/account/login] input[name=next]").attr("value"))
                .isEqualTo("/account/chats?lang=ru");
        HttpResponse<String> loggedIn = session.submit(path(login), "/account/login",
                Map.of("email", email, "password", PASSWORD, "next", "/account/chats?lang=ru"));
        assertThat(WebSession.location(loggedIn)).endsWith("/account/chats?lang=ru");
        assertThat(session.get("/account/chats?lang=ru").statusCode()).isEqualTo(200);

        // The discussion under an article invites to log in and come back to it.
        var article = Jsoup.parse(new Http(port).get("/en/").body()).selectFirst("main a[href^=/en/]").attr("href");
        String invite = Jsoup.parse(new Http(port).get(article).body()).select("#chat-invite a").first().attr("href");
        assertThat(invite).isEqualTo("/account/login?lang=en&next=" + article + "%23chat");
    }

    @Test
    void mailSendingFormsAreRateLimitedPerAddress() {
        String email = unique("flood");
        WebSession session = new WebSession(port);
        int last = 0;
        for (int i = 0; i < 6; i++) {
            last = session.submit("/account/reset", "/account/reset", Map.of("email", email)).statusCode();
        }
        assertThat(last).isEqualTo(429);
        assertThat(session.submit("/account/reset", "/account/reset", Map.of("email", email)).body())
                .contains("Too many attempts");
    }

    @Test
    void repeatedLoginFailuresAreThrottled() {
        String email = unique("guessed");
        WebSession session = new WebSession(port);
        String last = "";
        for (int i = 0; i < 12; i++) {
            last = WebSession.location(logIn(session, email, "guess-" + i, false));
        }
        assertThat(last).contains("/account/login?throttled");
    }

    @Test
    void anonymousVisitorsNeverGetASession() {
        WebSession visitor = new WebSession(port);
        for (String page : List.of("/en/", "/account/login", "/account/register", "/account/reset",
                "/account/confirm/resend", "/account/me", "/account/restore")) {
            HttpResponse<String> response = visitor.get(page);
            assertThat(sessionCookies(response)).as(page).isEmpty();
        }
        HttpResponse<String> me = visitor.get("/account/me");
        assertThat(me.statusCode()).isEqualTo(401);
        assertThat(me.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        // The header slot is in every cached page, the same for everyone.
        assertThat(visitor.get("/en/").body()).contains("id=\"account-slot\"").contains("/account/login?lang=en");
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() {
        assertThat(new WebSession(port).post("/account/register",
                Map.of("email", unique("csrf"), "displayName", "No Token", "password", PASSWORD)).statusCode())
                .isEqualTo(403);
    }

    // --- helpers

    private String confirmedReader(String name, String displayName) {
        String email = unique(name);
        register(new WebSession(port), email, displayName);
        new WebSession(port).get(path(link(mailTo(email, "Confirm your email address"))));
        return email;
    }

    private static HttpResponse<String> register(WebSession session, String email, String name) {
        return session.submit("/account/register", "/account/register",
                Map.of("email", email, "displayName", name, "password", PASSWORD));
    }

    private static HttpResponse<String> logIn(WebSession session, String email, String password, boolean remember) {
        return session.submit("/account/login", "/account/login", remember
                ? Map.of("email", email, "password", password, "remember-me", "on", "lang", "en")
                : Map.of("email", email, "password", password, "lang", "en"));
    }

    private static List<String> sessionCookies(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("DATELINE_SESSION=")).toList();
    }

    private static String unique(String name) {
        return name + "-" + System.nanoTime() + "@readers.test";
    }

    private static MimeMessage mailTo(String email, String subject) {
        return mailTo(email, subject, 1);
    }

    /** The n-th mail with this subject to this address, waiting for it to arrive. */
    private static MimeMessage mailTo(String email, String subject, int n) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            List<MimeMessage> found = Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
                try {
                    return m.getRecipients(Message.RecipientType.TO)[0].toString().equals(email)
                            && subject.equals(m.getSubject());
                } catch (Exception e) {
                    return false;
                }
            }).toList();
            if (found.size() >= n) {
                return found.get(n - 1);
            }
            SMTP.waitForIncomingEmail(200, SMTP.getReceivedMessages().length + 1);
        }
        throw new AssertionError("no mail '" + subject + "' to " + email);
    }

    private static String body(MimeMessage message) {
        try {
            return String.valueOf(message.getContent());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String link(MimeMessage message) {
        Matcher matcher = Pattern.compile("https?://\\S+").matcher(body(message));
        assertThat(matcher.find()).isTrue();
        return matcher.group();
    }

    private static String path(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static String token(String path) {
        Matcher matcher = Pattern.compile("token=([A-Za-z0-9_-]+)").matcher(path);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private static String main(String html) {
        return Jsoup.parse(html).select("main").text();
    }
}
