package org.dateline.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.dateline.content.ContentQueries;
import org.dateline.testing.Http;
import org.dateline.testing.IntegrationTest;
import org.dateline.testing.StoriesWithPictures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In real headless Chromium, on a phone's width and a laptop's: the pictures of an article, the home page and a
 * section page load, keep inside their column and move nothing while they arrive (no layout shift). Screenshots
 * go to {@code target/screenshots/pictures} for people to look at.
 */
@IntegrationTest
@Tag("browser")
class PicturesInBrowserIT {

    static final List<Integer> WIDTHS = List.of(390, 1366);
    static final Path SHOTS = Path.of("target", "screenshots", "pictures");

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ContentQueries content;
    ChromeDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void picturesLoadFitTheirColumnAndMoveNothingOnAPhoneAndALaptop() throws Exception {
        Http http = new Http(port);
        StoriesWithPictures stories = new StoriesWithPictures(http, json, jdbc);
        String en = article(stories, "en", "world", "Cargo ships return to the northern port",
                "The first ships of the season are unloading at the quay.", "Photo story: the northern port");
        String ru = article(stories, "ru", "russia", "Грузовые суда вернулись в северный порт",
                "Первые суда сезона разгружаются у причала.", "Фоторепортаж: северный порт");
        browser = Browsers.start();
        Files.createDirectories(SHOTS);
        Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put("en-article", en);
        pages.put("en-home", "/en/");
        pages.put("en-section", "/en/world/");
        pages.put("ru-article", ru);
        pages.put("ru-home", "/ru/");
        pages.put("ru-section", "/ru/russia/");
        for (int width : WIDTHS) {
            for (Map.Entry<String, String> page : pages.entrySet()) {
                look(http.base() + page.getValue(), page.getKey() + "-" + width, width);
            }
        }
    }

    private String article(StoriesWithPictures stories, String edition, String section, String headline,
                           String caption, String otherHeadline) {
        long lead = stories.picture(2400, 1600, Map.of("caption", caption, "altText", headline,
                "byline", "Anna Petrova", "credit", "Dateline")).get("id").asLong();
        long figure = stories.picture(1200, 1500, Map.of("caption", caption, "altText", "A crane",
                "credit", "Dateline")).get("id").asLong();
        long other = stories.picture(1800, 1200, Map.of("altText", "A harbour")).get("id").asLong();
        stories.publish(edition, section, otherHeadline, other, "Text of the other story.");
        long id = stories.publish(edition, section, headline, lead,
                "The first ships of the season reached the port on Monday, a week earlier than last year.",
                "![](picture:" + figure + ")",
                "Dock workers said the quays had been cleared of ice in record time.");
        return content.article(id).orElseThrow().path();
    }

    /** Loads the page at the width, checks its pictures, then takes the page whole with every picture in view. */
    private void look(String url, String name, int width) throws Exception {
        browser.manage().window().setSize(new Dimension(width, 900));
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", 900,
                "deviceScaleFactor", 1, "mobile", width < 500));
        browser.get(url);
        // Layout shifts observed from the start, buffered: the newsfeed's open stream means no network idle.
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(d -> "complete".equals(browser.executeScript("return document.readyState")));
        browser.executeScript("""
                window.__shift = 0; window.__moved = [];
                new PerformanceObserver(list => { for (const e of list.getEntries()) {
                  if (e.hadRecentInput) continue;
                  window.__shift += e.value;
                  for (const s of e.sources || []) {
                    const n = s.node;
                    window.__moved.push(n ? (n.nodeName + '.' + (n.className || '') + '#' + (n.id || '')
                      + ' ' + (n.textContent || '').slice(0, 40)) : '?');
                  } } }).observe({type: 'layout-shift', buffered: true});
                """);
        Number height = (Number) browser.executeScript("return document.documentElement.scrollHeight");
        int tall = Math.min(height.intValue(), 6000);
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", tall,
                "deviceScaleFactor", 1, "mobile", width < 500));
        wait.until(d -> Boolean.TRUE.equals(browser.executeScript("""
                return [...document.images].filter(i => i.getBoundingClientRect().top < innerHeight)
                  .every(i => i.complete && i.naturalWidth > 0);""")));
        Thread.sleep(300); // a frame or two for the last paint

        Number shift = (Number) browser.executeScript("return window.__shift");
        assertThat(shift.doubleValue()).as(name + ": cumulative layout shift, moved "
                + browser.executeScript("return window.__moved")).isLessThan(0.01);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> images = (List<Map<String, Object>>) browser.executeScript("""
                return [...document.querySelectorAll('main img')].filter(i => i.getBoundingClientRect().top < innerHeight)
                  .map(i => ({src: i.currentSrc, w: i.naturalWidth,
                  right: i.getBoundingClientRect().right, column: i.closest('main').getBoundingClientRect().right}));""");
        assertThat(images).as(name + ": pictures on the page").isNotEmpty();
        for (Map<String, Object> image : images) {
            assertThat(((Number) image.get("w")).intValue()).as(name + " " + image.get("src")).isPositive();
            assertThat(((Number) image.get("right")).doubleValue())
                    .as(name + ": " + image.get("src") + " inside its column")
                    .isLessThanOrEqualTo(((Number) image.get("column")).doubleValue() + 0.5);
        }
        Files.write(SHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }
}
