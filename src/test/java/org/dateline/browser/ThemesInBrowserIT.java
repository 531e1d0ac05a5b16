package org.dateline.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.dateline.content.ContentQueries;
import org.dateline.testing.Http;
import org.dateline.testing.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In real headless Chromium, light and dark as the reader's system asks ({@code prefers-color-scheme}), at a phone's
 * and a laptop's width, in English and Russian: the page takes the theme's background, its texts keep AA contrast
 * against what is behind them, nothing is wider than the screen, pictures are drawn as they are. Screenshots of each
 * go to {@code target/screenshots/themes}.
 */
@IntegrationTest
@Tag("browser")
class ThemesInBrowserIT {

    /** The contrast of each text against the first opaque background behind it, for those below 4.5:1. */
    private static final String LOW_CONTRAST = """
            function rgb(c) { var m = c.match(/[\\d.]+/g); return m ? m.map(Number) : null; }
            function lum(c) { return 0.2126 * ch(c[0]) + 0.7152 * ch(c[1]) + 0.0722 * ch(c[2]); }
            function ch(v) { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }
            function behind(e) {
              for (; e; e = e.parentElement) {
                var b = rgb(getComputedStyle(e).backgroundColor);
                if (b && (b.length < 4 || b[3] === 1)) { return b; }
              }
              return [255, 255, 255];
            }
            var low = [];
            document.querySelectorAll(arguments[0]).forEach(function (e) {
              if (!e.getClientRects().length || !e.textContent.trim()) { return; }
              var f = lum(rgb(getComputedStyle(e).color)), b = lum(behind(e));
              var ratio = (Math.max(f, b) + 0.05) / (Math.min(f, b) + 0.05);
              if (ratio < 4.5) { low.push(e.tagName + '.' + e.className + ' "' + e.textContent.trim().slice(0, 30) + '" ' + ratio.toFixed(2)); }
            });
            return low;""";
    private static final String TEXTS = "h1, h2, p, li, a, time, button, label, summary, .newsfeed-count";

    @LocalServerPort
    int port;
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
    void pagesFollowTheReadersLightOrDarkSettingWithReadableTextAtEveryWidth() throws Exception {
        String article = content.latest("ru", null, 1).get(0).path();
        List<String> paths = List.of("/en/about", "/ru/privacy", "/ru/", article, "/en/search?q=survey");
        Path shots = Files.createDirectories(Path.of("target", "screenshots", "themes"));
        browser = Browsers.start();
        List<String> problems = new ArrayList<>();
        for (String scheme : List.of("light", "dark")) {
            browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                    List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
            for (int width : new int[] {390, 1366}) {
                browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", 900,
                        "deviceScaleFactor", 1, "mobile", width < 500));
                for (String path : paths) {
                    browser.get(new Http(port).base() + path);
                    String where = scheme + " " + width + " " + path + ": ";
                    String background = (String) browser.executeScript(
                            "return getComputedStyle(document.body).backgroundColor");
                    assertThat(background).as(where + "background")
                            .isEqualTo(scheme.equals("dark") ? "rgb(18, 18, 18)" : "rgb(255, 255, 255)");
                    assertThat(browser.executeScript("return getComputedStyle(document.documentElement).colorScheme"))
                            .as(where + "form controls and scrollbars follow").isEqualTo("light dark");
                    @SuppressWarnings("unchecked")
                    List<String> low = (List<String>) browser.executeScript(LOW_CONTRAST, TEXTS);
                    low.forEach(text -> problems.add(where + text));
                    Number overflow = (Number) browser.executeScript(
                            "return document.documentElement.scrollWidth - window.innerWidth");
                    assertThat(overflow.intValue()).as(where + "wider than the screen by").isLessThanOrEqualTo(0);
                    assertThat(browser.executeScript("""
                            return Array.from(document.images).map(i => getComputedStyle(i).filter + getComputedStyle(i).opacity)
                                .filter(s => s !== 'none1')""")).as(where + "pictures as they are").asList().isEmpty();
                    Files.write(shots.resolve(path.replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "") + "-"
                            + width + "-" + scheme + ".png"), browser.getScreenshotAs(OutputType.BYTES));
                }
            }
        }
        assertThat(problems).isEmpty();
    }
}
