package org.dateline.browser;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.dateline.chats.ChatQueries;
import org.dateline.content.ArticleSummary;
import org.dateline.content.ChatPaths;
import org.dateline.content.ContentQueries;
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
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In real headless Chromium: chat.js posts, reacts, receives others' messages live and highlights a permalink; the
 * header counts the reader's unread messages live, and reading the room lowers the count.
 */
@IntegrationTest
@Tag("browser")
class ChatInBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    ContentQueries content;
    @Autowired
    ChatQueries chats;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;
    ChromeDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void readerPostsReactsAndSeesOthersLive() throws Exception {
        Http http = new Http(port);
        // A story nobody has written under yet (other tests talk under the latest ones): the first message is ours.
        ArticleSummary article = content.latest("en", null, 60).stream().skip(5)
                .filter(a -> chats.conversation(a.id(), 1).messages().isEmpty()).findFirst().orElseThrow();
        String email = account("Browser Reader");
        browser = Browsers.start();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        // An anonymous reader's article page asks nothing about readers: no account call, no unread counts.
        browser.get(http.base() + article.path());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("chat-messages")));
        Thread.sleep(500);
        @SuppressWarnings("unchecked")
        java.util.List<String> loaded = (java.util.List<String>) browser.executeScript(
                "return performance.getEntriesByType('resource').map((e) => e.name)");
        assertThat(loaded).noneMatch(url -> url.contains("/account/") || url.contains("chat-unread")
                || url.contains("/api/chats/me/"));
        assertThat(browser.findElements(By.id("account-chats"))).isEmpty();
        // One sentence invites them (the link to the form page is for browsers without scripts), and the header
        // leads to the edition's chat rooms as the footer does.
        assertThat(browser.findElement(By.id("chat-invite")).isDisplayed()).isTrue();
        assertThat(browser.findElements(By.cssSelector("#chat-write-link"))).noneMatch(WebElement::isDisplayed);
        assertThat(browser.findElement(By.cssSelector("#account-slot a.topic-chats")).getDomAttribute("href"))
                .isEqualTo(ChatPaths.topics("en"));

        browser.get(http.base() + "/account/login");
        browser.findElement(By.name("email")).sendKeys(email);
        browser.findElement(By.name("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form[action='/account/login'] button, form[action='/account/login'] [type=submit]")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/account/login"));

        browser.get(http.base() + article.path());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("chat-form")));
        assertThat(browser.findElement(By.id("chat-invite")).isDisplayed()).isFalse();
        browser.findElement(By.id("chat-text")).sendKeys("Written in the *browser*");
        browser.findElement(By.cssSelector("#chat-form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chat-messages .chat-body strong")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#chat-messages li.chat-message .chat-author"), "Browser Reader"));

        // Another reader posts over the API: it shows up in the open page without a reload.
        String other = account("Other Reader");
        HttpClient client = loggedIn(other);
        String token = csrf(client);
        assertThat(post(client, token, article, "Live from elsewhere").statusCode()).isEqualTo(201);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chat-messages"), "Live from elsewhere"));

        // A reaction on the other reader's message is counted in the page.
        String id = browser.findElements(By.cssSelector("#chat-messages li.chat-message")).get(1)
                .getDomAttribute("data-id");
        String liveTime = browser.findElement(By.cssSelector("#m" + id + " .chat-time time")).getText();
        browser.findElement(By.cssSelector("#m" + id + " button.chat-react[data-reaction=like]")).click();
        // The count is redrawn by the answer and again by the pushed frame: look it up afresh each time.
        wait.ignoring(StaleElementReferenceException.class).until(d -> d.findElements(By.cssSelector(
                "#m" + id + " .chat-reactions li[data-reaction=like] .chat-count")).stream()
                .anyMatch(e -> e.getText().equals("1")));

        // The reader reports the other reader's message with a reason; the moderators' queue has it.
        browser.findElement(By.cssSelector("#m" + id + " button.chat-report")).click();
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.cssSelector("#m" + id
                + " .chat-report-form select"))).selectByValue("Off topic");
        browser.findElement(By.cssSelector("#m" + id + " .chat-report-form input")).sendKeys("about football");
        browser.findElement(By.cssSelector("#m" + id + " .chat-report-form button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#m" + id + " .chat-reported")));
        assertThat(jdbc.sql("SELECT reason FROM chat_reports WHERE message_id = ?").params(Long.parseLong(id))
                .query(String.class).list()).containsExactly("Off topic: about football");
        // no report button on one's own message
        String own = browser.findElements(By.cssSelector("#chat-messages li.chat-message")).get(0)
                .getDomAttribute("data-id");
        assertThat(browser.findElements(By.cssSelector("#m" + own + " button.chat-report"))).isEmpty();

        // A reply says what it answers: its author and beginning, live and as the server renders it.
        browser.findElements(By.cssSelector("#m" + id + " .chat-actions button")).stream()
                .filter(b -> b.getText().equals("Reply")).findFirst().orElseThrow().click();
        browser.findElement(By.id("chat-text")).sendKeys("Not about football");
        browser.findElement(By.cssSelector("#chat-form button[type=submit]")).click();
        WebElement reply = wait.until(d -> d.findElements(By.cssSelector("#chat-messages li.chat-message")).stream()
                .filter(li -> li.getText().contains("Not about football")).findFirst().orElse(null));
        String replyId = reply.getDomAttribute("data-id");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#m" + replyId + " .chat-quote-author"), "Other Reader"));
        assertThat(browser.findElement(By.cssSelector("#m" + replyId + " .chat-quote-text")).getText())
                .contains("Live from elsewhere");
        String liveQuote = browser.findElement(By.cssSelector("#m" + replyId + " .chat-reply-to")).getText();

        // Times of live messages are written as the server writes them: the edition's format and time zone.
        // (rendered by the server: the script marks what it draws with data-version; the page cache evicts shortly)
        wait.until(d -> {
            d.navigate().refresh();
            return !d.findElements(By.cssSelector("#m" + replyId + ":not([data-version]) .chat-reply-to")).isEmpty();
        });
        assertThat(browser.findElements(By.cssSelector("#m" + id + "[data-version]"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector("#m" + replyId + " .chat-reply-to")).getText())
                .isEqualTo(liveQuote);
        assertThat(browser.findElement(By.cssSelector("#m" + id + " .chat-time time")).getText())
                .isEqualTo(liveTime).matches("\\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{2}:\\d{2} UTC");

        // A permalink lands on the message, highlighted.
        browser.get(http.base() + "/en/chat/m/" + id);
        wait.until(ExpectedConditions.attributeContains(By.id("m" + id), "class", "chat-target"));

        // The reader's chats page: the room is listed; the header counts what is unread, live.
        browser.get(http.base() + "/account/chats");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("chat-unread")));
        assertThat(browser.findElement(By.cssSelector("#chat-rooms > li h2 a")).getText())
                .isEqualTo(article.headline());
        // what the reader left unread (the last message, if the page was left before it marked it read)
        wait.until(d -> !d.findElement(By.id("chat-unread")).getDomProperty("textContent").isEmpty());
        int before = Integer.parseInt(browser.findElement(By.id("chat-unread")).getDomProperty("textContent"));
        assertThat(post(client, token, article, "Are you still there?").statusCode()).isEqualTo(201);
        String after = String.valueOf(before + 1);
        wait.until(ExpectedConditions.textToBe(By.id("chat-unread"), after));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#chat-rooms > li .unread-count"), after));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#chat-rooms > li .chat-room-last"),
                "Are you still there?"));

        // Reading the room lowers the count again.
        browser.get(http.base() + article.path());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chat-messages"), "Are you still there?"));
        wait.until(d -> !d.findElement(By.id("chat-unread")).isDisplayed());
    }

    private HttpResponse<String> post(HttpClient client, String token, ArticleSummary article, String body)
            throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/chats/articles/" + article.id() + "/messages"))
                .header("Content-Type", "application/json").header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"body\":\"" + body + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static final String PASSWORD = "a-long-browser-passphrase-42";

    private String account(String name) {
        return Browsers.readerAccount(jdbc, encoder, name, PASSWORD);
    }

    private HttpClient loggedIn(String email) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager(null,
                java.net.CookiePolicy.ACCEPT_ALL)).followRedirects(HttpClient.Redirect.NEVER).build();
        String base = "http://localhost:" + port;
        String page = client.send(HttpRequest.newBuilder(URI.create(base + "/account/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String token = org.jsoup.Jsoup.parse(page).select("form[action=/account/login] input[name=_csrf]").attr("value");
        client.send(HttpRequest.newBuilder(URI.create(base + "/account/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                        + "&password=" + PASSWORD + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        return client;
    }

    private String csrf(HttpClient client) throws Exception {
        String me = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/chats/me"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        return org.jsoup.parser.Parser.unescapeEntities(me.replaceAll(".*\"csrfToken\":\"([^\"]+)\".*", "$1"), false);
    }
}
