package org.dateline.browser;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.dateline.content.ArticleSummary;
import org.dateline.content.ContentQueries;
import org.dateline.testing.DatelineTestContext;
import org.dateline.testing.Http;
import org.dateline.testing.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** In real headless Chromium: the live newsfeed, the next-article loader, and the header on a phone. */
@IntegrationTest
@Tag("browser")
class NewsfeedInBrowserIT {

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
    void publishedArticleAppearsInTheOpenPagesNewsfeedAndTheCounterGoesToOne() throws Exception {
        Http http = new Http(port);
        ArticleSummary seed = content.allById(0, 1).get(0);
        browser = Browsers.start();
        browser.get(http.base() + seed.path());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        assertThat(browser.findElement(By.id("newsfeed-count")).getText()).isEqualTo("0");
        // The stream is open once the script has connected; give EventSource its moment.
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return document.readyState === 'complete'")));
        Thread.sleep(500);

        String headline = "Live in the browser " + System.nanoTime();
        assertThat(http.postJson("/api/admin/articles", Http.article("en", "science", headline),
                DatelineTestContext.ADMIN_TOKEN).statusCode()).isEqualTo(201);

        wait.until(ExpectedConditions.textToBe(By.id("newsfeed-count"), "1"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("newsfeed-list"), headline));
        // Under the heading of its day, first of the items.
        assertThat(browser.findElement(By.cssSelector("#newsfeed-list li:first-child")).getAttribute("class"))
                .contains("newsfeed-day");
        assertThat(browser.findElement(By.cssSelector("#newsfeed-list li:not(.newsfeed-day) a")).getText())
                .isEqualTo(headline);
    }

    @Test
    void scrollingToTheEndLoadsTheNextArticleAndTheAddressFollows() throws Exception {
        Http http = new Http(port);
        var newest = content.article(content.latest("en", null, 1).get(0).id()).orElseThrow();
        String next = content.nextInSection(newest).orElseThrow().path();
        browser = Browsers.start();
        browser.get(http.base() + newest.path());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        JavascriptExecutor js = browser;
        js.executeScript("window.scrollTo(0, document.body.scrollHeight)");
        wait.until(d -> d.findElements(By.cssSelector("article.article")).size() >= 2);
        js.executeScript("document.querySelectorAll('article.article')[1].scrollIntoView()");
        wait.until(d -> d.getCurrentUrl().endsWith(next));
        assertThat(browser.getTitle()).isNotBlank();
    }

    @Test
    void onAPhoneTheSectionsAreAMenuThatOpensAndTheNewsfeedIsOneTapAway() throws Exception {
        Http http = new Http(port);
        browser = Browsers.start();
        for (String edition : new String[] {"en", "ru"}) {
            browser.manage().window().setSize(new Dimension(390, 844));
            browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 390, "height", 844,
                    "deviceScaleFactor", 1, "mobile", true));
            browser.get(http.base() + "/" + edition + "/");
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
            // No section link is cut off at the edge: the wide bar is not shown, the menu is closed.
            assertThat(browser.findElement(By.cssSelector(".public-sections")).isDisplayed()).isFalse();
            WebElement menu = browser.findElement(By.cssSelector(".section-menu summary"));
            assertThat(menu.getText()).isEqualTo(edition.equals("en") ? "Sections" : "Разделы");
            assertThat(menu.getSize().getHeight()).isGreaterThanOrEqualTo(44);
            List<WebElement> links = browser.findElements(By.cssSelector(".section-menu a"));
            assertThat(links).isNotEmpty().noneMatch(WebElement::isDisplayed);

            menu.click();
            wait.until(d -> links.stream().allMatch(WebElement::isDisplayed));
            for (WebElement link : links) {
                assertThat(link.getSize().getHeight()).isGreaterThanOrEqualTo(44);
                assertThat(link.getRect().getX() + link.getRect().getWidth()).isLessThanOrEqualTo(390);
            }
            String section = links.get(1).getAttribute("href");
            links.get(1).click();
            wait.until(d -> d.getCurrentUrl().equals(section));
            assertThat(browser.findElement(By.cssSelector(".section-menu a[aria-current=page]")).getAttribute("href"))
                    .isEqualTo(section);

            // The Newsfeed follows the page on a phone: the header's link goes to it.
            WebElement jump = browser.findElement(By.cssSelector(".newsfeed-jump"));
            assertThat(jump.getRect().getY()).isLessThan(200);
            jump.click();
            wait.until(d -> ((Number) ((JavascriptExecutor) d).executeScript(
                    "return document.getElementById('newsfeed').getBoundingClientRect().top")).doubleValue() < 10);

            // On a laptop the sections are one row again and the phone's bar is gone.
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            browser.manage().window().setSize(new Dimension(1366, 900));
            browser.get(http.base() + "/" + edition + "/");
            assertThat(browser.findElement(By.cssSelector(".public-sections")).isDisplayed()).isTrue();
            assertThat(browser.findElement(By.cssSelector(".phone-bar")).isDisplayed()).isFalse();
        }
    }
}
