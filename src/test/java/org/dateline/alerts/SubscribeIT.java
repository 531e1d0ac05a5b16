package org.dateline.alerts;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import jakarta.mail.internet.MimeMessage;
import org.dateline.platform.DatelineSettings;
import org.dateline.testing.DatelineTestContext;
import org.dateline.testing.HtmlChecker;
import org.dateline.testing.Http;
import org.dateline.testing.IntegrationTest;
import org.dateline.testing.WebSession;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Subscribing over real HTTP, as browsers and mail providers do it: the forms on cached pages, a visitor's double
 * opt-in through the mailed link (whose GET confirms nothing), the signed subscriber's page, RFC 8058's one-click
 * unsubscribe, a logged-in reader's one click and account page, deletion and export; and every kind of bad input,
 * which leaves nothing written.
 */
@IntegrationTest
class SubscribeIT {

    private static final AtomicInteger CALLERS = new AtomicInteger();
    private static final String PASSWORD = "subscriber-Password-123";

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DatelineSettings settings;
    @Autowired
    ManageLinks links;
    @Autowired
    PasswordEncoder encoder;
    Http http;
    /** Each test's own client address (forwarded by the trusted proxy 127.0.0.1), so rate limits stay its own. */
    String caller;

    @BeforeEach
    void connect() {
        http = new Http(port);
        caller = "10.19." + (CALLERS.incrementAndGet() % 250) + "." + (System.nanoTime() % 250 + 1);
    }

    @Test
    void publicPagesCarryTheSameSubscribeFormsForEveryone() throws Exception {
        Story story = publish("en", "world", "Alerts form story");
        Document article = Jsoup.parse(http.get(story.path()).body());
        Element form = article.select("article h1 + details.alerts-subscribe form[data-alerts-form]").first();
        assertThat(form).as("the Subscribe button under the headline").isNotNull();
        assertThat(form.attr("method")).isEqualTo("post");
        assertThat(form.attr("action")).isEqualTo("/en/subscribe");
        assertThat(form.select("input[type=hidden][name=topic]").val()).isEqualTo("STORY");
        assertThat(form.select("input[type=hidden][name=target]").val()).isEqualTo(Long.toString(story.id()));
        assertThat(form.select("input[type=hidden][name=edition]").val()).isEqualTo("en");
        assertThat(form.select("input[name=email][type=email]").attr("id"))
                .isEqualTo(form.select("label").first().attr("for"));
        assertThat(form.select("input[name=delivery]").eachAttr("value")).containsExactly("EMAIL", "DIGEST", "PUSH");
        Element push = form.select("[data-push-option]").first();
        assertThat(push.hasAttr("hidden")).isTrue();
        assertThat(push.select("input[name=delivery]").val()).isEqualTo("PUSH");
        assertThat(form.select("select[name=hour] option")).hasSize(24);
        Element status = form.select("p[data-alerts-status]").first();
        assertThat(status.attr("role")).isEqualTo("status");
        assertThat(status.text()).isEmpty();
        assertThat(form.select("input[name=_csrf]")).as("a cached page holds no token").isEmpty();

        // The same bytes for a logged-in reader: nothing personal is on the page.
        WebSession reader = reader();
        assertThat(reader.get(story.path()).body()).isEqualTo(http.get(story.path()).body());
        assertThat(http.get(story.path()).headers().firstValue("Surrogate-Key")).isPresent();

        assertThat(formOf("/en/world/").select("input[name=topic]").val()).isEqualTo("SECTION");
        Document tag = Jsoup.parse(http.get(story.tagPath()).body());
        assertThat(tag.select("form[data-alerts-form] input[name=topic]").val()).isEqualTo("TAG");
        Document author = Jsoup.parse(http.get(story.authorPath()).body());
        assertThat(author.select("form[data-alerts-form] input[name=topic]").val()).isEqualTo("AUTHOR");

        // Under a heading that names it, the form says it once more only to assistive technology.
        assertThat(form.select(".alerts-what")).isEmpty();
        assertThat(form.attr("aria-label")).isEqualTo("Updates to this story: Alerts form story");
        assertThat(formOf("/en/world/").select(".alerts-what")).isEmpty();

        HttpResponse<String> english = http.get("/en/subscribe");
        assertThat(english.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(english.body());
        assertThat(page.select("h1").text()).isEqualTo("Subscribe");
        assertThat(page.select("main form")).as("one form for everything").hasSize(1);
        Element one = page.select("main form[data-alerts-form]").first();
        assertThat(one.attr("action")).isEqualTo("/en/subscribe");
        assertThat(one.select("input[name=topic], input[name=target]")).isEmpty();
        assertThat(one.select("input[type=hidden][name=edition]").val()).isEqualTo("en");
        Element topics = one.select("fieldset.alerts-follow").first();
        assertThat(topics.select("> legend").text()).isEqualTo("What to follow");
        List<Element> boxes = topics.select("input[type=checkbox][name=follow]");
        assertThat(boxes).hasSizeGreaterThan(2);
        assertThat(boxes.get(0).val()).isEqualTo("BREAKING:0");
        assertThat(boxes.get(0).hasAttr("checked")).as("breaking news checked by default").isTrue();
        for (Element box : boxes.subList(1, boxes.size())) {
            assertThat(box.val()).matches("SECTION:\\d+");
            assertThat(box.hasAttr("checked")).isFalse();
        }
        for (Element box : boxes) {
            assertThat(topics.select("label[for=" + box.id() + "]").text()).isNotBlank();
        }
        assertThat(topics.select("label[for=" + boxes.get(0).id() + "]").text()).startsWith("Breaking news: ");
        assertThat(topics.select("label").eachText().subList(1, boxes.size())).allMatch(l -> l.startsWith("Section: "));
        assertThat(page.select("main h2")).as("no heading per topic").isEmpty();
        assertThat(page.select(".alerts-what")).isEmpty();
        assertThat(one.select("input[name=email]")).hasSize(1);
        assertThat(one.select("select[name=hour]")).hasSize(1);
        assertThat(one.select("button[type=submit]")).hasSize(1);
        assertThat(one.select("input[name=delivery]").eachAttr("value")).containsExactly("EMAIL", "DIGEST", "PUSH");
        assertThat(one.select("div[data-push-option][hidden] input[name=delivery]").val()).isEqualTo("PUSH");
        assertThat(one.select("p[data-alerts-status][role=status]")).hasSize(1);
        assertThat(one.select("input[name=_csrf]")).isEmpty();
        assertThat(reader.get("/en/subscribe").body()).isEqualTo(http.get("/en/subscribe").body());
        Document russian = Jsoup.parse(http.get("/ru/subscribe").body());
        assertThat(russian.select("h1").text()).isEqualTo("Подписка");
        assertThat(russian.select("form[data-alerts-form] legend").first().text()).isEqualTo("На что подписаться");
        assertThat(russian.select("form[data-alerts-form] label[for=alerts-follow-breaking-0]").text())
                .startsWith("Срочные новости: ");
        assertThat(russian.select("form[data-alerts-form] button").first().text()).isEqualTo("Подписаться");
        assertThat(russian.select("form[data-alerts-form]").first().attr("action")).isEqualTo("/ru/subscribe");
    }

    @Test
    void theEditionsOneFormFollowsEveryCheckedTopicWithOneConfirmation() throws Exception {
        String email = "many-topics-" + System.nanoTime() + "@readers.test";
        EditionForm form = editionForm(formOf("/en/subscribe"), email);
        List<String> three = form.values().subList(0, 3);
        HttpResponse<String> asked = post("/en/subscribe", with(form.fields(), "follow", String.join(" ", three),
                "delivery", "DIGEST", "hour", "9"), true);
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(asked.body()).select("h1").text()).isEqualTo("Check your mail");
        long id = ((Number) subscriber(email).get("id")).longValue();
        assertThat(((Number) subscriber(email).get("digest_hour")).intValue()).isEqualTo(9);
        assertThat(jdbc.sql("SELECT topic || ':' || target_id FROM subscriptions WHERE subscriber_id = ? ORDER BY id")
                .params(id).query(String.class).list()).containsExactlyElementsOf(three);
        assertThat(endedWhy(id)).containsExactly("pending", "pending", "pending");
        assertThat(jdbc.sql("SELECT DISTINCT delivery FROM subscriptions WHERE subscriber_id = ?").params(id)
                .query(String.class).list()).containsExactly("DIGEST");

        // One mail names all three; its one link confirms them all.
        String mail = awaitMail(email, "Confirm your subscription");
        assertThat(mail).contains("Breaking news: ");
        assertThat(mail.split("Section: ", -1)).as("both sections named").hasSize(3);
        Thread.sleep(300);
        assertThat(mailsTo(email)).hasSize(1);
        String confirm = path(links.confirm(id, key(id)));
        assertThat(post(confirm.substring(0, confirm.indexOf('?')),
                Map.of("t", confirm.substring(confirm.indexOf("?t=") + 3)), true).statusCode()).isEqualTo(200);
        assertThat(endedWhy(id)).containsExactly(null, null, null);
    }

    @Test
    void aLoggedInReaderFollowsEveryCheckedTopicInOneClick() throws Exception {
        String email = "many-account-" + System.nanoTime() + "@readers.test";
        WebSession reader = reader(email);
        EditionForm form = editionForm(Jsoup.parse(reader.get("/en/subscribe").body())
                .select("form[data-alerts-form]").first(), "");
        List<String> values = form.values();
        Map<String, String> fields = form.fields();
        fields.put("follow", values.get(0) + " " + values.get(values.size() - 1));
        HttpResponse<String> done = post(reader, "/en/subscribe", fields);
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(done.body()).select("h1").text()).isEqualTo("You are subscribed");
        assertThat(Jsoup.parse(done.body()).text()).contains("Breaking news: ", "; Section: ");
        long id = jdbc.sql("SELECT r.id FROM subscribers r JOIN accounts a ON a.id = r.account_id WHERE a.email = ?")
                .params(email).query(Long.class).single();
        assertThat(jdbc.sql("SELECT topic || ':' || target_id FROM subscriptions WHERE subscriber_id = ? ORDER BY id")
                .params(id).query(String.class).list())
                .containsExactly(values.get(0), values.get(values.size() - 1));
        assertThat(endedWhy(id)).containsExactly(null, null);
        assertThat(Jsoup.parse(post(reader, "/en/subscribe", fields).body()).select("h1").text())
                .isEqualTo("Already subscribed");
        assertThat(subscriptionIds(id)).hasSize(2);

        // A foreign topic among them: nothing more written.
        String foreign = formOf("/ru/subscribe").select("input[name=follow]").get(1).val();
        HttpResponse<String> refused = post(reader, "/en/subscribe",
                with(fields, "follow", values.get(1) + " " + foreign));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(subscriptionIds(id)).hasSize(2);
    }

    @Test
    void theEditionsFormRefusesNoneCheckedAndAnyWrongTopicWhole() throws Exception {
        String email = "many-refused-" + System.nanoTime() + "@readers.test";
        EditionForm form = editionForm(formOf("/en/subscribe"), email);
        List<String> values = form.values();
        Map<String, String> fields = form.fields();

        Map<String, String> none = with(fields, "follow", "", "delivery", "DIGEST", "hour", "5");
        HttpResponse<String> nothing = post("/en/subscribe", none, true);
        assertThat(nothing.statusCode()).isEqualTo(400);
        Document again = Jsoup.parse(nothing.body());
        assertThat(again.select(".form-errors").text()).contains("Check at least one thing to follow");
        Element shown = again.select("form[data-alerts-form]").first();
        assertThat(shown.select("input[name=follow]").eachAttr("value")).isEqualTo(values);
        assertThat(shown.select("input[name=follow][checked]")).isEmpty();
        assertThat(shown.select("input[name=email]").val()).isEqualTo(email);
        assertThat(shown.select("input[name=delivery][value=DIGEST]").hasAttr("checked")).isTrue();
        assertThat(shown.select("select[name=hour] option[selected]").val()).isEqualTo("5");
        Document russian = Jsoup.parse(post("/ru/subscribe", with(none, "edition", "ru"), true).body());
        assertThat(russian.select(".form-errors").text()).contains("Отметьте хотя бы одну подписку");

        String foreign = formOf("/ru/subscribe").select("input[name=follow]").get(1).val();
        assertRefused(with(fields, "follow", values.get(0) + " SECTION:999999999"), "target", "nothing to follow");
        assertRefused(with(fields, "follow", values.get(1) + " " + foreign), "target", "nothing to follow");
        assertRefused(with(fields, "follow", values.get(0) + " BREAKING:7"), "target", "nothing to follow");
        assertRefused(with(fields, "follow", values.get(0) + " WEATHER:1"), "topic", "nothing of this kind");
        assertRefused(with(fields, "follow", values.get(0) + " SECTION"), "target", "nothing to follow");
        assertRefused(with(fields, "follow", values.get(0) + " SECTION:x"), "target", "nothing to follow");
        assertRefused(with(fields, "follow", IntStream.range(0, Subscribe.FOLLOW_MAX + 1)
                .mapToObj(i -> "STORY:" + i).collect(Collectors.joining(" "))), "follow", "more than one form");
        HttpResponse<String> kept = post("/en/subscribe", with(fields, "follow", values.get(1) + " " + foreign), true);
        assertThat(Jsoup.parse(kept.body()).select("input[name=follow][checked]").eachAttr("value"))
                .containsExactly(values.get(1));
        assertNothingWrittenFor(email);
    }

    @Test
    void theEditionsFormCountsOneRequestAgainstTheLimits() throws Exception {
        String email = "many-limited-" + System.nanoTime() + "@readers.test";
        EditionForm form = editionForm(formOf("/en/subscribe"), email);
        Map<String, String> fields = form.fields();
        fields.put("follow", String.join(" ", form.values()));
        for (int i = 0; i < 5; i++) { // the limit per email address
            assertThat(post("/en/subscribe", fields, true).statusCode()).as("request " + i).isEqualTo(200);
        }
        assertThat(post("/en/subscribe", fields, true).statusCode()).isEqualTo(429);
    }

    @Test
    void aVisitorConfirmsByPostingTheMailedLinkAndManagesWithoutLogin() throws Exception {
        String email = "visitor-" + System.nanoTime() + "@readers.test";
        Map<String, String> fields = sectionForm("/en/world/");
        fields.put("email", "  " + email.toUpperCase() + " ");
        fields.put("delivery", "DIGEST");
        fields.put("hour", "6");
        HttpResponse<String> asked = post("/en/subscribe", fields, true);
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(asked.body()).select("h1").text()).isEqualTo("Check your mail");
        assertThat(asked.headers().firstValue("Cache-Control")).hasValue("no-store");
        Map<String, Object> subscriber = subscriber(email);
        assertThat(subscriber.get("confirmed_at")).isNull();
        assertThat(((Number) subscriber.get("digest_hour")).intValue()).isEqualTo(6);
        long subscriberId = ((Number) subscriber.get("id")).longValue();
        assertThat(endedWhy(subscriberId)).containsExactly("pending");

        String mail = awaitMail(email, "Confirm your subscription");
        Matcher link = Pattern.compile("(http\\S+/alerts/confirm/" + subscriberId + "\\?t=\\d+\\.[A-Za-z0-9_-]+)")
                .matcher(mail);
        assertThat(link.find()).as(mail).isTrue();
        String confirmPath = URI.create(link.group(1)).getRawPath() + "?" + URI.create(link.group(1)).getRawQuery();
        assertThat(mail).contains("Section: World");

        // A link scanner opens the link: a page with a button, nothing confirmed.
        HttpResponse<String> opened = http.get(confirmPath);
        assertThat(opened.statusCode()).isEqualTo(200);
        Element button = Jsoup.parse(opened.body()).select("form[method=post] button").first();
        assertThat(button).isNotNull();
        assertThat(subscriber(email).get("confirmed_at")).isNull();
        assertThat(endedWhy(subscriberId)).containsExactly("pending");

        // A forged or foreign token confirms nothing.
        assertThat(post("/alerts/confirm/" + subscriberId, Map.of("t", "forged"), true).statusCode()).isEqualTo(404);
        assertThat(post("/alerts/confirm/x", Map.of("t", "forged"), true).statusCode()).isEqualTo(404);
        assertThat(subscriber(email).get("confirmed_at")).isNull();

        Element form = Jsoup.parse(opened.body()).select("form[method=post]").first();
        HttpResponse<String> confirmed = post(form.attr("action"),
                Map.of("t", form.select("input[name=t]").val()), true);
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(subscriber(email).get("confirmed_at")).isNotNull();
        assertThat(endedWhy(subscriberId)).containsExactly((String) null);

        // The subscriber's page, by the signed link only.
        String managePath = path(Jsoup.parse(confirmed.body()).select("a[href*=/alerts/manage/]").attr("href"));
        assertThat(managePath).isEqualTo(path(links.manage(subscriberId, key(subscriberId))));
        assertThat(http.get("/alerts/manage/" + subscriberId + "?t=forged").statusCode()).isEqualTo(404);
        assertThat(http.get("/alerts/manage/" + subscriberId).statusCode()).isEqualTo(404);
        Document manage = Jsoup.parse(http.get(managePath).body());
        assertThat(manage.select(".alerts-list li").eachText()).singleElement().asString()
                .contains("Section: World").contains("Daily digest");
        String token = manage.select("input[name=t]").first().val();

        HttpResponse<String> badZone = post("/alerts/manage/" + subscriberId + "/digest",
                Map.of("t", token, "hour", "21", "zone", "Mars/Olympus"), true);
        assertThat(badZone.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(badZone.body()).select(".form-errors").text()).contains("time zone");
        HttpResponse<String> badHour = post("/alerts/manage/" + subscriberId + "/digest",
                Map.of("t", token, "hour", "24", "zone", "Asia/Tokyo"), true);
        assertThat(badHour.statusCode()).isEqualTo(400);
        assertThat(((Number) subscriber(email).get("digest_hour")).intValue()).isEqualTo(6);
        HttpResponse<String> digest = post("/alerts/manage/" + subscriberId + "/digest",
                Map.of("t", token, "hour", "21", "zone", "Asia/Tokyo"), true);
        assertThat(digest.statusCode()).isEqualTo(302);
        assertThat(subscriber(email)).containsEntry("time_zone", "Asia/Tokyo");
        assertThat(((Number) subscriber(email).get("digest_hour")).intValue()).isEqualTo(21);
        assertThat(post("/alerts/manage/" + subscriberId + "/digest",
                Map.of("t", "forged", "hour", "3", "zone", "UTC"), true).statusCode()).isEqualTo(404);

        // Another one, then end one, then all.
        Map<String, String> breaking = breakingForm();
        breaking.put("email", email);
        assertThat(post("/en/subscribe", breaking, true).statusCode()).isEqualTo(200);
        assertThat(endedWhy(subscriberId)).containsExactlyInAnyOrder(null, "pending");
        long sectionSubscription = subscriptionIds(subscriberId).get(0);
        HttpResponse<String> other = post("/alerts/manage/" + subscriberId + "/end",
                Map.of("t", token, "subscription", "999999999"), true);
        assertThat(other.statusCode()).isEqualTo(404);
        HttpResponse<String> ended = post("/alerts/manage/" + subscriberId + "/end",
                Map.of("t", token, "subscription", Long.toString(sectionSubscription)), true);
        assertThat(ended.statusCode()).isEqualTo(302);
        assertThat(endedWhy(subscriberId)).containsExactlyInAnyOrder("unsubscribed", "pending");
        assertThat(post("/alerts/manage/" + subscriberId + "/end-all", Map.of("t", token), true).statusCode())
                .isEqualTo(302);
        assertThat(endedWhy(subscriberId)).containsExactly("unsubscribed", "unsubscribed");
        assertThat(Jsoup.parse(http.get(managePath).body()).select(".alerts-list li")).isEmpty();
    }

    @Test
    void oneClickUnsubscribeFollowsRfc8058AndAGetNeverEndsAnything() throws Exception {
        long subscriberId = confirmedVisitor("one-click-" + System.nanoTime() + "@readers.test");
        long subscriptionId = subscriptionIds(subscriberId).get(0);
        String link = links.unsubscribe(subscriptionId, key(subscriberId));

        HttpResponse<String> page = http.get(path(link));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(page.body()).select("form[method=post] input[name=List-Unsubscribe]").val())
                .isEqualTo("One-Click");
        assertThat(endedWhy(subscriberId)).containsExactly((String) null);

        // Wrong proof, or another subscription's, ends nothing; nor does a POST without the one-click body.
        long otherSubscriber = confirmedVisitor("one-click-other-" + System.nanoTime() + "@readers.test");
        String foreign = links.unsubscribe(subscriptionIds(otherSubscriber).get(0), key(otherSubscriber));
        String foreignToken = URI.create(foreign).getRawQuery();
        assertThat(oneClick("/alerts/unsubscribe/" + subscriptionId + "?" + foreignToken, "List-Unsubscribe=One-Click")
                .statusCode()).isEqualTo(404);
        assertThat(oneClick("/alerts/unsubscribe/" + subscriptionId, "List-Unsubscribe=One-Click").statusCode())
                .isEqualTo(404);
        assertThat(oneClick(path(link), "").statusCode()).isEqualTo(400);
        assertThat(endedWhy(subscriberId)).containsExactly((String) null);

        // As a mail provider posts it: from nowhere, no cookie, no origin, no CSRF token.
        HttpResponse<String> done = oneClick(path(link), "List-Unsubscribe=One-Click");
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(endedWhy(subscriberId)).containsExactly("unsubscribed");
        assertThat(endedWhy(otherSubscriber)).containsExactly((String) null);
        assertThat(oneClick(path(link), "List-Unsubscribe=One-Click").statusCode()).as("again").isEqualTo(200);

        // RFC 8058 allows multipart/form-data too.
        long third = confirmedVisitor("one-click-multipart-" + System.nanoTime() + "@readers.test");
        String multipart = links.unsubscribe(subscriptionIds(third).get(0), key(third));
        String boundary = "----rfc8058boundary";
        HttpResponse<String> fromMultipart = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(http.base() + path(multipart)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\n"
                        + "Content-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\n"
                        + "One-Click\r\n--" + boundary + "--\r\n")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(fromMultipart.statusCode()).isEqualTo(200);
        assertThat(endedWhy(third)).containsExactly("unsubscribed");
        assertThat(Jsoup.parse(http.get(path(link)).body()).select("form[method=post]")).isEmpty();
    }

    @Test
    void badInputIsRefusedAndLeavesNothingWritten() throws Exception {
        String email = "refused-" + System.nanoTime() + "@readers.test";
        Map<String, String> good = sectionForm("/en/world/");
        good.put("email", email);

        // From another site (or with no word on where it comes from): refused by the CSRF protection.
        assertThat(post("/en/subscribe", good, "Sec-Fetch-Site", "cross-site").statusCode()).isEqualTo(403);
        assertThat(post("/en/subscribe", good, "Origin", "https://elsewhere.example").statusCode()).isEqualTo(403);
        assertThat(post("/en/subscribe", good, false).statusCode()).isEqualTo(403);

        assertRefused(with(good, "email", ""), "email", "Enter your email address");
        assertRefused(with(good, "email", "not-an-address"), "email", "not valid");
        assertRefused(with(good, "email", "a".repeat(250) + "@x.test"), "email", "not valid");
        assertRefused(with(good, "topic", "WEATHER"), "topic", "nothing of this kind");
        assertRefused(with(good, "target", "999999999"), "target", "nothing to follow");
        assertRefused(with(good, "target", "12abc"), "target", "nothing to follow");
        assertRefused(with(breakingForm(), "email", email, "follow", "BREAKING:7"), "target", "nothing to follow");
        assertRefused(with(good, "delivery", "PUSH"), "delivery", "need JavaScript");
        assertRefused(with(good, "delivery", "PIGEON"), "delivery", "Choose email");
        assertRefused(with(good, "delivery", "DIGEST", "hour", "24"), "hour", "00:00 to 23:00");
        assertRefused(with(good, "edition", "ru"), "edition", "edition does not exist");
        HttpResponse<String> russian = post("/ru/subscribe", with(good, "edition", "ru", "email", "x"), true);
        assertThat(russian.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(russian.body()).select(".form-errors").text()).contains("Этот адрес");

        // A refusal shows the form again with what was typed.
        HttpResponse<String> again = post("/en/subscribe", with(good, "delivery", "PUSH"), true);
        assertThat(Jsoup.parse(again.body()).select("form[data-alerts-form] input[name=email]").val())
                .isEqualTo(email);

        assertThat(post("/zz/subscribe", good, true).statusCode()).isEqualTo(404);

        // The zone is a hidden field the script fills in: one unknown here falls back to the edition's.
        String zoned = "zoned-" + System.nanoTime() + "@readers.test";
        assertThat(post("/en/subscribe", with(good, "email", zoned, "zone", "Nowhere/Land"), true).statusCode())
                .isEqualTo(200);
        String editionZone = jdbc.sql("SELECT time_zone FROM editions WHERE code = 'en'").query(String.class)
                .single();
        assertThat(subscriber(zoned)).containsEntry("time_zone", editionZone);
        assertNothingWrittenFor(email);
    }

    @Test
    void visitorsAreRateLimitedPerAddressAndPerEmail() throws Exception {
        String email = "limited-" + System.nanoTime() + "@readers.test";
        Map<String, String> breaking = breakingForm();
        breaking.put("email", email);
        for (int i = 0; i < 5; i++) {
            assertThat(post("/en/subscribe", breaking, true).statusCode()).isEqualTo(200);
        }
        caller = "10.20.0." + (System.nanoTime() % 250 + 1); // another client: the address's own limit holds
        HttpResponse<String> sixth = post("/en/subscribe", breaking, true);
        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(Jsoup.parse(sixth.body()).select(".form-errors").text()).contains("Too many attempts");

        // One client, many addresses: 30 an hour.
        caller = "10.21.0." + (System.nanoTime() % 250 + 1);
        int accepted = 0;
        HttpResponse<String> last = null;
        for (int i = 0; i < 31; i++) {
            last = post("/en/subscribe", with(breaking, "email", "many-" + i + "-" + System.nanoTime()
                    + "@readers.test"), true);
            accepted += last.statusCode() == 200 ? 1 : 0;
        }
        assertThat(accepted).isEqualTo(30);
        assertThat(last.statusCode()).isEqualTo(429);

        // Confirming: 30 an hour per client, forged or not.
        caller = "10.22.0." + (System.nanoTime() % 250 + 1);
        for (int i = 0; i < 30; i++) {
            assertThat(post("/alerts/confirm/1", Map.of("t", "forged"), true).statusCode()).isEqualTo(404);
        }
        assertThat(post("/alerts/confirm/1", Map.of("t", "forged"), true).statusCode()).isEqualTo(429);
    }

    @Test
    void aLoggedInReaderSubscribesInOneClickAndManagesOnTheAccountPage() throws Exception {
        String email = "account-subscriber-" + System.nanoTime() + "@readers.test";
        WebSession reader = reader(email);
        long accountId = jdbc.sql("SELECT id FROM accounts WHERE email = ?").params(email).query(Long.class).single();
        Story story = publish("en", "world", "Story a reader follows");

        Map<String, String> fields = storyForm(story);
        HttpResponse<String> done = post(reader, "/en/subscribe", fields);
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(done.body()).select("h1").text()).isEqualTo("You are subscribed");
        assertThat(done.body()).contains("Story a reader follows");
        long subscriberId = jdbc.sql("SELECT id FROM subscribers WHERE account_id = ?").params(accountId)
                .query(Long.class).single();
        assertThat(subscriber(subscriberId).get("confirmed_at")).isNotNull();
        assertThat(subscriber(subscriberId).get("email")).isNull();
        assertThat(endedWhy(subscriberId)).containsExactly((String) null);
        assertThat(Jsoup.parse(post(reader, "/en/subscribe", fields).body()).select("h1").text())
                .isEqualTo("Already subscribed");
        assertThat(subscriptionIds(subscriberId)).hasSize(1);

        // Also the section, by digest at 8 in the reader's zone.
        Map<String, String> section = sectionForm("/en/world/");
        section.putAll(Map.of("delivery", "DIGEST", "hour", "8", "zone", "Europe/Berlin"));
        assertThat(post(reader, "/en/subscribe", section).statusCode()).isEqualTo(200);
        assertThat(subscriber(subscriberId)).containsEntry("time_zone", "Europe/Berlin");

        HttpResponse<String> account = reader.get("/account/subscriptions");
        assertThat(account.statusCode()).isEqualTo(200);
        Document list = Jsoup.parse(account.body());
        assertThat(list.select(".alerts-list li").eachText()).hasSize(2);
        assertThat(list.select("form[action=/account/subscriptions/end] input[name=_csrf]")).isNotEmpty();
        assertThat(reader.get("/account").body()).contains("/account/subscriptions");

        // The CSRF token is required here; with it, one ends.
        long storySubscription = subscriptionIds(subscriberId).get(0);
        assertThat(reader.post("/account/subscriptions/end", Map.of("subscription", Long.toString(storySubscription)))
                .statusCode()).isEqualTo(403);
        assertThat(reader.submit("/account/subscriptions", "/account/subscriptions/end",
                Map.of("subscription", "999999999")).statusCode()).isEqualTo(404);
        assertThat(reader.submit("/account/subscriptions", "/account/subscriptions/end",
                Map.of("subscription", Long.toString(storySubscription))).statusCode()).isEqualTo(302);
        assertThat(endedWhy(subscriberId)).containsExactly("unsubscribed", null);
        assertThat(reader.submit("/account/subscriptions", "/account/subscriptions/digest",
                Map.of("hour", "99", "zone", "Europe/Berlin")).statusCode()).isEqualTo(400);
        assertThat(reader.submit("/account/subscriptions", "/account/subscriptions/digest",
                Map.of("hour", "19", "zone", "America/New_York")).statusCode()).isEqualTo(302);
        assertThat(((Number) subscriber(subscriberId).get("digest_hour")).intValue()).isEqualTo(19);

        // Strangers see nothing of it.
        assertThat(WebSession.location(new WebSession(port).get("/account/subscriptions"))).contains("/account/login");
        assertThat(WebSession.location(new WebSession(port).get("/account/export"))).contains("/account/login");

        // The export lists every subscription, the ended one too.
        HttpResponse<String> export = reader.get("/account/export");
        assertThat(export.statusCode()).isEqualTo(200);
        JsonNode exported = json.readTree(export.body());
        assertThat(exported.get("account").get("email").asString()).isEqualTo(email);
        JsonNode subscriptions = exported.get("subscriptions").get("subscriptions");
        assertThat(subscriptions).hasSize(2);
        assertThat(subscriptions.get(0).get("topic").asString()).isEqualTo("STORY");
        assertThat(subscriptions.get(0).get("target").asLong()).isEqualTo(story.id());
        assertThat(subscriptions.get(0).get("endedWhy").asString()).isEqualTo("unsubscribed");
        assertThat(subscriptions.get(1).get("delivery").asString()).isEqualTo("DIGEST");
        assertThat(exported.get("subscriptions").get("timeZone").asString()).isEqualTo("America/New_York");

        // Deleting the account ends what ran, kept for a restore within its window; the ended one stays ended.
        assertThat(reader.submit("/account", "/account/delete", Map.of("password", PASSWORD)).statusCode())
                .isEqualTo(302);
        assertThat(endedWhy(subscriberId)).containsExactly("unsubscribed", "account-deleted");
    }

    @Test
    void restoringADeletedAccountBringsBackTheSubscriptionsTheDeletionEndedAndNoOther() throws Exception {
        String email = "restored-" + System.nanoTime() + "@readers.test";
        WebSession reader = reader(email);
        long accountId = jdbc.sql("SELECT id FROM accounts WHERE email = ?").params(email).query(Long.class).single();
        Story story = publish("en", "world", "Story a returning reader follows");
        assertThat(post(reader, "/en/subscribe", storyForm(story)).statusCode()).isEqualTo(200);
        assertThat(post(reader, "/en/subscribe", breakingForm()).statusCode()).isEqualTo(200);
        assertThat(post(reader, "/en/subscribe", with(sectionForm("/en/world/"), "delivery", "DIGEST", "hour", "8"))
                .statusCode()).isEqualTo(200);
        long subscriberId = jdbc.sql("SELECT id FROM subscribers WHERE account_id = ?").params(accountId)
                .query(Long.class).single();
        List<Long> ids = subscriptionIds(subscriberId);
        assertThat(ids).hasSize(3);
        // The reader ends the story's before leaving: no restore brings it back.
        assertThat(reader.submit("/account/subscriptions", "/account/subscriptions/end",
                Map.of("subscription", Long.toString(ids.get(0)))).statusCode()).isEqualTo(302);

        assertThat(reader.submit("/account", "/account/delete", Map.of("password", PASSWORD)).statusCode())
                .isEqualTo(302);
        assertThat(endedWhy(subscriberId)).containsExactly("unsubscribed", "account-deleted", "account-deleted");
        // While the account is deleted, the one-click link of an older mail still ends its subscription for good.
        String unsubscribe = path(links.unsubscribe(ids.get(1), key(subscriberId)));
        assertThat(oneClick(unsubscribe, "List-Unsubscribe=One-Click").statusCode()).isEqualTo(200);
        assertThat(endedWhy(subscriberId)).containsExactly("unsubscribed", "unsubscribed", "account-deleted");

        WebSession back = new WebSession(port);
        assertThat(WebSession.location(back.submit("/account/login", "/account/login",
                Map.of("email", email, "password", PASSWORD)))).contains("/account/restore");
        assertThat(WebSession.location(back.submit("/account/restore", "/account/restore", Map.of())))
                .contains("/account?restored");
        assertThat(endedWhy(subscriberId)).containsExactly("unsubscribed", "unsubscribed", null);
        assertThat(Jsoup.parse(back.get("/account/subscriptions").body()).select(".alerts-list li").eachText())
                .singleElement().asString().contains("Section: World").contains("Daily digest");
    }

    @Test
    void aConfirmationLinkExpiresWithAPageThatOffersToSubscribeAgain() throws Exception {
        String email = "expiring-" + System.nanoTime() + "@readers.test";
        Map<String, String> breaking = breakingForm();
        breaking.put("email", email);
        assertThat(post("/en/subscribe", breaking, true).statusCode()).isEqualTo(200);
        long id = ((Number) subscriber(email).get("id")).longValue();
        String fresh = path(links.confirm(id, key(id)));
        assertThat(fresh).matches("/alerts/confirm/" + id + "\\?t=\\d+\\.[A-Za-z0-9_-]+");

        // Made eight days ago, the setting being seven: a page that says so, offers the form, and confirms nothing.
        String old = confirmToken(id, Instant.now().minus(Duration.ofDays(8)));
        for (HttpResponse<String> expired : List.of(http.get("/alerts/confirm/" + id + "?t=" + old),
                post("/alerts/confirm/" + id, Map.of("t", old), true))) {
            assertThat(expired.statusCode()).isEqualTo(410);
            Document page = Jsoup.parse(expired.body());
            assertThat(page.select("h1").text()).isEqualTo("This link has expired");
            assertThat(page.select("main a[href=/en/subscribe]").text()).isEqualTo("Subscribe again");
            assertThat(expired.headers().firstValue("Cache-Control")).hasValue("no-store");
        }
        assertThat(subscriber(email).get("confirmed_at")).isNull();
        assertThat(endedWhy(id)).containsExactly("pending");
        // A link without its time (as they were made before), or with its time changed, is not valid at all.
        String untimed = ManageLinks.token("confirm:" + id, key(id));
        assertThat(http.get("/alerts/confirm/" + id + "?t=" + untimed).statusCode()).isEqualTo(404);
        String shifted = old.replaceFirst("^\\d+", Long.toString(Instant.now().getEpochSecond()));
        assertThat(post("/alerts/confirm/" + id, Map.of("t", shifted), true).statusCode()).isEqualTo(404);

        // Six days old, it still works.
        String recent = confirmToken(id, Instant.now().minus(Duration.ofDays(6)));
        assertThat(http.get("/alerts/confirm/" + id + "?t=" + recent).statusCode()).isEqualTo(200);
        assertThat(post("/alerts/confirm/" + id, Map.of("t", recent), true).statusCode()).isEqualTo(200);
        assertThat(endedWhy(id)).containsExactly((String) null);
    }

    @Test
    void everyWriteAStrangerCanMakeIsLimitedPerAddress() throws Exception {
        long subscriberId = confirmedVisitor("limited-writes-" + System.nanoTime() + "@readers.test");
        String token = URI.create(links.manage(subscriberId, key(subscriberId))).getRawQuery().substring(2);
        String[] writes = {"/end", "/end-all", "/digest"};
        // 60 an hour, refilled evenly (one a minute): forged or not, each takes one.
        int forged = 0;
        int status;
        while ((status = post("/alerts/manage/" + subscriberId + writes[forged % 3], Map.of("t", "forged"), true)
                .statusCode()) == 404 && forged < 70) {
            forged++;
        }
        assertThat(status).isEqualTo(429);
        assertThat(forged).isBetween(60, 61);
        for (String write : writes) {
            HttpResponse<String> refused = post("/alerts/manage/" + subscriberId + write,
                    Map.of("t", token, "hour", "5", "zone", "UTC"), true);
            assertThat(refused.statusCode()).as(write).isEqualTo(429);
            assertThat(Jsoup.parse(refused.body()).select("main p").first().text()).contains("Too many attempts");
        }
        assertThat(endedWhy(subscriberId)).containsExactly((String) null);

        // A logged-in reader's one click, from the same address: the same allowance, spent already.
        WebSession reader = reader();
        HttpResponse<String> click = post(reader, "/en/subscribe", breakingForm());
        assertThat(click.statusCode()).isEqualTo(429);
        assertThat(Jsoup.parse(click.body()).select(".form-errors").text()).contains("Too many attempts");
        caller = "10.23.0." + (System.nanoTime() % 250 + 1);
        assertThat(post(reader, "/en/subscribe", breakingForm()).statusCode()).isEqualTo(200);
        assertThat(post("/alerts/manage/" + subscriberId + "/end-all", Map.of("t", token), true).statusCode())
                .isEqualTo(302);

        // One-click unsubscribes: far more, since mail providers post them for all their users.
        caller = "10.24.0." + (System.nanoTime() % 250 + 1);
        String unsubscribe = "/alerts/unsubscribe/" + subscriptionIds(subscriberId).get(0) + "?t=forged";
        int unsubscribes = 0;
        while ((status = send(http.client(), unsubscribe, "List-Unsubscribe=One-Click").statusCode()) == 404
                && unsubscribes < 1100) {
            unsubscribes++;
        }
        assertThat(status).isEqualTo(429);
        assertThat(unsubscribes).as("1,000 an hour, one more every 3.6 s").isBetween(1000, 1050);
        String digest = path(links.unsubscribeDigest(subscriberId, key(subscriberId)));
        assertThat(oneClick(digest, "List-Unsubscribe=One-Click").statusCode()).isEqualTo(429);
    }

    /** A confirmation token as {@link ManageLinks} makes it, made at {@code issued}. */
    private String confirmToken(long subscriberId, Instant issued) {
        long at = issued.getEpochSecond();
        return at + "." + ManageLinks.token("confirm:" + subscriberId + ":" + at, key(subscriberId));
    }

    @Test
    void everyAlertsPageIsValidHtml() throws Exception {
        String email = "valid-" + System.nanoTime() + "@readers.test";
        Map<String, String> breaking = breakingForm();
        breaking.put("email", email);
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("/en/subscribe", http.get("/en/subscribe").body());
        pages.put("/ru/subscribe", http.get("/ru/subscribe").body());
        pages.put("check mail", post("/en/subscribe", breaking, true).body());
        pages.put("refused", post("/en/subscribe", with(breaking, "delivery", "PUSH"), true).body());
        pages.put("refused, unknown", post("/ru/subscribe", with(breaking, "topic", "X", "edition", "ru"), true)
                .body());
        pages.put("refused, none checked", post("/ru/subscribe", with(breaking, "follow", "", "edition", "ru"), true)
                .body());
        long id = ((Number) subscriber(email).get("id")).longValue();
        pages.put("confirm", http.get(path(links.confirm(id, key(id)))).body());
        pages.put("confirmed", post("/alerts/confirm/" + id, Map.of("t",
                URI.create(links.confirm(id, key(id))).getRawQuery().substring(2)), true).body());
        pages.put("manage", http.get(path(links.manage(id, key(id)))).body());
        pages.put("bad link", http.get("/alerts/manage/" + id + "?t=bad").body());
        String unsubscribe = path(links.unsubscribe(subscriptionIds(id).get(0), key(id)));
        pages.put("unsubscribe", http.get(unsubscribe).body());
        pages.put("unsubscribed", oneClick(unsubscribe, "List-Unsubscribe=One-Click").body());
        WebSession reader = reader();
        pages.put("subscribed", post(reader, "/en/subscribe", breakingForm()).body());
        pages.put("account", reader.get("/account/subscriptions?lang=ru").body());
        List<String> problems = new ArrayList<>();
        pages.forEach((name, html) -> HtmlChecker.errors(html).forEach(error -> problems.add(name + " " + error)));
        assertThat(problems).isEmpty();
    }

    // --- helpers

    record Story(long id, String path, String tagPath, String authorPath) {
    }

    private Story publish(String edition, String section, String headline) throws Exception {
        HttpResponse<String> created = http.postJson("/api/admin/articles", Http.article(edition, section, headline),
                DatelineTestContext.ADMIN_TOKEN);
        assertThat(created.statusCode()).as(created.body()).isIn(200, 201);
        JsonNode body = json.readTree(created.body());
        String path = URI.create(body.get("url").asString()).getPath();
        Document page = Jsoup.parse(http.get(path).body());
        return new Story(body.get("id").asLong(), path, page.select(".tags a").attr("href"),
                page.select(".byline a").attr("href"));
    }

    private Element formOf(String page) {
        return Jsoup.parse(http.get(page).body()).select("form[data-alerts-form]").first();
    }

    private Map<String, String> sectionForm(String page) {
        return formFields(formOf(page));
    }

    /** The edition's form's fields with the address typed in, and the values of all its boxes. */
    record EditionForm(List<String> values, Map<String, String> fields) {
    }

    private static EditionForm editionForm(Element form, String email) {
        Map<String, String> fields = formFields(form);
        fields.put("email", email);
        return new EditionForm(form.select("input[name=follow]").eachAttr("value"), fields);
    }

    /** The form under the story's headline as a logged-in reader sends it: no address. */
    private Map<String, String> storyForm(Story story) {
        Map<String, String> fields = formFields(Jsoup.parse(http.get(story.path()).body())
                .select("form[data-alerts-form]").first());
        fields.put("email", "");
        return fields;
    }

    /** The edition's form as the page has it: breaking news checked. */
    private Map<String, String> breakingForm() {
        Map<String, String> fields = formFields(formOf("/en/subscribe"));
        assertThat(fields).containsEntry("follow", "BREAKING:0");
        return fields;
    }

    /**
     * The form's fields as a browser without script sends them: hidden ones, the checked radio and boxes, the
     * selection. The checked boxes' values are kept space-separated under their name, and sent repeated.
     */
    private static Map<String, String> formFields(Element form) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name]")) {
            String type = input.attr("type");
            if (type.equals("checkbox")) {
                if (input.hasAttr("checked")) {
                    fields.merge(input.attr("name"), input.val(), (a, b) -> a + " " + b);
                }
            } else if (!type.equals("radio") || input.hasAttr("checked")) {
                fields.put(input.attr("name"), input.val());
            }
        }
        for (Element select : form.select("select[name]")) {
            fields.put(select.attr("name"), select.select("option[selected]").val());
        }
        return fields;
    }

    private static Map<String, String> with(Map<String, String> fields, String... changes) {
        Map<String, String> changed = new LinkedHashMap<>(fields);
        for (int i = 0; i < changes.length; i += 2) {
            changed.put(changes[i], changes[i + 1]);
        }
        return changed;
    }

    private void assertRefused(Map<String, String> fields, String field, String message) {
        HttpResponse<String> refused = post("/en/subscribe", fields, true);
        assertThat(refused.statusCode()).as(field).isEqualTo(400);
        assertThat(Jsoup.parse(refused.body()).select(".form-errors").text()).as(field).contains(message);
    }

    /** No subscriber for the address, no mail to it. */
    private void assertNothingWrittenFor(String email) throws Exception {
        assertThat(jdbc.sql("SELECT COUNT(*) FROM subscribers WHERE email = ?").params(email).query(Long.class)
                .single()).isZero();
        assertThat(Files.exists(outbox()) ? mailsTo(email) : List.of()).isEmpty();
    }

    private HttpResponse<String> post(String path, Map<String, String> fields, boolean sameOrigin) {
        return sameOrigin ? post(path, fields, "Sec-Fetch-Site", "same-origin") : post(path, fields, new String[0]);
    }

    private HttpResponse<String> post(String path, Map<String, String> fields, String... headers) {
        return send(http.client(), path, form(fields), headers);
    }

    /** A logged-in reader's browser posts a form from this site's page. */
    private HttpResponse<String> post(WebSession browser, String path, Map<String, String> fields) {
        return send(browser.client(), path, form(fields), "Sec-Fetch-Site", "same-origin");
    }

    private HttpResponse<String> oneClick(String path, String body) {
        return send(HttpClient.newHttpClient(), path, body);
    }

    private HttpResponse<String> send(HttpClient client, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(http.base() + path))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", caller).POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().flatMap(e -> (e.getKey().equals("follow")
                        ? Stream.of(e.getValue().split(" ")).filter(v -> !v.isEmpty())
                        : Stream.of(e.getValue())).map(value -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)))
                .collect(Collectors.joining("&"));
    }

    private static String path(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private long confirmedVisitor(String email) throws Exception {
        Map<String, String> breaking = breakingForm();
        breaking.put("email", email);
        assertThat(post("/en/subscribe", breaking, true).statusCode()).isEqualTo(200);
        long id = ((Number) subscriber(email).get("id")).longValue();
        String confirm = path(links.confirm(id, key(id)));
        assertThat(post(confirm.substring(0, confirm.indexOf('?')),
                Map.of("t", confirm.substring(confirm.indexOf("?t=") + 3)), true).statusCode()).isEqualTo(200);
        return id;
    }

    private Map<String, Object> subscriber(String email) {
        return subscriberWhere("email", email);
    }

    private Map<String, Object> subscriber(long id) {
        return subscriberWhere("id", id);
    }

    /** The subscriber's row, by lower-case column names (H2 answers in upper case). */
    private Map<String, Object> subscriberWhere(String column, Object value) {
        Map<String, Object> row = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM subscribers WHERE " + column + " = ?").params(value).query().singleRow()
                .forEach((name, field) -> row.put(name.toLowerCase(), field));
        return row;
    }

    private String key(long subscriberId) {
        return jdbc.sql("SELECT manage_key FROM subscribers WHERE id = ?").params(subscriberId).query(String.class)
                .single();
    }

    private List<String> endedWhy(long subscriberId) {
        List<String> why = new ArrayList<>();
        jdbc.sql("SELECT ended_why FROM subscriptions WHERE subscriber_id = ? ORDER BY id").params(subscriberId)
                .query((rs, row) -> why.add(rs.getString(1))).list();
        return why;
    }

    private List<Long> subscriptionIds(long subscriberId) {
        return jdbc.sql("SELECT id FROM subscriptions WHERE subscriber_id = ? ORDER BY id").params(subscriberId)
                .query(Long.class).list();
    }

    private WebSession reader() {
        return reader("alerts-reader-" + System.nanoTime() + "@readers.test");
    }

    private WebSession reader(String email) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                INSERT INTO accounts (email, display_name, password_hash, role, active, must_change_password,
                                      created_at, password_changed_at, email_confirmed_at)
                VALUES (?, ?, ?, 'READER', TRUE, FALSE, ?, ?, ?)
                """).params(email, "Alerts reader", encoder.encode(PASSWORD), now, now, now).update();
        WebSession reader = new WebSession(port);
        HttpResponse<String> login = reader.submit("/account/login", "/account/login",
                Map.of("email", email, "password", PASSWORD));
        assertThat(WebSession.location(login)).endsWith("/account");
        return reader;
    }

    private Path outbox() {
        return settings.dataDir().resolve("mail").resolve("outbox");
    }

    private List<String> mailsTo(String email) throws Exception {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(outbox())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".eml")).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    MimeMessage message = new MimeMessage(null, in);
                    String to = message.getHeader("To", ",");
                    if (to != null && to.contains(email)) {
                        found.add(message.getSubject() + "\n" + message.getContent());
                    }
                }
            }
        }
        return found;
    }

    private String awaitMail(String email, String subject) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(outbox())) {
                for (String mail : mailsTo(email)) {
                    if (mail.startsWith(subject)) {
                        return mail;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no mail to " + email + " in " + outbox());
    }
}
