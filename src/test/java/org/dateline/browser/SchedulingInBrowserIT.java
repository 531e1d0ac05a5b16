package org.dateline.browser;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import org.dateline.identity.Accounts;
import org.dateline.identity.Role;
import org.dateline.newsroom.ReleaseArticle;
import org.dateline.testing.Http;
import org.dateline.testing.IntegrationTest;
import org.dateline.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In real headless Chromium: an editor logs in, writes a story as a draft, schedules it, and readers see it on the
 * public site when its time comes (the clock is moved, not waited for), not before.
 */
@IntegrationTest
@Tag("browser")
@Import(SchedulingInBrowserIT.Clocks.class)
class SchedulingInBrowserIT {

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(Instant.now());
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    MutableClock clock;
    @Autowired
    ReleaseArticle releases;
    ChromeDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void editorSchedulesAStoryThatAppearsWhenItsTimeComes() throws Exception {
        String email = "scheduler-" + System.nanoTime() + "@dateline.test";
        accounts.createStaff(email, "Sam Scheduler", Role.EDITOR, "start-Password-123", false);
        Http http = new Http(port);
        browser = Browsers.start();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));

        browser.get(http.base() + "/login");
        browser.findElement(By.name("username")).sendKeys(email);
        browser.findElement(By.name("password")).sendKeys("start-Password-123");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlMatches(".*/newsroom$"));

        browser.findElement(By.linkText("Write a new story")).click();
        String headline = "Scheduled in the browser " + System.nanoTime();
        new Select(browser.findElement(By.id("section"))).selectByValue("science");
        browser.findElement(By.id("headline")).sendKeys(headline);
        browser.findElement(By.id("lead")).sendKeys("A story written and scheduled in the newsroom editor.");
        browser.findElement(By.id("datelinePlace")).sendKeys("BERLIN");
        browser.findElement(By.id("credit")).sendKeys("Dateline");
        browser.findElement(By.id("body")).sendKeys("First paragraph.\n\nSecond paragraph.");
        browser.findElement(By.cssSelector("input[name=when][value=draft]")).click();
        browser.findElement(By.cssSelector("form.story-form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("?done=created"));

        // Schedule it an hour ahead (the newsroom works in UTC).
        String at = clock.instant().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES)
                .atOffset(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
        WebElement when = browser.findElement(By.id("publishAt"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", when, at);
        browser.findElement(By.cssSelector("button[value=schedule]")).click();
        wait.until(ExpectedConditions.urlContains("?done=schedule"));
        assertThat(browser.findElement(By.cssSelector(".story-meta")).getText()).contains("scheduled");

        // Not before its time.
        clock.advance(Duration.ofMinutes(30));
        releases.releaseDue();
        browser.get(http.base() + "/en/science/");
        assertThat(browser.getPageSource()).doesNotContain(headline);

        // Its time comes: readers see it.
        clock.advance(Duration.ofMinutes(31));
        releases.releaseDue();
        browser.get(http.base() + "/en/science/");
        wait.until(d -> {
            d.navigate().refresh();
            return d.getPageSource().contains(headline);
        });
        browser.findElement(By.linkText(headline)).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), headline));
    }
}
