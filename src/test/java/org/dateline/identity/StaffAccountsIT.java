package org.dateline.identity;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.dateline.testing.DatelineTestContext;
import org.dateline.testing.IntegrationTest;
import org.dateline.testing.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Staff log in with a form, change passwords, and administrators manage staff; all of it over real HTTP. */
@IntegrationTest
class StaffAccountsIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Accounts accounts;

    @Test
    void anonymousVisitorsOfTheNewsroomAreSentToLogin() {
        HttpResponse<String> response = new WebSession(port).get("/newsroom");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(WebSession.location(response)).endsWith("/login");
    }

    @Test
    void loginWithoutTheCsrfTokenIsRefused() {
        HttpResponse<String> response = new WebSession(port).post("/login",
                Map.of("username", DatelineTestContext.FIRST_ADMIN_EMAIL, "password", DatelineTestContext.FIRST_ADMIN_PASSWORD));
        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void aWrongPasswordShowsAnErrorAndUnknownEmailsTheSameOne() {
        WebSession session = new WebSession(port);
        HttpResponse<String> wrong = session.submit("/login", "/login",
                Map.of("username", "nobody-" + System.nanoTime() + "@dateline.test", "password", "whatever-it-is"));
        assertThat(WebSession.location(wrong)).endsWith("/login?error");
        assertThat(session.get("/login?error").body()).contains("The email address or password is not right.");
    }

    @Test
    void repeatedFailuresForOneAccountAreThrottled() {
        WebSession session = new WebSession(port);
        String email = "target-" + System.nanoTime() + "@dateline.test";
        String last = "";
        for (int i = 0; i < 12; i++) {
            last = WebSession.location(session.submit("/login", "/login", Map.of("username", email, "password", "guess-" + i)));
        }
        assertThat(last).endsWith("/login?throttled");
    }

    @Test
    void firstAdministratorChangesThePasswordThenManagesStaff() {
        WebSession admin = new WebSession(port);
        login(admin, DatelineTestContext.FIRST_ADMIN_EMAIL, DatelineTestContext.FIRST_ADMIN_PASSWORD);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM spring_session").query(Long.class).single()).isPositive();
        // Must change the password before anything else.
        assertThat(WebSession.location(admin.get("/newsroom"))).endsWith("/newsroom/password");
        HttpResponse<String> weak = admin.submit("/newsroom/password", "/newsroom/password",
                Map.of("currentPassword", DatelineTestContext.FIRST_ADMIN_PASSWORD, "password", "short"));
        assertThat(weak.statusCode()).isEqualTo(200);
        assertThat(weak.body()).contains("Use at least 12 characters.");
        String adminPassword = "a-Much-better-passphrase-" + System.nanoTime();
        HttpResponse<String> changed = admin.submit("/newsroom/password", "/newsroom/password",
                Map.of("currentPassword", DatelineTestContext.FIRST_ADMIN_PASSWORD, "password", adminPassword));
        assertThat(WebSession.location(changed)).endsWith("/newsroom?passwordChanged");
        assertThat(admin.get("/newsroom").statusCode()).isEqualTo(200);

        // The administrator adds an editor; bad input is a form error, not a failure.
        String editorEmail = "editor-" + System.nanoTime() + "@dateline.test";
        HttpResponse<String> invalid = admin.submit("/newsroom/staff", "/newsroom/staff",
                Map.of("email", "not-an-email", "displayName", "", "role", "EDITOR", "password", "password1234"));
        assertThat(invalid.statusCode()).isEqualTo(200);
        assertThat(invalid.body()).contains("Enter a valid email address.").contains("Enter a name of 1 to 100 characters.")
                .contains("This password is too common");
        HttpResponse<String> created = admin.submit("/newsroom/staff", "/newsroom/staff",
                Map.of("email", editorEmail, "displayName", "Elena Editor", "role", "EDITOR",
                        "password", "initial-editor-Secret-1"));
        assertThat(WebSession.location(created)).endsWith("/newsroom/staff?created");

        WebSession editor = new WebSession(port);
        login(editor, editorEmail, "initial-editor-Secret-1");
        editor.submit("/newsroom/password", "/newsroom/password",
                Map.of("currentPassword", "initial-editor-Secret-1", "password", "editor-own-Secret-22"));
        assertThat(editor.get("/newsroom").statusCode()).isEqualTo(200);
        assertThat(editor.get("/newsroom/staff").statusCode()).isEqualTo(403);

        // Deactivation ends the editor's session at the next request and refuses new logins.
        long editorId = jdbc.sql("SELECT id FROM accounts WHERE email = ?").params(editorEmail).query(Long.class).single();
        HttpResponse<String> deactivated = admin.submit("/newsroom/staff", "/newsroom/staff/" + editorId + "/active",
                Map.of("active", "false"));
        assertThat(WebSession.location(deactivated)).endsWith("/newsroom/staff");
        assertThat(WebSession.location(editor.get("/newsroom"))).endsWith("/login?deactivated");
        WebSession again = new WebSession(port);
        HttpResponse<String> refused = again.submit("/login", "/login",
                Map.of("username", editorEmail, "password", "editor-own-Secret-22"));
        assertThat(WebSession.location(refused)).endsWith("/login?error");

        // Logging out ends the administrator's session.
        admin.submit("/newsroom", "/logout", Map.of());
        assertThat(WebSession.location(admin.get("/newsroom"))).endsWith("/login");
    }

    @Test
    void publicPagesStayCacheableForLoggedInStaff() {
        WebSession session = new WebSession(port);
        session.get("/en/");
        HttpResponse<String> page = session.get("/en/");
        assertThat(page.headers().firstValue("X-Cache")).hasValue("hit");
        assertThat(page.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void aDeskLoginTellsThePublicPagesScriptAndALogoutTakesItBack() {
        WebSession editor = WebSession.staff(port, accounts, Role.EDITOR);
        HttpCookie desk = cookies(editor).stream()
                .filter(c -> c.getName().equals("DATELINE_DESK")).findFirst().orElseThrow();
        assertThat(desk.getValue()).isEqualTo("1");
        assertThat(desk.isHttpOnly()).isFalse();
        assertThat(desk.getPath()).isEqualTo("/");
        assertThat(desk.getMaxAge()).as("a browser-session cookie").isEqualTo(-1);

        HttpResponse<String> logout = editor.submit("/newsroom", "/logout", Map.of());
        assertThat(logout.headers().allValues("Set-Cookie")).anyMatch(c -> c.matches(
                "DATELINE_DESK=;.*(Max-Age=0|Expires=Thu, 0?1 Jan 1970).*"));

        // A moderator's login lands on the moderation queue: no Edit links for them.
        WebSession moderator = WebSession.staff(port, accounts, Role.MODERATOR, "/newsroom/moderation");
        assertThat(cookies(moderator)).noneMatch(c -> c.getName().equals("DATELINE_DESK"));
    }

    private static List<HttpCookie> cookies(WebSession session) {
        return ((CookieManager) session.client().cookieHandler().orElseThrow()).getCookieStore().getCookies();
    }

    private static void login(WebSession session, String email, String password) {
        HttpResponse<String> response = session.submit("/login", "/login", Map.of("username", email, "password", password));
        assertThat(WebSession.location(response)).as("login of %s", email).endsWith("/newsroom");
    }
}
