package org.dateline.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.dateline.testing.DatelineTestContext;
import org.dateline.testing.Http;
import org.dateline.testing.IntegrationTest;
import org.dateline.testing.StoriesWithPictures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In real headless Chromium, the front page editors arranged: on a laptop the lead story large with its picture,
 * the secondary stories and section blocks beside the Newsfeed; on a phone one column that fits, the Newsfeed one
 * tap away, every link of the blocks a thumb's size. Screenshots of both widths in both editions are left in
 * {@code target/screenshots} for people to look at.
 */
@IntegrationTest
@Tag("browser")
class FrontPageInBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    ChromeDriver browser;
    Http http;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
        for (String edition : List.of("en", "ru")) {
            http.send("PUT", "/api/admin/editions/" + edition + "/front", "{}", DatelineTestContext.ADMIN_TOKEN);
        }
    }

    @Test
    void theArrangedFrontLeadsWithItsTopStoryOnALaptopAndFitsAPhone() throws Exception {
        http = new Http(port);
        StoriesWithPictures stories = new StoriesWithPictures(http, json, jdbc);
        long picture = stories.picture(1600, 900, Map.of("altText", "The harbour at dawn")).get("id").asLong();
        String marker = String.valueOf(System.nanoTime());
        long enTop = stories.publish("en", "economy", "Harbour reopens " + marker, picture, "Text.");
        long enPinned = stories.publish("en", "world", "Talks resume " + marker, null, "Text.");
        long ruTop = stories.publish("ru", "economy", "Порт снова открыт " + marker, picture, "Текст.");
        arrange("en", enTop, "The harbour is open again", enPinned);
        arrange("ru", ruTop, "Порт открыт", null);
        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);

        browser = Browsers.start();
        for (String edition : List.of("en", "ru")) {
            String shortHeadline = edition.equals("en") ? "The harbour is open again" : "Порт открыт";

            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            browser.manage().window().setSize(new Dimension(1366, 900));
            browser.get(http.base() + "/" + edition + "/");
            WebElement lead = browser.findElement(By.cssSelector(".front-lead .teaser"));
            assertThat(lead.findElement(By.tagName("h2")).getText()).isEqualTo(shortHeadline);
            WebElement leadPicture = lead.findElement(By.cssSelector(".teaser-picture img"));
            WebElement main = browser.findElement(By.id("main"));
            WebElement newsfeed = browser.findElement(By.id("newsfeed"));
            assertThat(leadPicture.getSize().getWidth()).as("the lead picture spans the column")
                    .isGreaterThan(main.getSize().getWidth() * 9 / 10);
            assertThat(newsfeed.getRect().getX()).as("the Newsfeed beside the front")
                    .isGreaterThanOrEqualTo(main.getRect().getX() + main.getSize().getWidth());
            assertThat(newsfeed.getRect().getY()).isLessThan(300);
            List<WebElement> secondary = browser.findElements(By.cssSelector(".front-secondary > li"));
            assertThat(secondary).hasSizeGreaterThanOrEqualTo(2);
            assertThat(secondary.get(0).getRect().getY()).as("two columns").isEqualTo(secondary.get(1).getRect().getY());
            if (edition.equals("en")) {
                assertThat(secondary.get(0).findElement(By.tagName("h2")).getText()).isEqualTo("Talks resume " + marker);
            }
            List<WebElement> blocks = browser.findElements(By.cssSelector(".front-section"));
            assertThat(blocks).hasSizeGreaterThanOrEqualTo(2);
            screenshot(shots.resolve("front-" + edition + "-1366.png"));

            browser.manage().window().setSize(new Dimension(390, 844));
            browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 390, "height", 844,
                    "deviceScaleFactor", 1, "mobile", true));
            browser.get(http.base() + "/" + edition + "/");
            assertThat(((Number) browser.executeScript("return document.documentElement.scrollWidth")).intValue())
                    .as("nothing wider than the phone").isLessThanOrEqualTo(390);
            lead = browser.findElement(By.cssSelector(".front-lead .teaser"));
            assertThat(lead.getRect().getY()).as("the lead story comes first").isLessThan(300);
            WebElement jump = browser.findElement(By.cssSelector(".newsfeed-jump"));
            assertThat(jump.getRect().getY()).as("the Newsfeed one tap away").isLessThan(200);
            assertThat(jump.getSize().getHeight()).isGreaterThanOrEqualTo(44);
            for (WebElement link : browser.findElements(By.cssSelector(
                    ".front-section h2 a, .front-section-list a, .front-section-more, .front .more"))) {
                assertThat(link.getSize().getHeight()).as(link.getText()).isGreaterThanOrEqualTo(44);
                assertThat(link.getRect().getX() + link.getSize().getWidth()).isLessThanOrEqualTo(390);
            }
            for (WebElement teaser : browser.findElements(By.cssSelector(".front .teaser"))) {
                assertThat(teaser.getRect().getX() + teaser.getSize().getWidth()).isLessThanOrEqualTo(390);
            }
            screenshot(shots.resolve("front-" + edition + "-390.png"));
        }
    }

    private void arrange(String edition, long top, String headline, Long pinned) {
        String body = "{\"top\":{\"id\":" + top + ",\"frontHeadline\":\"" + headline + "\"}"
                + (pinned == null ? "" : ",\"pinned\":[{\"id\":" + pinned + "}]") + ",\"sections\":[\"world\"]}";
        var response = http.send("PUT", "/api/admin/editions/" + edition + "/front", body,
                DatelineTestContext.ADMIN_TOKEN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /** The whole page, not only what the window shows. */
    private void screenshot(Path file) throws Exception {
        Number width = (Number) browser.executeScript("return document.documentElement.scrollWidth");
        Number height = (Number) browser.executeScript("return document.documentElement.scrollHeight");
        Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", width, "height",
                        Math.min(height.intValue(), 4000), "scale", 1)));
        Files.write(file, java.util.Base64.getDecoder().decode((String) shot.get("data")));
    }
}
