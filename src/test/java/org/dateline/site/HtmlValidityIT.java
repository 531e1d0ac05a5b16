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
        editor.submit(story, story, Map.of("section", "world", "headline", "Valid markup, revised", "lead", "A lead.",
                "body", "One.\n\nTwo and a half.", "datelinePlace", "PARIS", "credit", "Dateline",
                "revision", "1", "action", "save"));
        List<String> problems = new ArrayList<>();
        for (String page : List.of("/newsroom", "/newsroom?state=DRAFT&q=valid", "/newsroom/stories/new", story,
                story + "/revisions", story + "/compare?a=1&b=2", story + "/preview")) {
            HttpResponse<String> response = editor.get(page);
            assertThat(response.statusCode()).as(page).isEqualTo(200);
            validate(response.body()).forEach(error -> problems.add(page + " " + error));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void readerChatPagesAreValidHtml() throws Exception {
        String email = "chats-validity-" + System.nanoTime() + "@dateline.test";
        accounts.createStaff(email, "Rita Reader", Role.EDITOR, "start-Password-123", false);
        WebSession reader = new WebSession(port);
        reader.submit("/account/login", "/account/login", Map.of("email", email, "password", "start-Password-123"));
        ArticleSummary article = content.latest("en", null, 50).get(39);
        String write = "/account/chats/write?article=" + article.id() + "&lang=ru";
        assertThat(WebSession.location(reader.submit(write, "/account/chats/write",
                Map.of("article", String.valueOf(article.id()), "body", "Valid markup")))).contains("#m");
        HttpResponse<String> refused = reader.submit(write, "/account/chats/write",
                Map.of("article", String.valueOf(article.id()), "body", ""));
        assertThat(refused.statusCode()).isEqualTo(400);
        List<String> problems = new ArrayList<>();
        validate(refused.body()).forEach(error -> problems.add("refused write " + error));
        for (String page : List.of("/account/chats", "/account/chats?lang=ru&unfollowed", write,
                "/account/chats/write?article=" + article.id() + "&lang=en", "/account/chats/write?article=0",
                "/account")) {
            HttpResponse<String> response = reader.get(page);
            assertThat(response.statusCode()).as(page).isIn(200, 404);
            validate(response.body()).forEach(error -> problems.add(page + " " + error));
        }
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
