package org.dateline.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In real headless Chromium, on a phone and a laptop, in both editions: a story marked breaking news shows in a bar
 * at the foot of an open page's screen (cached, and left so), a page loaded afterwards shows it too, the bar links to the
 * story, and it goes when the mark ends; the newsfeed's times stay on one line under their day's heading, also for
 * an item that arrives live.
 */
@IntegrationTest
@Tag("browser")
class BreakingBarInBrowserIT {

    /** Where the pictures of the run are kept, for a person to look at. */
    static final Path SHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    int port;
    ChromeDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void breakingBarAppearsOnOpenPagesLinksToTheStoryAndGoesWhenSwitchedOff() throws Exception {
        Http http = new Http(port);
        browser = Browsers.start();
        Files.createDirectories(SHOTS);
        for (String edition : new String[] {"en", "ru"}) {
            for (int width : new int[] {390, 1366}) {
                phoneOrLaptop(width);
                String home = "/" + edition + "/";
                browser.get(http.base() + home);
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
                WebElement bar = browser.findElement(By.id("breaking-bar"));
                assertThat(bar.isDisplayed()).isFalse();
                waitForStream(wait);

                String headline = (edition.equals("en") ? "Breaking in the browser " : "Срочно в браузере ")
                        + System.nanoTime();
                long id = publish(http, edition, headline);
                // The publish evicts the page once its change log entry is read (H2 polls): wait that out, then
                // let the page be cached again before the mark.
                Thread.sleep(1000);
                http.cachedHit(home);
                assertThat(http.send("PUT", "/api/admin/articles/" + id + "/breaking", "{\"breaking\":true}",
                        DatelineTestContext.ADMIN_TOKEN).statusCode()).isEqualTo(200);
                wait.until(d -> bar.isDisplayed());
                WebElement link = bar.findElement(By.tagName("a"));
                assertThat(link.getText()).isEqualTo(headline);
                assertThat(link.getAttribute("href")).contains("/" + id + "-");
                assertThat(bar.findElement(By.className("breaking-label")).getText())
                        .isEqualToIgnoringCase(edition.equals("en") ? "Breaking" : "Срочно");
                assertThat(bar.getRect().getX() + bar.getRect().getWidth()).isLessThanOrEqualTo(width);
                // At the foot of the screen, over the page: nothing the reader reads moves when it appears.
                assertThat(bar.getRect().getY() + bar.getRect().getHeight()).isEqualTo(((Number) browser
                        .executeScript("return window.innerHeight")).intValue());
                assertThat(link.getSize().getHeight()).isGreaterThanOrEqualTo(44);
                // The live item went under today's heading; every time in the panel is one line.
                assertThat(browser.findElement(By.cssSelector("#newsfeed-list li:first-child")).getAttribute("class"))
                        .contains("newsfeed-day");
                assertThat(browser.findElement(By.cssSelector("#newsfeed-list li:not(.newsfeed-day) a")).getText())
                        .isEqualTo(headline);
                assertOneLineTimes();
                shoot(edition + "-" + width + "-breaking.png");
                browser.executeScript("document.getElementById('newsfeed').scrollIntoView()");
                shoot(edition + "-" + width + "-newsfeed.png");
                browser.executeScript("window.scrollTo(0, 0)");
                assertThat(http.get(home).headers().firstValue("X-Cache")).contains("hit");

                // A page loaded now, from the cache, learns the bar from its stream's opening.
                browser.navigate().refresh();
                WebElement again = browser.findElement(By.id("breaking-bar"));
                wait.until(d -> again.isDisplayed());
                assertThat(again.findElement(By.tagName("a")).getText()).isEqualTo(headline);
                waitForStream(wait);

                assertThat(http.send("PUT", "/api/admin/articles/" + id + "/breaking", "{\"breaking\":false}",
                        DatelineTestContext.ADMIN_TOKEN).statusCode()).isEqualTo(200);
                wait.until(d -> !again.isDisplayed());
                shoot(edition + "-" + width + "-after.png");
            }
        }
    }

    private void phoneOrLaptop(int width) {
        if (width < 600) {
            browser.manage().window().setSize(new Dimension(width, 844));
            browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", 844,
                    "deviceScaleFactor", 1, "mobile", true));
        } else {
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            browser.manage().window().setSize(new Dimension(width, 900));
        }
    }

    /** The page's scripts ran and its stream had its moment to open. */
    private static void waitForStream(WebDriverWait wait) throws InterruptedException {
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return document.readyState === 'complete'")));
        Thread.sleep(500);
    }

    /** Each time's text lies in one line box: no "6 / Dec, / 23:54". */
    private void assertOneLineTimes() {
        for (WebElement time : browser.findElements(By.cssSelector("#newsfeed-list li:not(.newsfeed-day) time"))) {
            Number lines = (Number) browser.executeScript("const r = document.createRange();"
                    + " r.selectNodeContents(arguments[0]); return r.getClientRects().length;", time);
            assertThat(lines.intValue()).as(time.getText()).isEqualTo(1);
        }
    }

    private void shoot(String name) throws Exception {
        Files.write(SHOTS.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
    }

    private static long publish(Http http, String edition, String headline) {
        var created = http.postJson("/api/admin/articles", Http.article(edition, "economy", headline),
                DatelineTestContext.ADMIN_TOKEN);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Long.parseLong(created.body().replaceAll("(?s)^\\{\"id\":(\\d+).*", "$1"));
    }
}
