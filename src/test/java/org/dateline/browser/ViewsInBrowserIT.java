package org.dateline.browser;

import java.time.Duration;
import java.util.List;

import org.dateline.content.Article;
import org.dateline.content.ContentQueries;
import org.dateline.readership.ArticleViews;
import org.dateline.testing.Http;
import org.dateline.testing.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** In real headless Chromium: an article page counts its view once and shows the total, as does a spliced one. */
@IntegrationTest
@Tag("browser")
class ViewsInBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    ContentQueries content;
    @Autowired
    ArticleViews views;
    ChromeDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theArticlePageCountsItsReaderOnceAndShowsTheTotalInItsLanguage() throws Exception {
        Article article = content.article(content.latest("ru", null, 30).get(20).id()).orElseThrow();
        Article next = content.article(content.nextInSection(article).orElseThrow().id()).orElseThrow();
        long before = views.total(article.id()).orElseThrow();
        long nextBefore = views.total(next.id()).orElseThrow();
        browser = Browsers.start();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));

        browser.get(new Http(port).base() + article.path());
        String shown = "Просмотры: " + (before + 1);
        wait.until(d -> shown.equals(firstViews(d.findElements(By.cssSelector("article.article .views")))));
        assertThat(views.total(article.id())).contains(before + 1);

        browser.navigate().refresh(); // the same reader again today: shown, not counted
        wait.until(d -> shown.equals(firstViews(d.findElements(By.cssSelector("article.article .views")))));
        assertThat(views.total(article.id())).contains(before + 1);

        // the loader brings the next article (perhaps at once, under a short one): it counts once and shows its total
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, document.body.scrollHeight)");
        wait.until(d -> d.findElements(By.cssSelector("article.article")).size() >= 2);
        WebElement spliced = browser.findElements(By.cssSelector("article.article")).get(1);
        wait.until(d -> spliced.findElement(By.cssSelector(".views")).isDisplayed());
        assertThat(spliced.findElement(By.cssSelector(".views")).getText()).isEqualTo("Просмотры: " + (nextBefore + 1));
        assertThat(views.total(next.id())).contains(nextBefore + 1);
    }

    private static String firstViews(List<WebElement> found) {
        return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0).getText();
    }
}
