package org.dateline.browser;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import org.dateline.identity.Accounts;
import org.dateline.identity.Role;
import org.dateline.newsroom.PublishStory;
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
    PublishStory releases;
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

        Browsers.staffLogin(browser, http.base(), email, "start-Password-123");
        wait.until(ExpectedConditions.urlMatches(".*/newsroom$"));

        String headline = "Scheduled in the browser " + System.nanoTime();
        Browsers.writeDraft(browser, wait, "science", headline,
                "A story written and scheduled in the newsroom editor.", "BERLIN", "First paragraph.\n\nSecond paragraph.");

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
