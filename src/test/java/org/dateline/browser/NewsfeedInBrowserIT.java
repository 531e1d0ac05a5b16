package org.dateline.browser;

import java.time.Duration;

import org.dateline.content.ArticleSummary;
import org.dateline.content.ContentQueries;
import org.dateline.testing.DatelineTestContext;
import org.dateline.testing.Http;
import org.dateline.testing.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** In real headless Chromium: the live newsfeed and the next-article loader. */
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
        assertThat(browser.findElement(By.cssSelector("#newsfeed-list li:first-child a")).getText()).isEqualTo(headline);
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
}
