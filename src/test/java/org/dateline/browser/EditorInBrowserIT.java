package org.dateline.browser;

import java.time.Duration;
import java.util.List;

import org.dateline.identity.Accounts;
import org.dateline.identity.Role;
import org.dateline.testing.Http;
import org.dateline.testing.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In real headless Chromium: an editor shapes the body with the toolbar (a heading, a bulleted list), sees it in the
 * live preview beside the editor before saving, pastes a web page's HTML and gets clean markup, saves, publishes,
 * and readers get the heading and the list on the public page.
 */
@IntegrationTest
@Tag("browser")
class EditorInBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    ChromeDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void editorMakesAHeadingAndAListSeesThemLiveAndPublishesThem() throws Exception {
        String email = "toolbar-" + System.nanoTime() + "@dateline.test";
        accounts.createStaff(email, "Tina Toolbar", Role.EDITOR, "start-Password-123", false);
        Http http = new Http(port);
        browser = Browsers.start();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        JavascriptExecutor js = browser;

        Browsers.staffLogin(browser, http.base(), email, "start-Password-123");
        wait.until(ExpectedConditions.urlMatches(".*/newsroom$"));

        String headline = "Shaped in the browser " + System.nanoTime();
        Browsers.writeDraft(browser, wait, "world", headline, "A story shaped with the body toolbar.", "OSLO",
                "Opening paragraph.");

        // A heading: type the line, put the cursor in it, press the toolbar's Heading button.
        WebElement body = browser.findElement(By.id("body"));
        js.executeScript("arguments[0].focus(); arguments[0].setSelectionRange(arguments[0].value.length,"
                + " arguments[0].value.length);", body);
        body.sendKeys("\n\nWhat changed");
        browser.findElement(By.cssSelector(".body-toolbar button[data-format=heading]")).click();
        // A list: two lines, both selected, the Bulleted list button.
        js.executeScript("arguments[0].focus(); arguments[0].setSelectionRange(arguments[0].value.length,"
                + " arguments[0].value.length);", body);
        body.sendKeys("\n\nFerries run again\nSchools open on Monday");
        js.executeScript("var b = arguments[0]; var start = b.value.indexOf('Ferries');"
                + " b.focus(); b.setSelectionRange(start, b.value.length);", body);
        browser.findElement(By.cssSelector(".body-toolbar button[data-format=bullets]")).click();
        assertThat(body.getDomProperty("value")).isEqualTo(
                "Opening paragraph.\n\n## What changed\n\n- Ferries run again\n- Schools open on Monday");

        // The live preview shows it before anything is saved.
        WebElement frame = browser.findElement(By.cssSelector(".live-preview iframe"));
        wait.until(d -> previewShows(d, frame));
        browser.switchTo().defaultContent();

        // Pasting a web page keeps its shape and drops the rest.
        js.executeScript("var b = arguments[0]; b.focus(); b.setSelectionRange(b.value.length, b.value.length);"
                + " var data = new DataTransfer(); data.setData('text/html', arguments[1]);"
                + " b.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));",
                body, "<meta charset='utf-8'><style>p{color:red}</style><div class=\"post\" data-track=\"x\">"
                        + "<h3 style=\"font-size:20px\">Quoted</h3><blockquote><p>Calm <b>now</b>, "
                        + "<span style=\"font-style:italic\">really</span>.</p></blockquote>"
                        + "<p>See <a href=\"https://example.org/x\" onclick=\"track()\">this</a> "
                        + "<a href=\"javascript:evil()\">not this</a><img src=\"https://t.example/p.gif\"></p>"
                        + "<script>alert(1)</script><ol><li>one</li><li>two</li></ol></div>");
        assertThat(body.getDomProperty("value")).endsWith("Monday\n\n### Quoted\n\n> Calm **now**, *really*.\n\n"
                + "See [this](https://example.org/x) not this\n\n1. one\n2. two");

        // Saved and published: readers get the heading and the list.
        wait.until(ExpectedConditions.textMatches(By.cssSelector(".autosave-status"), java.util.regex.Pattern
                .compile("Saved as revision")));
        browser.findElement(By.cssSelector("button[value=save]")).click();
        wait.until(ExpectedConditions.urlContains("?done=save"));
        browser.findElement(By.cssSelector("button[value=publish]")).click();
        wait.until(ExpectedConditions.urlContains("?done=publish"));
        browser.findElement(By.linkText("public page")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), headline));
        // The first article is the story; the scroll loader may append the section's next article below it.
        WebElement story = browser.findElement(By.cssSelector("article"));
        assertThat(story.findElement(By.cssSelector(".body h2")).getText()).isEqualTo("What changed");
        List<String> items = story.findElements(By.cssSelector(".body ul li")).stream()
                .map(WebElement::getText).toList();
        assertThat(items).containsExactly("Ferries run again", "Schools open on Monday");
        assertThat(story.findElement(By.cssSelector(".body h3")).getText()).isEqualTo("Quoted");
        assertThat(story.findElement(By.cssSelector(".body blockquote strong")).getText()).isEqualTo("now");
        assertThat(story.findElements(By.cssSelector(".body a")).stream()
                .map(a -> a.getDomAttribute("href")).toList()).containsExactly("https://example.org/x");
        assertThat(story.findElements(By.cssSelector(".body img"))).isEmpty();

        // Staff get an Edit link beside the story, though the page is the cached one every reader gets.
        WebElement edit = wait.until(d -> story.findElements(By.cssSelector(".stamps .staff-edit")).stream()
                .findFirst().orElse(null));
        assertThat(edit.getDomAttribute("href")).matches("/newsroom/stories/[0-9]+");
        edit.click();
        wait.until(ExpectedConditions.urlMatches(".*/newsroom/stories/[0-9]+$"));
    }

    private static boolean previewShows(WebDriver driver, WebElement frame) {
        driver.switchTo().defaultContent();
        driver.switchTo().frame(frame);
        List<String> items = driver.findElements(By.cssSelector("article .body ul li")).stream()
                .map(WebElement::getText).toList();
        List<WebElement> headings = driver.findElements(By.cssSelector("article .body h2"));
        return items.equals(List.of("Ferries run again", "Schools open on Monday")) && headings.size() == 1
                && headings.get(0).getText().equals("What changed");
    }
}
