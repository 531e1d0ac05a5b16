package org.dateline.site;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;

import nu.validator.validation.SimpleDocumentValidator;
import org.dateline.content.ArticleSummary;
import org.dateline.content.ContentQueries;
import org.dateline.identity.Accounts;
import org.dateline.identity.Role;
import org.dateline.testing.Http;
import org.dateline.testing.WebSession;
import org.dateline.testing.IntegrationTest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of public page is valid HTML5 by the Nu HTML checker (errors only; its schemas ship in its jar). */
@IntegrationTest
class HtmlValidityIT {

    @LocalServerPort
    int port;
    @Autowired
    ContentQueries content;
    @Autowired
    Accounts accounts;

    @Test
    void everyKindOfPageIsValidHtml() throws Exception {
        Http http = new Http(port);
        ArticleSummary seed = content.allById(0, 1).get(0);
        var article = Jsoup.parse(http.get(seed.path()).body());
        String translation = article.select(".translations a").attr("href");
        List<String> pages = List.of("/en/", "/ru/", "/en/russia/", "/ru/economy/", seed.path(), translation,
                article.select(".tags a").first().attr("href"), article.select(".byline a").first().attr("href"),
                "/en/newsfeed", "/ru/newsfeed", "/en/no-such-section/", "/login", "/account/register", "/account/login?unconfirmed",
                "/account/reset?lang=ru", "/account/confirm/resend", "/account/confirm?token=bad", "/account/restore");
        List<String> problems = new ArrayList<>();
        for (String page : pages) {
            String html = http.get(page, "Accept", "text/html").body();
            validate(html).forEach(error -> problems.add(page + " " + error));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void newsroomPagesAreValidHtml() throws Exception {
        String email = "validity-" + System.nanoTime() + "@dateline.test";
        accounts.createStaff(email, "Vera Validator", Role.EDITOR, "start-Password-123", false);
        WebSession editor = new WebSession(port);
        editor.submit("/login", "/login", Map.of("username", email, "password", "start-Password-123"));
        String location = WebSession.location(editor.submit("/newsroom/stories/new", "/newsroom/stories",
                Map.of("edition", "en", "section", "world", "headline", "Valid markup", "lead", "A lead.",
                        "body", "One.\n\nTwo.", "datelinePlace", "PARIS", "credit", "Dateline", "when", "draft")));
        String story = location.replaceAll("^https?://[^/]+", "").replaceAll("\\?.*", "");
        String structured = "One.\n\n## A heading\n\n- a\n- b\n\n1. c\n\n> quoted *and* **marked**\n\n"
                + "[a link](https://example.org/?a=1&b=2) <b>typed</b>";
        editor.submit(story, story, Map.of("section", "world", "headline", "Valid markup, revised", "lead", "A lead.",
                "body", structured, "datelinePlace", "PARIS", "credit", "Dateline", "revision", "1",
                "action", "save"));
        List<String> problems = new ArrayList<>();
        for (String page : List.of("/newsroom", "/newsroom?state=DRAFT&q=valid", "/newsroom?author=Vera",
                "/newsroom/stories/new", story, story + "/revisions", story + "/compare?a=1&b=2", story + "/preview")) {
            HttpResponse<String> response = editor.get(page);
            assertThat(response.statusCode()).as(page).isEqualTo(200);
            validate(response.body()).forEach(error -> problems.add(page + " " + error));
        }
        // The live preview of unsaved fields, a heading first so the dateline stands alone.
        String token = Jsoup.parse(editor.get(story).body()).select("form.story-form input[name=_csrf]").val();
        HttpResponse<String> live = editor.post(story + "/preview", Map.of("_csrf", token, "section", "world",
                "headline", "Unsaved", "lead", "A lead.", "body", "## First\n\n" + structured,
                "datelinePlace", "PARIS", "credit", "Dateline", "tags", "New tag", "authors", "New Author"));
        assertThat(live.statusCode()).isEqualTo(200);
        validate(live.body()).forEach(error -> problems.add("live preview " + error));
        assertThat(problems).isEmpty();
    }

    private static List<String> validate(String html) throws Exception {
        List<String> errors = new ArrayList<>();
        ErrorHandler collect = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                // warnings are advice, not invalidity
            }

            @Override
            public void error(SAXParseException e) {
                errors.add("line " + e.getLineNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                errors.add("line " + e.getLineNumber() + " (fatal): " + e.getMessage());
            }
        };
        SimpleDocumentValidator validator = new SimpleDocumentValidator();
        validator.setUpMainSchema("http://s.validator.nu/html5-all.rnc", collect);
        validator.setUpValidatorAndParsers(collect, true, false);
        validator.checkHtmlInputSource(new InputSource(new StringReader(html)));
        return errors;
    }
}
