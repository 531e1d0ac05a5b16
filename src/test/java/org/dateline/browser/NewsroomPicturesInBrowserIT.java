package org.dateline.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

import org.dateline.identity.Accounts;
import org.dateline.identity.Role;
import org.dateline.newsroom.StoryQueries;
import org.dateline.testing.Http;
import org.dateline.testing.IntegrationTest;
import org.dateline.testing.TestPictures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In real headless Chromium: an editor uploads two files at once (one a picture, one an SVG, refused in words), sets
 * the picture's focal point with a click, and chooses it as a story's lead picture and as a figure of its body with
 * the editor's picker. With {@code -Ddateline.screenshots=<folder>} the pages are also saved as PNGs at a phone's and
 * a desktop's width, to look at.
 */
@IntegrationTest
@Tag("browser")
class NewsroomPicturesInBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    StoryQueries stories;
    ChromeDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anEditorUploadsSetsTheFocalPointAndChoosesTheLeadPicture() throws Exception {
        String email = "pictures-" + System.nanoTime() + "@dateline.test";
        accounts.createStaff(email, "Pavel Pictures", Role.EDITOR, "start-Password-123", false);
        Http http = new Http(port);
        browser = Browsers.start();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        JavascriptExecutor js = browser;
        Browsers.staffLogin(browser, http.base(), email, "start-Password-123");
        wait.until(ExpectedConditions.urlMatches(".*/newsroom$"));

        // Two files at once: each gets its bar and its answer.
        Path folder = Files.createTempDirectory("dateline-upload");
        Path photo = Files.write(folder.resolve("harbour-at-dawn.jpg"), TestPictures.jpeg(1500, 1000));
        Path svg = Files.write(folder.resolve("logo.svg"),
                "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8));
        browser.findElement(By.linkText("Pictures")).click();
        wait.until(ExpectedConditions.urlContains("/newsroom/pictures"));
        browser.findElement(By.id("file")).sendKeys(photo + "\n" + svg);
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".upload-list li[class]"), 2));
        WebElement refused = browser.findElement(By.cssSelector(".upload-list .upload-refused"));
        assertThat(refused.getDomAttribute("data-code")).isEqualTo("svg_refused");
        assertThat(refused.getText()).contains("logo.svg").contains("Refused:");
        WebElement uploaded = browser.findElement(By.cssSelector(".upload-list .upload-done"));
        assertThat(uploaded.findElement(By.tagName("progress")).getDomProperty("value")).isEqualTo("100");
        assertThat(uploaded.findElement(By.tagName("progress")).isDisplayed()).as("done, the bar gives way").isFalse();
        shoot("library-uploads");
        String page = uploaded.findElement(By.tagName("a")).getDomAttribute("href");
        long pictureId = Long.parseLong(page.substring(page.lastIndexOf('/') + 1));
        browser.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".picture-grid a[href='" + page + "']")));
        shoot("library");

        // The picture's page: alt text saved, the focal point set with a click on the picture.
        browser.findElement(By.cssSelector(".picture-grid a[href='" + page + "']")).click();
        wait.until(ExpectedConditions.urlContains(page));
        browser.findElement(By.id("altText")).sendKeys("Cargo ships moored at a quay at dawn");
        browser.findElement(By.id("caption")).sendKeys("The harbour at dawn " + pictureId);
        browser.findElement(By.cssSelector(".picture-form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("?done=saved"));
        WebElement image = browser.findElement(By.cssSelector(".focal-editor img"));
        wait.until(d -> Boolean.TRUE.equals(js.executeScript("return arguments[0].complete", image)));
        int width = image.getSize().getWidth();
        int height = image.getSize().getHeight();
        // Selenium clicks relative to the element's centre: a quarter across, three quarters down.
        new Actions(browser).moveToElement(image, -width / 4, height / 4).click().perform();
        wait.until(ExpectedConditions.textMatches(By.cssSelector(".focal-status"), Pattern.compile("saved")));
        int focalX = Integer.parseInt(browser.findElement(By.id("focalX")).getDomProperty("value"));
        int focalY = Integer.parseInt(browser.findElement(By.id("focalY")).getDomProperty("value"));
        assertThat(focalX).isBetween(230, 270);
        assertThat(focalY).isBetween(730, 770);
        assertThat(browser.findElement(By.cssSelector(".crop-previews [data-crop='16x9'] img")).getDomAttribute("src"))
                .contains("/16x9-" + focalX + "-" + focalY + "/");
        shoot("picture");

        // A story: the picker chooses the lead picture and places a figure in the body.
        browser.get(http.base() + "/newsroom");
        String headline = "Pictures chosen in the browser " + System.nanoTime();
        Browsers.writeDraft(browser, wait, "world", headline, "A story with a lead picture.", "OSLO",
                "Opening paragraph.");
        browser.findElement(By.cssSelector("[data-picture-choose=lead]")).click();
        WebElement dialog = browser.findElement(By.cssSelector("dialog.picture-picker"));
        wait.until(ExpectedConditions.visibilityOf(dialog));
        dialog.findElement(By.id("picker-q")).sendKeys("harbour dawn " + pictureId + "\n");
        By result = By.cssSelector(".picker-results li button");
        wait.until(ExpectedConditions.numberOfElementsToBe(result, 1));
        shoot("story-picker");
        clickFresh(wait, dialog, result);
        wait.until(ExpectedConditions.invisibilityOf(dialog));
        assertThat(browser.findElement(By.id("leadPicture")).getDomProperty("value"))
                .isEqualTo(String.valueOf(pictureId));
        assertThat(browser.findElement(By.cssSelector(".lead-picture-label")).getText())
                .isEqualTo("The harbour at dawn " + pictureId);

        WebElement body = browser.findElement(By.id("body"));
        js.executeScript("arguments[0].focus(); arguments[0].setSelectionRange(arguments[0].value.length,"
                + " arguments[0].value.length);", body);
        browser.findElement(By.cssSelector(".body-toolbar [data-picture-choose=body]")).click();
        wait.until(ExpectedConditions.visibilityOf(dialog));
        dialog.findElement(By.id("picker-q")).clear();
        dialog.findElement(By.id("picker-q")).sendKeys("harbour dawn " + pictureId + "\n");
        wait.until(ExpectedConditions.numberOfElementsToBe(result, 1));
        clickFresh(wait, dialog, result);
        assertThat(body.getDomProperty("value")).isEqualTo("Opening paragraph.\n\n![](picture:" + pictureId + ")");

        wait.until(ExpectedConditions.textMatches(By.cssSelector(".autosave-status"),
                Pattern.compile("Saved as revision")));
        long storyId = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/stories/(\\d+).*", "$1"));
        assertThat(stories.find(storyId).orElseThrow().leadPicture()).isEqualTo(pictureId);
        shoot("story-form");
    }

    /**
     * Clicks the result as it is now: a search typed again re-renders the list (as the reader types, and again on
     * Enter), so the element found a moment ago may be gone by the click.
     */
    private static void clickFresh(WebDriverWait wait, WebElement dialog, By result) {
        wait.ignoring(StaleElementReferenceException.class).until(d -> {
            dialog.findElement(result).click();
            return true;
        });
    }

    private void metrics(int width, int height, boolean mobile) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", mobile));
    }

    /** The whole page as a PNG at a phone's and a desktop's width, when a folder is named. */
    private void shoot(String name) throws IOException {
        String folder = System.getProperty("dateline.screenshots");
        if (folder == null || folder.isBlank()) {
            return;
        }
        Files.createDirectories(Path.of(folder));
        for (int width : new int[] {390, 1366}) {
            // The device's metrics, as a phone or a desktop has them, then again as tall as the page.
            metrics(width, 900, width < 600);
            long height = (Long) browser.executeScript("return Math.min(8000, document.documentElement.scrollHeight)");
            metrics(width, (int) Math.max(900, height), width < 600);
            browser.executeScript("window.scrollTo(0, 0)");
            new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> Boolean.TRUE.equals(browser.executeScript(
                    "return Array.prototype.every.call(document.images, function (i) { return i.complete; })")));
            Files.write(Path.of(folder, name + "-" + width + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        }
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }
}
