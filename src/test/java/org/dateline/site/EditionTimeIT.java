package org.dateline.site;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.dateline.testing.DatelineTestContext;
import org.dateline.testing.Http;
import org.dateline.testing.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each edition shows its times in its own zone and names it, groups the newsfeed by day under day headings, and an
 * administrator sets the zone through the admin API: cached pages show the new zone at once, anything but a known
 * zone id or an administrator is refused with a stable code.
 */
@IntegrationTest
class EditionTimeIT {

    @LocalServerPort
    int port;
    Http http;

    @BeforeEach
    void connect() {
        http = new Http(port);
    }

    @Test
    void publicTimesNameTheirZoneAndTheNewsfeedIsGroupedByDay() {
        Document ru = Jsoup.parse(http.get("/ru/").body());
        Element panel = ru.getElementById("newsfeed-list");
        assertThat(panel.child(0).hasClass("newsfeed-day")).as("the panel opens with a day heading").isTrue();
        assertThat(panel.select("li:not(.newsfeed-day) time")).isNotEmpty()
                .allSatisfy(time -> assertThat(time.text()).matches("\\d\\d:\\d\\d МСК"));
        assertThat(panel.select(".newsfeed-day h3").eachText())
                .allSatisfy(heading -> assertThat(heading).matches("Сегодня|Вчера|[а-я]+, \\d{1,2} [а-я]+"));
        assertThat(panel.select(".newsfeed-day").eachAttr("data-day")).doesNotHaveDuplicates();
        assertThat(ru.select(".teaser time").first().text()).endsWith(" МСК");

        Document en = Jsoup.parse(http.get("/en/newsfeed").body());
        assertThat(en.select(".newsfeed-page li:not(.newsfeed-day) time")).isNotEmpty()
                .allSatisfy(time -> assertThat(time.text()).matches("\\d\\d:\\d\\d UTC"));
        assertThat(en.select(".newsfeed-page .newsfeed-day h3").eachText())
                .allSatisfy(heading -> assertThat(heading).matches("Today|Yesterday|[A-Z][a-z]+, \\d{1,2} [A-Z][a-z]+"));

        String items = http.get("/ru/newsfeed/items").body();
        assertThat(items).containsPattern("\"time\":\"\\d\\d:\\d\\d МСК\"")
                .containsPattern("\"day\":\"\\d{4}-\\d\\d-\\d\\d\"").contains("\"dayLabel\":\"");
    }

    @Test
    void administratorsSetTheZoneAndCachedPagesFollowAtOnce() throws Exception {
        http.cachedHit("/en/");
        try {
            HttpResponse<String> set = put("en", "{\"timeZone\":\"Asia/Tokyo\"}", DatelineTestContext.ADMIN_TOKEN);
            assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
            assertThat(set.body()).isEqualTo("{\"edition\":\"en\",\"timeZone\":\"Asia/Tokyo\"}");
            await(() -> Jsoup.parse(http.get("/en/").body()).select("#newsfeed-list time").first().text()
                    .endsWith(" JST"));
            assertThat(Jsoup.parse(http.get("/en/").body()).getElementById("newsfeed").attr("data-zone"))
                    .isEqualTo("Asia/Tokyo");
        } finally {
            assertThat(put("en", "{\"timeZone\":\"UTC\"}", DatelineTestContext.ADMIN_TOKEN).statusCode())
                    .isEqualTo(200);
        }
        await(() -> Jsoup.parse(http.get("/en/").body()).select("#newsfeed-list time").first().text()
                .endsWith(" UTC"));
    }

    @Test
    void refusesUnknownZonesEditionsAndCallersWhoAreNotAdministrators() {
        for (String zone : new String[] {"Mars/Olympus", "+03:00", "", "MSK"}) {
            HttpResponse<String> refused = put("ru", "{\"timeZone\":\"" + zone + "\"}", DatelineTestContext.ADMIN_TOKEN);
            assertThat(refused.statusCode()).as(zone).isEqualTo(400);
            assertThat(refused.body()).as(zone).contains("\"code\":\"unknown_time_zone\"");
        }
        assertThat(put("ru", "{}", DatelineTestContext.ADMIN_TOKEN).body()).contains("\"code\":\"unknown_time_zone\"");
        HttpResponse<String> unknown = put("xx", "{\"timeZone\":\"UTC\"}", DatelineTestContext.ADMIN_TOKEN);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("\"code\":\"unknown_edition\"");

        String editorToken = integration("articles:write");
        HttpResponse<String> editor = put("ru", "{\"timeZone\":\"UTC\"}", editorToken);
        assertThat(editor.statusCode()).isEqualTo(403);
        assertThat(editor.body()).contains("\"code\":\"not_permitted\"");
        HttpResponse<String> reader = put("ru", "{\"timeZone\":\"UTC\"}", integration("articles:read"));
        assertThat(reader.statusCode()).isEqualTo(403);
        assertThat(reader.body()).contains("\"code\":\"insufficient_scope\"");
        assertThat(put("ru", "{\"timeZone\":\"UTC\"}", null).statusCode()).isEqualTo(401);
        assertThat(Jsoup.parse(http.get("/ru/").body()).getElementById("newsfeed").attr("data-zone"))
                .isEqualTo("Europe/Moscow");
    }

    private HttpResponse<String> put(String edition, String json, String token) {
        return http.send("PUT", "/api/admin/editions/" + edition + "/time-zone", json, token);
    }

    private String integration(String scope) {
        HttpResponse<String> created = http.postJson("/api/admin/integrations",
                "{\"name\":\"Zone " + scope + " " + System.nanoTime() + "\",\"scopes\":[\"" + scope + "\"]}",
                DatelineTestContext.ADMIN_TOKEN);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return created.body().replaceAll("(?s).*\"token\":\"([^\"]+)\".*", "$1");
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("not within 2 seconds");
            }
            Thread.sleep(20);
        }
    }
}
