package org.dateline.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Headless Debian Chromium driven through Debian's chromedriver: no tool downloads a browser. On CI the browser
 * must be there (.ci/run installs it); elsewhere a machine without it skips browser tests.
 */
public final class Browsers {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private Browsers() {
    }

    public static ChromeDriver start() throws IOException {
        boolean present = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (!"true".equals(System.getenv("CI"))) {
            Assumptions.assumeTrue(present, "Debian chromium and chromium-driver are not installed");
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900",
                "--user-data-dir=" + Files.createTempDirectory("dateline-chromium"));
        return new ChromeDriver(service, options);
    }

    /** A confirmed reader account, five days old, made in the database; its email address. */
    static String readerAccount(JdbcClient jdbc, PasswordEncoder encoder, String name, String password) {
        String email = "browser-" + System.nanoTime() + "@dateline.test";
        Timestamp created = Timestamp.from(Instant.now().minus(Duration.ofDays(5)));
        jdbc.sql("""
                INSERT INTO accounts (email, display_name, password_hash, role, active, must_change_password,
                                      created_at, password_changed_at, email_confirmed_at)
                VALUES (?, ?, ?, 'READER', TRUE, FALSE, ?, ?, ?)
                """).params(email, name, encoder.encode(password), created, created, created).update();
        return email;
    }

    /** Logs a staff member in through the newsroom's login form; the caller waits for where the role lands. */
    static void staffLogin(WebDriver browser, String base, String email, String password) {
        browser.get(base + "/login");
        browser.findElement(By.name("username")).sendKeys(email);
        browser.findElement(By.name("password")).sendKeys(password);
        browser.findElement(By.cssSelector("form[action='/login'] [type=submit]")).click();
    }

    /** From the newsroom's story list, writes a new story and saves it as a draft; lands on its editor. */
    static void writeDraft(WebDriver browser, WebDriverWait wait, String section, String headline, String lead,
                           String place, String body) {
        browser.findElement(By.linkText("Write a new story")).click();
        new Select(browser.findElement(By.id("section"))).selectByValue(section);
        browser.findElement(By.id("headline")).sendKeys(headline);
        browser.findElement(By.id("lead")).sendKeys(lead);
        browser.findElement(By.id("datelinePlace")).sendKeys(place);
        browser.findElement(By.id("credit")).sendKeys("Dateline");
        browser.findElement(By.id("body")).sendKeys(body);
        browser.findElement(By.cssSelector("input[name=when][value=draft]")).click();
        browser.findElement(By.cssSelector("form.story-form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("?done=created"));
    }
}
