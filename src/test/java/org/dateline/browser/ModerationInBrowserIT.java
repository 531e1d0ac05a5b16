package org.dateline.browser;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.dateline.content.ArticleSummary;
import org.dateline.content.ContentQueries;
import org.dateline.identity.Accounts;
import org.dateline.identity.Role;
import org.dateline.testing.Http;
import org.dateline.testing.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three headless Chromium browsers, each with its own cookies: two readers talk live under one article, a moderator
 * bans one of them for a day from the moderation queue, and the banned reader's page says until when and stops
 * posting while the other reader goes on, until the moderator lifts the ban.
 */
@IntegrationTest
@Tag("browser")
class ModerationInBrowserIT {

    private static final String PASSWORD = "a-long-browser-passphrase-42";

    @LocalServerPort
    int port;
    @Autowired
    ContentQueries content;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    Accounts accounts;
    private final List<ChromeDriver> browsers = new ArrayList<>();

    @AfterEach
    void close() {
        browsers.forEach(ChromeDriver::quit);
    }

    @Test
    void moderatorBansAReaderWhoThenCannotPostWhileTheOtherStillCan() throws Exception {
        Http http = new Http(port);
        ArticleSummary article = content.latest("en", null, 20).get(7);
        ChromeDriver anna = reader("Anna Troll", http);
        ChromeDriver boris = reader("Boris Calm", http);
        for (ChromeDriver browser : List.of(anna, boris)) {
            browser.get(http.base() + article.path());
            wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("chat-form")));
        }

        // Each sees the other's message appear without a reload.
        post(anna, "Anna was here first");
        wait(boris).until(ExpectedConditions.textToBePresentInElementLocated(By.id("chat-messages"),
                "Anna was here first"));
        post(boris, "Boris answers politely");
        wait(anna).until(ExpectedConditions.textToBePresentInElementLocated(By.id("chat-messages"),
                "Boris answers politely"));
        String annas = messageId(boris, "Anna was here first");
        String boriss = messageId(anna, "Boris answers politely");

        // And each other's reactions.
        anna.findElement(By.cssSelector("#m" + boriss + " button.chat-react[data-reaction=like]")).click();
        waitForCount(boris, boriss, "like");
        boris.findElement(By.cssSelector("#m" + annas + " button.chat-react[data-reaction=laugh]")).click();
        waitForCount(anna, annas, "laugh");

        // Boris reports Anna's message (the page has no report button yet: the API call its script would make).
        Object status = boris.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/api/chats/me').then((r) => r.json()).then((me) => fetch('/api/chats/messages/'
                    + arguments[0] + '/report', { method: 'POST', headers: { 'Content-Type': 'application/json',
                    [me.csrfHeader]: me.csrfToken }, body: JSON.stringify({ reason: 'Trolling' }) }))
                  .then((r) => done(r.status), () => done(0));
                """, annas);
        assertThat(((Number) status).intValue()).isEqualTo(202);

        // The moderator logs in at /login, lands on the queue and bans the author for a day.
        ChromeDriver moderator = moderator(http);
        WebElement entry = wait(moderator).until(ExpectedConditions.presenceOfElementLocated(
                By.id("report-" + annas)));
        assertThat(entry.getText()).contains("Anna was here first").contains("Trolling");
        entry.findElement(By.cssSelector("details.queue-ban summary")).click();
        WebElement form = entry.findElement(By.cssSelector("form.ban-form"));
        new Select(form.findElement(By.name("term"))).selectByValue("1d");
        form.findElement(By.cssSelector("input[name=scope][value=all]")).click();
        form.findElement(By.name("reason")).sendKeys("Trolling the room");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait(moderator).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"),
                "The reader is banned."));
        moderator.get(http.base() + "/newsroom/moderation/bans");
        assertThat(moderator.findElement(By.cssSelector("table.staff-table tbody")).getText())
                .contains("Anna Troll").contains("Trolling the room");

        // From the room, the moderator reaches its settings.
        moderator.get(http.base() + article.path());
        wait(moderator).until(ExpectedConditions.elementToBeClickable(By.id("chat-moderate"))).click();
        wait(moderator).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Room settings"));
        assertThat(moderator.findElement(By.cssSelector("input[name=mode][value=open]")).isSelected()).isTrue();

        // Anna's open page learns of the ban at once, without a reload or an attempt: it says until when, in the
        // edition's format and time zone, and every control that would be refused is disabled.
        Instant until = jdbc.sql("""
                SELECT b.expires_at FROM chat_bans b JOIN accounts a ON a.id = b.account_id
                WHERE a.display_name = 'Anna Troll' ORDER BY b.id DESC LIMIT 1
                """).query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant()).single();
        WebElement notice = wait(anna).until(ExpectedConditions.visibilityOfElementLocated(By.id("chat-ban")));
        wait(anna).until(d -> notice.getText().equals("Chat access blocked until " + DateTimeFormatter.ofPattern(
                "d MMM yyyy, HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC).format(until) + " UTC."));
        assertThat(notice.getDomAttribute("role")).isEqualTo("status");
        assertBlocked(anna);
        assertThat(anna.findElements(By.cssSelector("#m" + boriss + " .chat-actions button"))).hasSize(8); // 6 + 2

        // The ban is for every room: the Russian edition's page says so in Russian from its first render, with the
        // end in Moscow time, before Anna tries anything.
        anna.get(http.base() + content.latest("ru", null, 5).get(2).path());
        wait(anna).until(ExpectedConditions.textToBe(By.id("chat-ban"), "Доступ к обсуждениям закрыт до "
                + DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.forLanguageTag("ru"))
                .withZone(ZoneId.of("Europe/Moscow")).format(until) + " МСК."));
        assertBlocked(anna);
        anna.navigate().back();
        wait(anna).until(ExpectedConditions.visibilityOfElementLocated(By.id("chat-ban")));
        assertBlocked(anna);

        post(boris, "Boris still talks");
        wait(anna).until(ExpectedConditions.textToBePresentInElementLocated(By.id("chat-messages"),
                "Boris still talks"));

        // The moderator lifts the ban: Anna's open page offers everything again, without a reload.
        moderator.get(http.base() + "/newsroom/moderation/bans");
        moderator.findElements(By.cssSelector("table.staff-table tbody tr")).stream()
                .filter(row -> row.getText().contains("Anna Troll")).findFirst().orElseThrow()
                .findElement(By.cssSelector("button[type=submit]")).click();
        wait(moderator).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"),
                "The ban is lifted."));
        wait(anna).until(ExpectedConditions.invisibilityOfElementLocated(By.id("chat-ban")));
        wait(anna).until(ExpectedConditions.elementToBeClickable(By.id("chat-text")));
        assertThat(anna.findElement(By.id("chat-text")).getDomAttribute("aria-disabled")).isNull();
        assertThat(anna.findElements(By.cssSelector("#chat-messages .chat-actions button")))
                .isNotEmpty().allMatch(WebElement::isEnabled);
        post(anna, "Anna is back, politely");
    }

    /** The composer and every message's buttons are there, disabled; no error was needed to get there. */
    private static void assertBlocked(ChromeDriver browser) {
        wait(browser).until(d -> !d.findElement(By.id("chat-text")).isEnabled());
        assertThat(browser.findElement(By.cssSelector("#chat-form button[type=submit]")).isEnabled()).isFalse();
        assertThat(browser.findElement(By.id("chat-text")).getDomAttribute("aria-disabled")).isEqualTo("true");
        List<WebElement> buttons = browser.findElements(By.cssSelector("#chat-messages .chat-actions button"));
        assertThat(buttons).allMatch(b -> !b.isEnabled() && "true".equals(b.getDomAttribute("aria-disabled")));
        assertThat(browser.findElement(By.id("chat-error")).isDisplayed()).isFalse();
    }

    private ChromeDriver reader(String name, Http http) throws Exception {
        String email = Browsers.readerAccount(jdbc, encoder, name, PASSWORD);
        ChromeDriver browser = start();
        browser.get(http.base() + "/account/login");
        browser.findElement(By.name("email")).sendKeys(email);
        browser.findElement(By.name("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form[action='/account/login'] [type=submit]")).click();
        wait(browser).until(d -> !d.getCurrentUrl().contains("/account/login"));
        return browser;
    }

    private ChromeDriver moderator(Http http) throws Exception {
        String email = "mod-browser-staff-" + System.nanoTime() + "@dateline.test";
        accounts.createStaff(email, "Mira Moderator", Role.MODERATOR, PASSWORD, false);
        ChromeDriver browser = start();
        Browsers.staffLogin(browser, http.base(), email, PASSWORD);
        wait(browser).until(d -> d.getCurrentUrl().endsWith("/newsroom/moderation"));
        return browser;
    }

    private ChromeDriver start() throws Exception {
        ChromeDriver browser = Browsers.start();
        browsers.add(browser);
        return browser;
    }

    private static WebDriverWait wait(ChromeDriver browser) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private static void post(ChromeDriver browser, String text) {
        browser.findElement(By.id("chat-text")).sendKeys(text);
        browser.findElement(By.cssSelector("#chat-form button[type=submit]")).click();
        wait(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("chat-messages"), text));
    }

    private static String messageId(ChromeDriver browser, String text) {
        return browser.findElements(By.cssSelector("#chat-messages li.chat-message")).stream()
                .filter(li -> li.getText().contains(text)).findFirst().orElseThrow().getDomAttribute("data-id");
    }

    /** Waits until the other page shows one reaction of the kind on the message (pushed over its socket). */
    private static void waitForCount(ChromeDriver browser, String id, String reaction) {
        wait(browser).until(d -> d.findElements(By.cssSelector("#m" + id + " .chat-reactions li[data-reaction="
                + reaction + "] .chat-count")).stream().anyMatch(e -> e.getText().equals("1")));
    }
}
