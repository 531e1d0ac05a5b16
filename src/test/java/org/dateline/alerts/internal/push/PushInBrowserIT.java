package org.dateline.alerts.internal.push;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.dateline.browser.Browsers;
import org.dateline.testing.Http;
import org.dateline.testing.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.devtools.Command;
import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.devtools.Event;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * push.js and the service worker in real headless Chromium, on a page of the site with a subscribe form of the
 * markup push.js expects. Headless Chromium has no push service to subscribe at: the browser's real
 * {@code pushManager.subscribe} is tried and whatever it answers must show in the form's status; then the page's
 * {@code pushManager.subscribe} is replaced by one that answers a test browser's subscription at a local push
 * service, so that the rest runs for real (the VAPID key given to the browser, the POST, the rows, a message sent by
 * the application and decrypted by that test browser). A push is delivered to the service worker through DevTools
 * ({@code ServiceWorker.deliverPushMessage}) and the notification it shows is read back.
 */
@IntegrationTest
@Tag("browser")
class PushInBrowserIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String FORM = """
            <form data-alerts-form method="post" action="/en/subscribe" id="push-test-form">
              <input type="hidden" name="topic" value="BREAKING">
              <input type="hidden" name="target" value="0">
              <input type="hidden" name="edition" value="en">
              <label><input type="email" name="email" required> Email</label>
              <label><input type="radio" name="delivery" value="EMAIL" checked> Email</label>
              <span data-push-option hidden><label><input type="radio" name="delivery" value="PUSH"> Push</label></span>
              <button type="submit">Subscribe</button>
              <p data-alerts-status role="status" data-t-push-done="Subscribed here."
                 data-t-push-failed="Could not subscribe."></p>
            </form>
            """;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PushSender sender;
    ChromeDriver browser;
    LocalPushService service;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.close();
        }
    }

    @Test
    void theFormSubscribesThisBrowserAndTheServiceWorkerShowsWhatIsPushed() throws Exception {
        browser = Browsers.start();
        service = new LocalPushService();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        String base = new Http(port).base();
        browser.executeCdpCommand("Browser.grantPermissions", Map.of("origin", base,
                "permissions", List.of("notifications")));
        DevTools devTools = browser.getDevTools();
        devTools.createSession();
        CompletableFuture<String> registration = new CompletableFuture<>();
        devTools.addListener(new Event<Map<String, Object>>("ServiceWorker.workerVersionUpdated",
                input -> input.read(Json.MAP_TYPE)), updated -> {
                    @SuppressWarnings("unchecked")
                    List<Map<String, Object>> versions = (List<Map<String, Object>>) updated.get("versions");
                    versions.stream().filter(v -> "activated".equals(v.get("status")))
                            .forEach(v -> registration.complete((String) v.get("registrationId")));
                });
        devTools.send(new Command<>("ServiceWorker.enable", Map.of()));

        // The push choice is offered only once push.js runs.
        formOnPage(base);
        assertThat(browser.findElement(By.cssSelector("[data-push-option]")).isDisplayed()).isFalse();
        browser.executeAsyncScript("import('/assets/push.js').then(() => arguments[0]())");
        wait.until(d -> d.findElement(By.cssSelector("[data-push-option]")).isDisplayed());

        // Chromium's own subscribe: headless it has no push service, and what it answers (or, after 15 seconds
        // without an answer, push.js) shows in the status.
        chooseSubscribe();
        new WebDriverWait(browser, Duration.ofSeconds(40))
                .until(d -> !status(d).isEmpty() && !status(d).startsWith("Asking"));
        String real = status(browser);
        assertThat(real).isIn("Subscribed here.", "Could not subscribe.");
        assertThat(browser.executeAsyncScript("""
                navigator.serviceWorker.getRegistration('/').then(r => arguments[0](r && r.active
                    ? r.active.scriptURL + ' ' + r.scope + ' ' + Notification.permission : 'none'))
                """)).isEqualTo(base + "/sw.js " + base + "/ granted");
        if (real.equals("Subscribed here.")) {
            String endpoint = (String) browser.executeAsyncScript("""
                    navigator.serviceWorker.ready.then(r => r.pushManager.getSubscription())
                        .then(s => arguments[0](s.endpoint))""");
            assertThat(jdbc.sql("SELECT COUNT(*) FROM push_endpoints WHERE endpoint = ?").param(endpoint)
                    .query(Long.class).single()).isEqualTo(1);
        }

        // The edition's subscribe page, its breaking news and one section checked, with a subscribe that answers a
        // test browser's subscription at the local push service: one push subscription per checked topic.
        TestBrowser testBrowser = new TestBrowser();
        String endpoint = service.endpoint("chromium-" + System.nanoTime());
        browser.get(base + "/en/subscribe");
        wait.until(d -> d.findElement(By.cssSelector("[data-push-option]")).isDisplayed());
        WebElement section = browser.findElements(By.cssSelector("input[name=follow]")).stream()
                .filter(box -> box.getDomProperty("value").startsWith("SECTION:")).findFirst().orElseThrow();
        long sectionId = Long.parseLong(section.getDomProperty("value").substring("SECTION:".length()));
        click(section);
        browser.executeScript("""
                const subscription = JSON.parse(arguments[0]);
                PushManager.prototype.getSubscription = async () => null;
                PushManager.prototype.subscribe = async (options) => {
                  window.pushKeyGiven = btoa(String.fromCharCode(...new Uint8Array(options.applicationServerKey)))
                      .replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '');
                  window.userVisibleOnly = options.userVisibleOnly;
                  return { endpoint: subscription.endpoint, options, toJSON: () => subscription };
                };
                """, testBrowser.subscriptionJson(endpoint));
        click(browser.findElement(By.cssSelector("input[name=delivery][value=PUSH]")));
        click(browser.findElement(By.cssSelector("form[data-alerts-form] button[type=submit]")));
        wait.until(d -> "Done: alerts will appear on this device.".equals(status(d)));
        String vapidKey = JSON.readTree(new Http(port).get("/api/alerts/push-key").body()).path("publicKey")
                .asString();
        assertThat(browser.executeScript("return window.pushKeyGiven")).isEqualTo(vapidKey);
        assertThat(browser.executeScript("return window.userVisibleOnly")).isEqualTo(true);
        Map<String, Object> row = jdbc.sql("SELECT * FROM push_endpoints WHERE endpoint = ?").param(endpoint)
                .query().singleRow();
        assertThat(jdbc.sql("""
                SELECT topic || ':' || target_id FROM subscriptions WHERE subscriber_id = ? AND edition = 'en'
                  AND delivery = 'PUSH' AND ended_at IS NULL
                """).param(row.get("subscriber_id")).query(String.class).list())
                .containsExactlyInAnyOrder("BREAKING:0", "SECTION:" + sectionId);
        byte[] payload = "{\"title\":\"Breaking\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(sender.send(new PushSender.Target(((Number) row.get("id")).longValue(), endpoint,
                (String) row.get("p256dh"), (String) row.get("auth")), payload, Duration.ofMinutes(1), "story-1"))
                .isEqualTo(PushSender.Outcome.SENT);
        assertThat(testBrowser.decrypt(service.received().get(0).body())).isEqualTo(payload);

        // A push delivered to the service worker shows a notification that opens this site's pages only.
        String registrationId = registration.get(20, TimeUnit.SECONDS);
        // Chromium sometimes drops a message delivered this way while the worker starts: it is delivered again
        // until shown (the tag makes a second delivery replace the first notification, not add one).
        List<String> shown = List.of();
        long next = System.nanoTime();
        for (long until = System.nanoTime() + Duration.ofSeconds(40).toNanos();
             shown.size() < 2 && System.nanoTime() < until; Thread.sleep(250)) {
            if (System.nanoTime() >= next) {
                deliver(devTools, base, registrationId, """
                        {"title":"Storm reaches the coast","body":"Thousands evacuated","url":"/en/","tag":"story-7"}
                        """);
                deliver(devTools, base, registrationId, """
                        {"title":"Elsewhere","body":"","url":"https://elsewhere.example/phish","tag":"story-8"}
                        """);
                next = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            }
            shown = notifications(browser);
        }
        assertThat(shown).as("notifications shown").containsExactlyInAnyOrder(
                "Storm reaches the coast|Thousands evacuated|story-7|" + base + "/en/",
                "Elsewhere||story-8|" + base + "/");
    }

    private static void deliver(DevTools devTools, String origin, String registrationId, String data) {
        devTools.send(new Command<>("ServiceWorker.deliverPushMessage", Map.of("origin", origin,
                "registrationId", registrationId, "data", data)));
    }

    private void formOnPage(String base) {
        browser.get(base + "/en/");
        browser.executeScript("document.querySelector('main').insertAdjacentHTML('afterbegin', arguments[0])", FORM);
    }

    private void chooseSubscribe() {
        click(browser.findElement(By.cssSelector("input[name=delivery][value=PUSH]")));
        click(browser.findElement(By.cssSelector("#push-test-form button[type=submit]")));
    }

    private static String status(WebDriver driver) {
        return driver.findElement(By.cssSelector("[data-alerts-status]")).getText();
    }

    @SuppressWarnings("unchecked")
    private static List<String> notifications(WebDriver driver) {
        return (List<String>) ((ChromeDriver) driver).executeAsyncScript("""
                navigator.serviceWorker.ready.then(r => r.getNotifications()).then(list => arguments[0](
                    list.map(n => [n.title, n.body, n.tag, n.data && n.data.url].join('|'))))
                """);
    }

    /**
     * Clicks in the middle of the window: the breaking bar, fixed at the foot of the screen while another test's
     * breaking story is live, would take a click on an element scrolled just into view at the bottom.
     */
    private void click(org.openqa.selenium.WebElement element) {
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }
}
