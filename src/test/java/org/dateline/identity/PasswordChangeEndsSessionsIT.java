package org.dateline.identity;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dateline.platform.mail.MailOutbox;
import org.dateline.platform.mail.OutboxMail;
import org.dateline.testing.IntegrationTest;
import org.dateline.testing.SecondNode;
import org.dateline.testing.WebSession;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A password change ends every other session of the account, a reset by link ends all of them, on both nodes of a
 * cluster (a second node on the same database), for readers and staff alike; the page says how many ended. So does
 * deleting an account. Sessions are found by account id, including those an earlier version filed by email address.
 */
@IntegrationTest
class PasswordChangeEndsSessionsIT {

    static final String PASSWORD = "the-Old-passphrase-31";
    static final String NEW_PASSWORD = "a-Fresh-passphrase-57";

    static SecondNode secondNode;
    static int secondPort;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    Accounts accounts;
    @Autowired
    MailOutbox outbox;

    @BeforeAll
    static void startSecondNode(@Autowired Environment environment) {
        secondNode = SecondNode.start(environment, "sessions-second-node");
        secondPort = secondNode.port();
    }

    @AfterAll
    static void stopSecondNode() {
        if (secondNode != null) {
            secondNode.close();
        }
    }

    @Test
    void aReaderChangingThePasswordLogsOutEveryOtherSessionOnEveryNodeAndKeepsTheirOwn() {
        String email = reader("changer");
        long id = accounts.byEmail(email).orElseThrow().id();
        WebSession laptop = new WebSession(port);
        String laptopSession = sessionCookie(readerLogin(laptop, email, PASSWORD, false));
        WebSession phone = readerBrowser(port, email, true);
        WebSession tablet = readerBrowser(secondPort, email, false);
        for (WebSession device : new WebSession[] {laptop, phone, tablet}) {
            assertThat(device.get("/account/me").statusCode()).isEqualTo(200);
        }
        assertThat(sessionsFiledUnder(id)).isEqualTo(3);

        HttpResponse<String> changed = laptop.submit("/account?lang=ru", "/account/password",
                Map.of("currentPassword", PASSWORD, "password", NEW_PASSWORD, "lang", "ru"));
        assertThat(WebSession.location(changed)).endsWith("/account?passwordChanged&lang=ru");
        assertThat(sessionCookie(changed)).as("the kept session has a new id").isNotEmpty().isNotEqualTo(laptopSession);
        for (WebSession other : new WebSession[] {phone, tablet}) {
            assertThat(other.get("/account/me").statusCode()).isEqualTo(401);
            assertThat(WebSession.location(other.get("/account"))).contains("/account/login?next=%2Faccount");
            assertThat(other.get("/api/chats/me/rooms").statusCode()).isEqualTo(401);
        }
        assertThat(sessionsFiledUnder(id)).isEqualTo(1);

        assertThat(notice(laptop.get(path(changed))))
                .isEqualTo("Пароль изменён. Выполнен выход на других устройствах (сеансов: 2).");
        assertThat(notice(laptop.get(path(changed)))).as("said once").isEqualTo("Пароль изменён.");
        assertThat(laptop.get("/account/me").statusCode()).isEqualTo(200);
    }

    @Test
    void aResetByLinkLogsOutEverySessionOfTheReaderOnEveryNode() {
        String email = reader("forgetful");
        WebSession laptop = readerBrowser(port, email, true);
        WebSession phone = readerBrowser(port, email, false);
        WebSession tablet = readerBrowser(secondPort, email, false);

        HttpResponse<String> done = reset(email, NEW_PASSWORD);
        assertThat(done.statusCode()).isEqualTo(200);
        for (WebSession device : new WebSession[] {laptop, phone, tablet}) {
            assertThat(device.get("/account/me").statusCode()).isEqualTo(401);
        }
        assertThat(notice(done)).isEqualTo("Your password is changed. Log in with the new one. "
                + "All devices that were logged in are logged out (3 sessions).");
        assertThat(sessionCookie(done)).as("no session for the visitor who reset").isEmpty();
        assertThat(readerLogin(new WebSession(secondPort), email, NEW_PASSWORD, false)).isNotNull();
    }

    @Test
    void aStaffMemberChangingThePasswordAtTheFirstLoginLogsOutTheirOtherSessions() {
        String email = staff("editor", Role.EDITOR, true);
        WebSession desk = staffBrowser(port, email);
        WebSession otherDesk = staffBrowser(port, email);
        WebSession home = staffBrowser(secondPort, email);
        assertThat(WebSession.location(home.get("/newsroom"))).endsWith("/newsroom/password");

        HttpResponse<String> changed = desk.submit("/newsroom/password", "/newsroom/password",
                Map.of("currentPassword", PASSWORD, "password", NEW_PASSWORD));
        assertThat(WebSession.location(changed)).endsWith("/newsroom?passwordChanged");
        for (WebSession other : new WebSession[] {otherDesk, home}) {
            assertThat(WebSession.location(other.get("/newsroom"))).endsWith("/login");
        }
        assertThat(notice(desk.get(path(changed))))
                .isEqualTo("Your password is changed. You were logged out on your other devices (2 sessions).");
        assertThat(desk.get("/newsroom").statusCode()).isEqualTo(200);
    }

    @Test
    void aModeratorHearsOfTheOneOtherSessionOnTheQueue() {
        String email = staff("moderator", Role.MODERATOR, false);
        WebSession queue = staffBrowser(port, email);
        WebSession elsewhere = staffBrowser(secondPort, email);

        HttpResponse<String> changed = queue.submit("/newsroom/password", "/newsroom/password",
                Map.of("currentPassword", PASSWORD, "password", NEW_PASSWORD));
        assertThat(WebSession.location(changed)).endsWith("/newsroom/moderation?done=password");
        assertThat(WebSession.location(elsewhere.get("/newsroom/moderation"))).endsWith("/login");
        assertThat(notice(queue.get(path(changed))))
                .isEqualTo("Your password is changed. You were logged out on your other device (1 session).");
    }

    @Test
    void aResetByLinkLogsOutEverySessionOfAStaffMember() {
        String email = staff("reset-editor", Role.EDITOR, false);
        WebSession desk = staffBrowser(port, email);
        WebSession home = staffBrowser(secondPort, email);

        HttpResponse<String> done = reset(email, NEW_PASSWORD);
        for (WebSession device : new WebSession[] {desk, home}) {
            assertThat(WebSession.location(device.get("/newsroom"))).endsWith("/login");
        }
        assertThat(notice(done)).endsWith("All devices that were logged in are logged out (2 sessions).");
        staffLogin(new WebSession(port), email, NEW_PASSWORD);
    }

    @Test
    void deletingAnAccountEndsItsSessionsEverywhereAtOnce() {
        String reader = reader("deleting");
        WebSession laptop = readerBrowser(port, reader, false);
        WebSession phone = readerBrowser(secondPort, reader, false);
        assertThat(phone.get("/api/chats/me").body()).contains("\"loggedIn\":true");
        laptop.submit("/account", "/account/delete", Map.of("password", PASSWORD));
        // The chat API asks nothing of a deleted account: the session itself must be gone.
        assertThat(phone.get("/api/chats/me").body()).contains("\"loggedIn\":false");
    }

    @Test
    void sessionsFiledUnderTheEmailAddressByEarlierVersionsEndToo() throws Exception {
        String email = reader("upgraded");
        long id = accounts.byEmail(email).orElseThrow().id();
        WebSession before = readerBrowser(secondPort, email, false);
        jdbc.sql("UPDATE spring_session SET principal_name = ? WHERE principal_name = ?")
                .params(email, "account:" + id).update(); // as Spring Session's default filed it
        String migration = new String(getClass().getResourceAsStream(
                "/db/migration/common/V57__sessions_by_account_id.sql").readAllBytes(), StandardCharsets.UTF_8);
        jdbc.sql(migration).update();

        WebSession after = readerBrowser(port, email, false);
        after.submit("/account", "/account/password", Map.of("currentPassword", PASSWORD, "password", NEW_PASSWORD));
        assertThat(before.get("/account/me").statusCode()).isEqualTo(401);
    }

    @Test
    void anAddressLongerThanTheSessionIndexColumnLogsIn() {
        String email = "long-" + System.nanoTime() + "@" + "d".repeat(90) + ".readers.test";
        insertAccount(email);
        WebSession browser = readerBrowser(port, email, false);
        assertThat(browser.get("/account/me").statusCode()).isEqualTo(200);
    }

    // --- helpers

    /** A confirmed reader account, made in the database: registration is not what these tests are about. */
    private String reader(String name) {
        String email = name + "-" + System.nanoTime() + "@readers.test";
        insertAccount(email);
        return email;
    }

    private String staff(String name, Role role, boolean mustChangePassword) {
        String email = name + "-" + System.nanoTime() + "@dateline.test";
        assertThat(accounts.createStaff(email, "Staff " + name, role, PASSWORD, mustChangePassword))
                .isInstanceOf(AccountResult.Done.class);
        return email;
    }

    private void insertAccount(String email) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                INSERT INTO accounts (email, display_name, password_hash, role, active, must_change_password,
                                      created_at, password_changed_at, email_confirmed_at)
                VALUES (?, ?, ?, 'READER', TRUE, FALSE, ?, ?, ?)
                """).params(email, "Reader " + email.substring(0, 6), encoder.encode(PASSWORD), now, now, now).update();
    }

    private static WebSession readerBrowser(int node, String email, boolean remember) {
        WebSession browser = new WebSession(node);
        readerLogin(browser, email, PASSWORD, remember);
        return browser;
    }

    private static WebSession staffBrowser(int node, String email) {
        WebSession browser = new WebSession(node);
        staffLogin(browser, email, PASSWORD);
        return browser;
    }

    private static HttpResponse<String> readerLogin(WebSession browser, String email, String password,
                                                    boolean remember) {
        HttpResponse<String> response = browser.submit("/account/login", "/account/login", remember
                ? Map.of("email", email, "password", password, "remember-me", "on")
                : Map.of("email", email, "password", password));
        assertThat(WebSession.location(response)).as("login of %s", email).endsWith("/account");
        return response;
    }

    private static void staffLogin(WebSession browser, String email, String password) {
        HttpResponse<String> response = browser.submit("/login", "/login",
                Map.of("username", email, "password", password));
        assertThat(WebSession.location(response)).as("login of %s", email).contains("/newsroom")
                .doesNotContain("/login");
    }

    /** Asks for a reset link on the first node, as a visitor who is not logged in, and sets the password with it. */
    private HttpResponse<String> reset(String email, String newPassword) {
        WebSession visitor = new WebSession(port);
        visitor.submit("/account/reset", "/account/reset", Map.of("email", email));
        String link = resetLink(email);
        Matcher token = Pattern.compile("token=([A-Za-z0-9_-]+)").matcher(link);
        assertThat(token.find()).isTrue();
        return visitor.submit(link, "/account/reset/confirm", Map.of("token", token.group(1), "password", newPassword));
    }

    private String resetLink(String email) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            for (OutboxMail mail : outbox.list(200)) {
                if (mail.to().equals(email) && mail.subject().equals("Choose a new password")) {
                    Matcher link = Pattern.compile("https?://[^/\\s]+(/\\S+)").matcher(outbox.text(mail.name())
                            .orElseThrow());
                    assertThat(link.find()).isTrue();
                    return link.group(1);
                }
            }
            sleep();
        }
        throw new AssertionError("no reset mail to " + email);
    }

    private long sessionsFiledUnder(long accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE principal_name = ?").params("account:" + accountId)
                .query(Long.class).single();
    }

    private static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("DATELINE_SESSION="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElse("");
    }

    private static String notice(HttpResponse<String> page) {
        return Jsoup.parse(page.body()).select("[role=status]").text();
    }

    private static String path(HttpResponse<?> redirect) {
        return WebSession.location(redirect).replaceAll("^https?://[^/]+", "");
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
