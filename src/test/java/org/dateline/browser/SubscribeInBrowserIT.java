package org.dateline.browser;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.dateline.content.Article;
import org.dateline.content.ContentQueries;
import org.dateline.testing.Http;
import org.dateline.testing.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In real headless Chromium, on a phone-sized screen: the Subscribe button under an article's headline opens its form,
 * every target at least 44 pixels high; a visitor's post from the cached page passes (the browser says it comes from
 * this site) and waits for the confirmation; a logged-in reader sees no address field and subscribes in one click.
 * The edition's subscribe page is one form of boxes in one column that follows what is checked.
 */
@IntegrationTest
@Tag("browser")
class SubscribeInBrowserIT {

    static final String PASSWORD = "browser-Subscriber-77";

    @LocalServerPort
    int port;
    @Autowired
    ContentQueries content;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;
    ChromeDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void visitorsAndReadersSubscribeUnderTheHeadline() throws Exception {
        Article article = content.article(content.latest("en", null, 10).get(3).id()).orElseThrow();
        String base = new Http(port).base();
        WebDriverWait wait = phone();

        browser.get(base + article.path());
        WebElement button = browser.findElement(By.cssSelector("article h1 + details.alerts-subscribe summary"));
        assertThat(button.getText()).isEqualTo("Subscribe");
        assertThat(button.getSize().getHeight()).isGreaterThanOrEqualTo(44);
        WebElement closed = browser.findElement(By.cssSelector("form[data-alerts-form] input[name=email]"));
        assertThat(closed.isDisplayed()).isFalse();
        button.click();
        wait.until(d -> closed.isDisplayed());
        assertTargetsFitThePhone();
        // push.js offers browser notifications where the browser can receive them, as Chromium can.
        assertThat(browser.findElement(By.cssSelector("[data-push-option]")).isDisplayed()).isTrue();

        browser.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "Asia/Tokyo"));
        browser.navigate().refresh();
        browser.findElement(By.cssSelector("details.alerts-subscribe summary")).click();
        wait.until(d -> d.findElement(By.cssSelector("form[data-alerts-form] input[name=email]")).isDisplayed());
        WebElement email = browser.findElement(By.cssSelector("form[data-alerts-form] input[name=email]"));
        browser.findElement(By.cssSelector("form[data-alerts-form] input[name=delivery][value=DIGEST]")).click();
        String address = "browser-visitor-" + System.nanoTime() + "@readers.test";
        email.sendKeys(address);
        browser.findElement(By.cssSelector("form[data-alerts-form] button[type=submit]")).click();
        wait.until(d -> d.findElement(By.tagName("h1")).getText().equals("Check your mail"));
        assertThat(jdbc.sql("""
                SELECT s.ended_why FROM subscriptions s JOIN subscribers r ON r.id = s.subscriber_id
                WHERE r.email = ? AND s.topic = 'STORY' AND s.target_id = ?""").params(address, article.id())
                .query(String.class).single()).isEqualTo("pending");
        assertThat(jdbc.sql("SELECT time_zone FROM subscribers WHERE email = ?").params(address).query(String.class)
                .single()).as("the browser's zone, not the edition's").isEqualTo("Asia/Tokyo");

        String reader = Browsers.readerAccount(jdbc, encoder, "Browser Subscriber", PASSWORD);
        browser.get(base + "/account/login");
        browser.findElement(By.name("email")).sendKeys(reader);
        browser.findElement(By.name("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form[action='/account/login'] [type=submit]")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/account/login"));
        browser.get(base + article.path());
        wait.until(d -> !d.findElements(By.cssSelector(".account-me")).isEmpty());
        browser.findElement(By.cssSelector("details.alerts-subscribe summary")).click();
        WebElement submit = browser.findElement(By.cssSelector("form[data-alerts-form] button[type=submit]"));
        wait.until(d -> submit.isDisplayed());
        assertThat(browser.findElement(By.cssSelector("form[data-alerts-form] input[name=email]")).isDisplayed())
                .isFalse();
        submit.click();
        wait.until(d -> d.findElement(By.tagName("h1")).getText().equals("You are subscribed"));
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM subscriptions s JOIN subscribers r ON r.id = s.subscriber_id
                JOIN accounts a ON a.id = r.account_id
                WHERE a.email = ? AND s.topic = 'STORY' AND s.target_id = ? AND s.ended_at IS NULL""")
                .params(reader, article.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theEditionsOneFormFollowsWhatIsCheckedOnAPhone() throws Exception {
        String base = new Http(port).base();
        WebDriverWait wait = phone();
        browser.get(base + "/en/subscribe");
        assertThat(browser.findElements(By.cssSelector("main form"))).hasSize(1);
        assertTargetsFitThePhone();
        List<WebElement> boxes = browser.findElements(By.cssSelector("fieldset.alerts-follow label.check"));
        assertThat(boxes).hasSizeGreaterThan(2);
        assertThat(boxes.stream().map(box -> box.getLocation().getX()).distinct()).as("one column").hasSize(1);
        assertThat(browser.findElement(By.cssSelector("input[name=follow][value='BREAKING:0']")).isSelected())
                .isTrue();
        boxes.get(1).click();
        boxes.get(2).click();
        String address = "browser-many-" + System.nanoTime() + "@readers.test";
        browser.findElement(By.cssSelector("form[data-alerts-form] input[name=email]")).sendKeys(address);
        browser.findElement(By.cssSelector("form[data-alerts-form] button[type=submit]")).click();
        wait.until(d -> d.findElement(By.tagName("h1")).getText().equals("Check your mail"));
        assertThat(jdbc.sql("""
                SELECT s.ended_why FROM subscriptions s JOIN subscribers r ON r.id = s.subscriber_id
                WHERE r.email = ?""").params(address).query(String.class).list())
                .containsExactly("pending", "pending", "pending");

        // Nothing checked: the form comes back with the reason, and nothing is written.
        browser.get(base + "/en/subscribe");
        browser.findElement(By.cssSelector("fieldset.alerts-follow label.check")).click();
        String none = "browser-none-" + System.nanoTime() + "@readers.test";
        browser.findElement(By.cssSelector("form[data-alerts-form] input[name=email]")).sendKeys(none);
        browser.findElement(By.cssSelector("form[data-alerts-form] button[type=submit]")).click();
        wait.until(d -> !d.findElements(By.cssSelector(".form-errors")).isEmpty());
        assertThat(browser.findElement(By.cssSelector(".form-errors")).getText()).contains("Check at least one");
        assertThat(browser.findElements(By.cssSelector("input[name=follow]"))).hasSameSizeAs(boxes);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM subscribers WHERE email = ?").params(none).query(Long.class)
                .single()).isZero();
    }

    /** A phone-sized Chromium, and a wait for it. */
    private WebDriverWait phone() throws Exception {
        browser = Browsers.start();
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 390, "height", 844,
                "deviceScaleFactor", 2, "mobile", true));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        // A submit replaces the page under the wait: an element found in the old page is stale, or Chromium's
        // inspector no longer knows its node ("does not belong to the document"); the wait looks again. A condition
        // that never holds still fails, at the timeout, with the last of these as its cause.
        wait.ignoring(WebDriverException.class);
        return wait;
    }

    /** Every visible target of the Subscribe forms at least 44 pixels high and within the phone's width. */
    private void assertTargetsFitThePhone() {
        List<WebElement> targets = browser.findElements(By.cssSelector(
                "form[data-alerts-form] input[name=email], form[data-alerts-form] label.check,"
                        + " form[data-alerts-form] select, form[data-alerts-form] button"));
        for (WebElement target : targets) {
            if (target.isDisplayed()) {
                assertThat(target.getSize().getHeight()).as(target.getText()).isGreaterThanOrEqualTo(44);
                assertThat(target.getLocation().getX() + target.getSize().getWidth()).as(target.getText())
                        .isLessThanOrEqualTo(390);
            }
        }
    }
}
