package org.dateline.browser;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.dateline.identity.Accounts;
import org.dateline.identity.Role;
import org.dateline.livefeed.NewsfeedStreams;
import org.dateline.testing.DatelineTestContext;
import org.dateline.testing.Http;
import org.dateline.testing.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In real headless Chromium: an open live coverage page takes a posted entry at the top of its entries within a few
 * seconds, without a reload, then its correction and its deletion; on a phone and on a laptop, in both editions.
 */
@IntegrationTest
@Tag("browser")
class LiveCoverageInBrowserIT {

    static final String TOKEN = DatelineTestContext.ADMIN_TOKEN;

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    Accounts accounts;
    @Autowired
    NewsfeedStreams streams;
    ChromeDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anOpenLivePageReceivesPostedCorrectedAndDeletedEntriesWithoutReload() throws Exception {
        Http http = new Http(port);
        browser = Browsers.start();
        for (String edition : new String[] {"en", "ru"}) {
            for (int width : new int[] {390, 1366}) {
                long story = liveStory(http, edition, width);
                long older = entry(http, story, "The first update, on the page before it opened.");
                String path = URI.create(json.readTree(http.send("GET", "/api/admin/articles/" + story, "", TOKEN)
                        .body()).get("url").asString()).getPath();
                browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width,
                        "height", width == 390 ? 844 : 900, "deviceScaleFactor", 1, "mobile", width == 390));
                browser.manage().window().setSize(new Dimension(width, width == 390 ? 844 : 900));
                browser.get(http.base() + path);
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(5));
                wait.ignoring(StaleElementReferenceException.class); // a correction replaces the entry's element
                wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                        "return document.readyState === 'complete'")));
                Thread.sleep(500); // EventSource connects after load
                assertThat(browser.findElement(By.cssSelector(".live-badge")).getText())
                        .isEqualToIgnoringCase(edition.equals("en") ? "Live" : "Онлайн");
                long marker = System.nanoTime();

                long posted = entry(http, story, "Posted while the page is open " + marker);
                WebElement shown = wait.until(d -> d.findElements(By.id("entry-" + posted)).stream().findFirst()
                        .orElse(null));
                assertThat(browser.findElement(By.cssSelector(".live-entry-list > li:first-child")).getAttribute("id"))
                        .isEqualTo("entry-" + posted);
                assertThat(shown.findElement(By.cssSelector(".live-entry-text")).getText())
                        .isEqualTo("Posted while the page is open " + marker);
                assertThat(shown.findElement(By.cssSelector(".live-entry-link a")).getAttribute("rel"))
                        .isEqualTo("nofollow noopener");
                assertThat(shown.findElement(By.cssSelector("a.live-entry-time")).getSize().getHeight())
                        .isGreaterThanOrEqualTo(44);
                screenshot("live-" + edition + "-" + width);

                http.send("PUT", "/api/admin/articles/" + story + "/entries/" + posted,
                        "{\"text\":\"Corrected while open " + marker + "\"}", TOKEN);
                wait.until(d -> d.findElement(By.cssSelector("#entry-" + posted + " .live-entry-text")).getText()
                        .equals("Corrected while open " + marker));
                assertThat(browser.findElements(By.cssSelector("#entry-" + posted + " .live-entry-updated")))
                        .hasSize(1);

                http.send("DELETE", "/api/admin/articles/" + story + "/entries/" + posted, "", TOKEN);
                wait.until(d -> d.findElements(By.id("entry-" + posted)).isEmpty());
                assertThat(browser.findElements(By.id("entry-" + older))).hasSize(1);
            }
        }
    }

    @Test
    void aLivePageThatLostItsStreamCatchesUpOnWhatWasPostedCorrectedAndDeletedMeanwhile() throws Exception {
        Http http = new Http(port);
        long story = liveStory(http, "en", 1366);
        long corrected = entry(http, story, "An entry corrected while the reader is offline.");
        long deleted = entry(http, story, "An entry deleted while the reader is offline.");
        String path = URI.create(json.readTree(http.send("GET", "/api/admin/articles/" + story, "", TOKEN).body())
                .get("url").asString()).getPath();
        browser = Browsers.start();
        browser.get(http.base() + path);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(5));
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return document.readyState === 'complete'")));
        browser.executeScript("window.reopened = 0;"
                + "document.addEventListener('newsfeed:reopened', () => { window.reopened += 1; });");
        Thread.sleep(500); // EventSource connects after load

        // The connection drops (the node ends its streams, as before it stops) and the reader's network goes away
        // before the browser's next try (the stream asks for 3 s): the stream's events of the meantime are lost.
        streams.stop();
        streams.start();
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", true, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
        Thread.sleep(500);
        long posted = entry(http, story, "Posted while the reader is offline.");
        http.send("PUT", "/api/admin/articles/" + story + "/entries/" + corrected,
                "{\"text\":\"Corrected while the reader is offline.\"}", TOKEN);
        http.send("DELETE", "/api/admin/articles/" + story + "/entries/" + deleted, "", TOKEN);
        Thread.sleep(500);
        assertThat(browser.findElements(By.id("entry-" + posted))).as("the stream was really down").isEmpty();

        browser.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
        // EventSource reconnects after the stream's retry hint (3 s); the page then reads itself again.
        WebDriverWait reconnect = new WebDriverWait(browser, Duration.ofSeconds(15));
        reconnect.ignoring(StaleElementReferenceException.class);
        reconnect.until(d -> !d.findElements(By.id("entry-" + posted)).isEmpty()
                && d.findElements(By.id("entry-" + deleted)).isEmpty());
        assertThat(((Number) browser.executeScript("return window.reopened")).intValue()).isPositive();
        assertThat(browser.findElement(By.cssSelector(".live-entry-list > li:first-child")).getAttribute("id"))
                .isEqualTo("entry-" + posted);
        assertThat(browser.findElement(By.cssSelector("#entry-" + posted)).getAttribute("class")).contains("new");
        assertThat(browser.findElement(By.cssSelector("#entry-" + corrected + " .live-entry-text")).getText())
                .isEqualTo("Corrected while the reader is offline.");
        assertThat(browser.findElements(By.cssSelector("#entry-" + corrected + " .live-entry-updated"))).hasSize(1);

        // Back on line, the stream carries the next entry as before.
        long after = entry(http, story, "Posted after the reconnect.");
        wait.until(d -> !d.findElements(By.id("entry-" + after)).isEmpty());
    }

    @Test
    void anEditorPostsAnEntryFromTheStorysNewsroomPageAndTheDeleteAsksFirst() throws Exception {
        Http http = new Http(port);
        long story = liveStory(http, "en", 0);
        entry(http, story, "An earlier entry, posted through the API.");
        String email = "live-desk-" + System.nanoTime() + "@dateline.test";
        accounts.createStaff(email, "Desk Editor", Role.EDITOR, "start-Password-123", false);
        browser = Browsers.start();
        Browsers.staffLogin(browser, http.base(), email, "start-Password-123");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(5));
        wait.until(d -> d.getCurrentUrl().endsWith("/newsroom"));
        for (int width : new int[] {1366, 390}) {
            browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width,
                    "height", width == 390 ? 844 : 900, "deviceScaleFactor", 1, "mobile", width == 390));
            browser.get(http.base() + "/newsroom/stories/" + story + "/entries");
            String text = "Posted from the desk at " + width + " px";
            browser.findElement(By.id("entry-text")).sendKeys(text);
            browser.findElement(By.id("entry-link")).sendKeys("https://example.org/desk");
            browser.findElement(By.cssSelector(".live-post button[type=submit]")).click();
            wait.until(d -> d.getCurrentUrl().endsWith("?done=posted"));
            WebElement first = browser.findElement(By.cssSelector(".live-desk-entries > li:first-child"));
            assertThat(first.findElement(By.cssSelector(".live-desk-text")).getText()).isEqualTo(text);
            first.findElement(By.cssSelector(".live-desk-delete summary")).click();
            WebElement delete = first.findElement(By.cssSelector(".live-desk-delete button.danger"));
            assertThat(delete.getCssValue("background-color")).isEqualTo("rgba(179, 18, 27, 1)");
            screenshot("live-desk-" + width);
        }
    }

    private long liveStory(Http http, String edition, int width) {
        String section = edition.equals("en") ? "world" : "economy";
        String headline = (edition.equals("en") ? "Live: storm reaches the coast " : "Онлайн: шторм у побережья ")
                + width + " " + System.nanoTime();
        var published = http.postJson("/api/admin/articles", Http.article(edition, section, headline), TOKEN);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
        long id = json.readTree(published.body()).get("id").asLong();
        assertThat(http.send("PUT", "/api/admin/articles/" + id + "/live-coverage", "{\"liveCoverage\":true}", TOKEN)
                .statusCode()).isEqualTo(200);
        return id;
    }

    private long entry(Http http, long story, String text) {
        var posted = http.send("POST", "/api/admin/articles/" + story + "/entries",
                "{\"text\":\"" + text + "\",\"link\":\"https://example.org/source\"}", TOKEN);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        return json.readTree(posted.body()).get("id").asLong();
    }

    /** For people to look at: target/screenshots. */
    private void screenshot(String name) throws Exception {
        Path folder = Path.of("target", "screenshots");
        Files.createDirectories(folder);
        Files.write(folder.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
