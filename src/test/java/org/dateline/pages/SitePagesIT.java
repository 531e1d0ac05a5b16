package org.dateline.pages;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.dateline.identity.Accounts;
import org.dateline.identity.Role;
import org.dateline.testing.Http;
import org.dateline.testing.IntegrationTest;
import org.dateline.testing.SecondNode;
import org.dateline.testing.WebSession;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dateline.testing.Await.await;

/**
 * About, contact and privacy pages: default texts until an administrator saves, the save reaching the cached page on
 * this node and another within a second, the text kept safe, and nobody but an administrator editing it.
 */
@IntegrationTest
class SitePagesIT {

    static SecondNode secondNode;

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;

    @BeforeAll
    static void startSecondNode(@Autowired Environment environment) {
        secondNode = SecondNode.start(environment, "site-pages-second-node");
    }

    @AfterAll
    static void stopSecondNode() {
        if (secondNode != null) {
            secondNode.close();
        }
    }

    @Test
    void everyEditionAnswersItsPagesWithTheDefaultTextsInItsLanguage() {
        Http http = new Http(port);
        Document about = Jsoup.parse(http.get("/ru/about").body());
        assertThat(about.select("h1").text()).isEqualTo("О «Дейтлайн»");
        assertThat(about.select("html").attr("lang")).isEqualTo("ru");
        assertThat(about.select("link[rel=alternate][hreflang=en]").attr("href")).endsWith("/en/about");
        assertThat(about.select("script[type=application/ld+json]").html()).contains("\"AboutPage\"");

        HttpResponse<String> privacy = http.get("/en/privacy");
        assertThat(privacy.statusCode()).isEqualTo(200);
        Document privacyPage = Jsoup.parse(privacy.body());
        assertThat(privacyPage.select("h1").text()).isEqualTo("Privacy");
        assertThat(privacyPage.select(".body").text()).contains("DATELINE_SESSION", "keyed hash", "Messages you write");
        assertThat(privacyPage.select("meta[name=description]").attr("content")).isNotBlank();
        assertThat(Jsoup.parse(http.get("/ru/contact").body()).select("h1").text()).isEqualTo("Контакты");

        // Every page's footer links the three pages of its edition.
        Document home = Jsoup.parse(http.get("/ru/").body());
        assertThat(home.select(".site-footer a").eachAttr("href")).contains("/ru/about", "/ru/contact", "/ru/privacy");
    }

    @Test
    void anUnknownPageIsTheSitesNotFoundPage() {
        Http http = new Http(port);
        HttpResponse<String> missing = http.get("/en/imprint", "Accept", "text/html");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(missing.body()).select(".error-page")).isNotEmpty();
        assertThat(http.get("/xx/about", "Accept", "text/html").statusCode()).isEqualTo(404);
        WebSession admin = WebSession.staff(port, accounts, Role.ADMIN);
        assertThat(admin.get("/newsroom/pages/en/imprint").statusCode()).isEqualTo(404);
        assertThat(admin.get("/newsroom/pages/xx/about").statusCode()).isEqualTo(404);
    }

    @Test
    void anAdministratorsSaveReachesTheCachedPageOnEveryNodeWithinASecond() throws Exception {
        Http first = new Http(port);
        Http second = new Http(secondNode.port());
        first.cachedHit("/en/about");
        second.cachedHit("/en/about");

        WebSession admin = WebSession.staff(port, accounts, Role.ADMIN);
        String title = "About the agency " + System.nanoTime();
        HttpResponse<String> saved = admin.submit("/newsroom/pages/en/about", "/newsroom/pages/en/about",
                Map.of("title", title, "body", "We report.\r\n\r\n## Desks\r\n\r\n- Moscow\r\n- London"));
        long savedAt = System.nanoTime();
        assertThat(WebSession.location(saved)).endsWith("/newsroom/pages/en/about?saved");

        await(() -> Jsoup.parse(second.get("/en/about").body()).select("h1").text().equals(title),
                Duration.ofSeconds(1).minusNanos(System.nanoTime() - savedAt));
        Document page = Jsoup.parse(first.get("/en/about").body());
        assertThat(page.select("h1").text()).isEqualTo(title);
        assertThat(page.select(".body h2").text()).isEqualTo("Desks");
        assertThat(page.select(".body li").eachText()).containsExactly("Moscow", "London");
        assertThat(page.select("script[type=application/ld+json]").html()).contains("dateModified");
        // The other edition's page is another page.
        assertThat(Jsoup.parse(first.get("/ru/about").body()).select("h1").text()).isEqualTo("О «Дейтлайн»");

        Document list = Jsoup.parse(admin.get("/newsroom/pages").body());
        assertThat(list.select("td").eachText()).contains(title);
        Document form = Jsoup.parse(admin.get("/newsroom/pages/en/about?saved").body());
        assertThat(form.select("#title").val()).isEqualTo(title);
        assertThat(form.select(".notice").text()).startsWith("Saved");
    }

    @Test
    void theTextIsSanitisedMarkupNeverHtml() {
        WebSession admin = WebSession.staff(port, accounts, Role.ADMIN);
        admin.submit("/newsroom/pages/en/contact", "/newsroom/pages/en/contact", Map.of("title",
                "Contact <b>us</b>", "body", """
                        Write to [the desk](mailto:desk@example.org) or [click](javascript:alert(1)).

                        <script>alert('x')</script><img src=x onerror=alert(2)>

                        **Bold** and *italic*."""));
        String html = new Http(port).get("/en/contact").body();
        Document page = Jsoup.parse(html);
        assertThat(page.select("h1").text()).isEqualTo("Contact <b>us</b>");
        assertThat(page.select("h1 b")).isEmpty();
        Document body = Jsoup.parseBodyFragment(page.select(".body").html());
        assertThat(body.select("script, img, [onerror]")).isEmpty();
        assertThat(body.select("a").eachAttr("href")).containsExactly("mailto:desk@example.org");
        assertThat(body.text()).contains("<script>alert('x')</script>", "click");
        assertThat(body.select("strong").text()).isEqualTo("Bold");
        assertThat(body.select("em").text()).isEqualTo("italic");
        assertThat(html).doesNotContain("<script>alert", "javascript:");
    }

    @Test
    void aFormWithProblemsKeepsWhatWasTypedAndChangesNothing() {
        WebSession admin = WebSession.staff(port, accounts, Role.ADMIN);
        HttpResponse<String> refused = admin.submit("/newsroom/pages/ru/privacy", "/newsroom/pages/ru/privacy",
                Map.of("title", "   ", "body", "Новый текст"));
        assertThat(refused.statusCode()).isEqualTo(200);
        Document form = Jsoup.parse(refused.body());
        assertThat(form.select(".form-errors").attr("data-codes")).isEqualTo("title.blank");
        assertThat(form.select("#body").val()).isEqualTo("Новый текст");
        HttpResponse<String> tooLong = admin.submit("/newsroom/pages/ru/privacy", "/newsroom/pages/ru/privacy",
                Map.of("title", "Т", "body", "x".repeat(EditSitePage.MAX_BODY + 1)));
        assertThat(Jsoup.parse(tooLong.body()).select(".form-errors").attr("data-codes")).isEqualTo("body.too_long");
        assertThat(Jsoup.parse(new Http(port).get("/ru/privacy").body()).select("h1").text())
                .isEqualTo("Конфиденциальность");
    }

    @Test
    void onlyAdministratorsEditAndOnlyWithTheFormsToken() {
        for (Role role : new Role[] {Role.EDITOR, Role.CONTRIBUTOR}) {
            WebSession staff = WebSession.staff(port, accounts, role);
            assertThat(staff.get("/newsroom/pages").statusCode()).as("%s list", role).isEqualTo(403);
            assertThat(staff.get("/newsroom/pages/en/about").statusCode()).as("%s form", role).isEqualTo(403);
            assertThat(staff.submit("/newsroom", "/newsroom/pages/en/about",
                    Map.of("title", "Taken over", "body", "By " + role)).statusCode()).isEqualTo(403);
            assertThat(Jsoup.parse(staff.get("/newsroom").body()).select("a[href=/newsroom/pages]")).isEmpty();
        }
        String moderatorEmail = "pages-moderator-" + System.nanoTime() + "@dateline.test";
        accounts.createStaff(moderatorEmail, "Pages moderator", Role.MODERATOR, "start-Password-123", false);
        WebSession moderator = new WebSession(port);
        assertThat(WebSession.location(moderator.submit("/login", "/login",
                Map.of("username", moderatorEmail, "password", "start-Password-123")))).contains("/newsroom");
        assertThat(moderator.get("/newsroom/pages/en/about").statusCode()).isEqualTo(403);
        WebSession reader = reader();
        assertThat(reader.get("/newsroom/pages/en/about").statusCode()).isEqualTo(403);
        assertThat(reader.submit("/account", "/newsroom/pages/en/about",
                Map.of("title", "Taken over", "body", "By a reader")).statusCode()).isEqualTo(403);
        WebSession stranger = new WebSession(port);
        assertThat(WebSession.location(stranger.get("/newsroom/pages/en/about"))).endsWith("/login");

        WebSession admin = WebSession.staff(port, accounts, Role.ADMIN);
        assertThat(Jsoup.parse(admin.get("/newsroom").body()).select("a[href=/newsroom/pages]")).isNotEmpty();
        HttpResponse<String> forged = admin.post("/newsroom/pages/en/about",
                Map.of("title", "Forged", "body", "Without the form's token"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(Jsoup.parse(new Http(port).get("/en/about").body()).select("h1").text()).isNotIn("Taken over",
                "Forged");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM site_pages WHERE title IN ('Taken over', 'Forged')")
                .query(Long.class).single()).isZero();
    }

    private WebSession reader() {
        String email = "pages-reader-" + System.nanoTime() + "@dateline.test";
        Instant now = Instant.now();
        jdbc.sql("""
                INSERT INTO accounts (email, display_name, password_hash, role, active, must_change_password,
                                      created_at, password_changed_at, email_confirmed_at)
                VALUES (?, ?, ?, 'READER', TRUE, FALSE, ?, ?, ?)
                """).params(email, "Pages reader", encoder.encode("reader-Password-123"),
                java.sql.Timestamp.from(now), java.sql.Timestamp.from(now), java.sql.Timestamp.from(now)).update();
        WebSession reader = new WebSession(port);
        HttpResponse<String> login = reader.submit("/account/login", "/account/login",
                Map.of("email", email, "password", "reader-Password-123"));
        assertThat(WebSession.location(login)).endsWith("/account");
        return reader;
    }
}
