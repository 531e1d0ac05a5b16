package org.dateline.site;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.dateline.content.ArticleSummary;
import org.dateline.content.ContentQueries;
import org.dateline.testing.Http;
import org.dateline.testing.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The public pages a reader sees without logging in, over real HTTP. */
@IntegrationTest
class PublicSiteIT {

    static final String SEED_HEADLINE = "Russia, U.S. look to boost cooperation on terror, proliferation";
    static final String SEED_DESCRIPTION = "The latest news and stories from Russia. Stay tuned for updates and "
            + "breaking news on defense, politics, economy and more.";

    @LocalServerPort
    int port;
    @Autowired
    ContentQueries content;
    @Autowired
    JsonMapper json;
    Http http;
    ArticleSummary seed;

    @BeforeEach
    void connect() {
        http = new Http(port);
        seed = content.allById(0, 1).get(0);
    }

    @Test
    void rootTakesTheReaderToTheDefaultEdition() {
        HttpResponse<String> response = http.get("/");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/en/"));
    }

    @Test
    void seedArticlePageShowsHeadlineLeadDatelineBodyAndNewsfeed() throws Exception {
        assertThat(seed.headline()).isEqualTo(SEED_HEADLINE);
        assertThat(seed.path()).startsWith("/en/russia/20070222/");
        HttpResponse<String> response = http.get(seed.path());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).get().asString()
                .isEqualToIgnoringCase("text/html;charset=UTF-8");
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("article.article h1").text()).isEqualTo(SEED_HEADLINE);
        assertThat(page.select("article .lead").text()).startsWith("Senior Russian and U.S. security officials");
        assertThat(page.select(".body p").first().text())
                .startsWith("MOSCOW, February 22 (RIA Novosti) - Senior Russian and U.S. security officials");
        assertThat(page.select(".body p").last().text()).endsWith("fighting terrorism.");
        assertThat(page.select(".body p")).hasSizeGreaterThan(10);
        assertThat(page.select("#newsfeed h2").text()).startsWith("Newsfeed");
        assertThat(page.select("#newsfeed-count").text()).isEqualTo("0");
        assertThat(page.select("#newsfeed-list li")).hasSizeGreaterThan(5);
        assertThat(page.select("link[rel=canonical]").attr("href")).isEqualTo(http.base() + seed.path());
        assertThat(page.select("link[rel=alternate][hreflang=ru]").attr("href")).contains("/ru/russia/20070222/");
        assertThat(page.select(".translations a[hreflang=ru]")).hasSize(1);
        assertThat(page.select("meta[property=og:title]").attr("content")).isEqualTo(SEED_HEADLINE);
        assertThat(page.select("link[rel=alternate][type=application/rss+xml]").attr("href"))
                .isEqualTo("/en/russia/rss.xml");
        // Regions that belong to later work are absent rather than dead; Subscribe sits where the seed has it.
        assertThat(response.body()).doesNotContain("log in or register");
        assertThat(page.select("article h1 + details.alerts-subscribe summary").text()).isEqualTo("Subscribe");

        JsonNode ld = json.readTree(page.select("script[type=application/ld+json]").html());
        assertThat(ld.get("@type").asString()).isEqualTo("NewsArticle");
        assertThat(ld.get("headline").asString()).isEqualTo(SEED_HEADLINE);
        assertThat(ld.get("datePublished").asString()).isEqualTo("2007-02-22T09:00:00Z");
        assertThat(ld.get("dateModified").asString()).isNotBlank();
        assertThat(ld.get("dateline").asString()).isEqualTo("MOSCOW, February 22 (RIA Novosti)");
        assertThat(ld.get("locationCreated").get("name").asString()).isEqualTo("MOSCOW");
        assertThat(ld.get("publisher").get("name").asString()).isEqualTo("Dateline");
        assertThat(ld.get("author").isArray()).isTrue();
    }

    @Test
    void russianEditionSpeaksRussian() {
        Document page = Jsoup.parse(http.get("/ru/").body());
        assertThat(page.select("html").attr("lang")).isEqualTo("ru");
        assertThat(page.select("#newsfeed h2").text()).startsWith("Лента новостей");
        assertThat(page.select(".sections a").eachText()).contains("Россия");
    }

    @Test
    void sectionPageShowsItsDescriptionAndFeeds() {
        Document page = Jsoup.parse(http.get("/en/russia/").body());
        assertThat(page.select("h1").text()).isEqualTo("Russia");
        assertThat(page.select(".section-description").text()).isEqualTo(SEED_DESCRIPTION);
        assertThat(page.select("link[rel=alternate][type=application/atom+xml]").attr("href"))
                .isEqualTo("/en/russia/atom.xml");
        assertThat(page.select(".teaser")).isNotEmpty();
    }

    @Test
    void changedSlugAnswers301ToTheCanonicalUrl() {
        String moved = seed.path().replace(seed.slug(), "an-older-slug").replace("/russia/", "/world/");
        HttpResponse<String> response = http.get(moved);
        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(seed.path()));
    }

    @Test
    void unknownAddressesAnswer404WithAnErrorPageInTheEditionsLanguage() {
        HttpResponse<String> missing = http.get("/ru/no-such-section/");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Страница не найдена");
        assertThat(http.get("/en/russia/20070222/999999999-nothing").statusCode()).isEqualTo(404);
        assertThat(http.get("/en/no/such/deep/path").statusCode()).isEqualTo(404);
        HttpResponse<String> api = http.get("/api/nothing", "Accept", "application/json");
        assertThat(api.statusCode()).isIn(401, 404);
    }

    @Test
    void badCursorAnswers400NotAServerError() {
        assertThat(http.get("/en/?before=garbage").statusCode()).isEqualTo(400);
        assertThat(http.get("/en/newsfeed/items?before=garbage").statusCode()).isEqualTo(400);
        assertThat(http.get("/en/newsfeed/items?before=garbage").body()).contains("\"code\":\"invalid_cursor\"");
    }

    @Test
    void cachedPagesCarryEtagGzipSurrogateKeysAndSecurityHeaders() throws Exception {
        HttpResponse<String> hit = http.cachedHit(seed.path());
        String etag = hit.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).startsWith("\"").endsWith("\"");
        assertThat(hit.headers().firstValue("Cache-Control").orElseThrow()).contains("stale-while-revalidate");
        assertThat(hit.headers().firstValue("Surrogate-Key").orElseThrow()).contains("article:" + seed.id());
        assertThat(hit.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'");
        assertThat(hit.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(hit.headers().firstValue("Set-Cookie")).isEmpty();

        assertThat(http.get(seed.path(), "If-None-Match", etag).statusCode()).isEqualTo(304);

        HttpResponse<byte[]> gzipped = http.getBytes(seed.path(), "Accept-Encoding", "gzip");
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(hit.body());
        }
    }

    @Test
    void newsfeedPagesByCursorWithoutRepeatsOrGaps() throws Exception {
        List<Long> paged = new ArrayList<>();
        String next = null;
        do {
            String body = http.get("/en/newsfeed/items" + (next == null ? "" : "?before=" + next)).body();
            JsonNode page = json.readTree(body);
            page.get("items").forEach(item -> paged.add(item.get("id").asLong()));
            next = page.get("next") == null || page.get("next").isNull() ? null : page.get("next").asString();
        } while (next != null);
        List<Long> expected = content.latest("en", null, 100_000).stream().map(ArticleSummary::id).toList();
        assertThat(paged).containsExactlyElementsOf(expected);
    }

    @Test
    void tagAuthorAndNewsfeedPagesRender() {
        Document article = Jsoup.parse(http.get(seed.path()).body());
        String tag = article.select(".tags a").last().attr("href"); // "Igor Ivanov": few stories, the seed among them
        String author = article.select(".byline a").first().attr("href");
        assertThat(http.get(tag).statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(http.get(tag).body()).select(".teaser a[href=" + seed.path() + "]:not(.teaser-picture)")).hasSize(1);
        assertThat(http.get(author).statusCode()).isEqualTo(200);
        Document newsfeed = Jsoup.parse(http.get("/en/newsfeed").body());
        assertThat(newsfeed.select(".newsfeed-page li")).hasSizeGreaterThan(10);
    }

    @Test
    void articleLinksToTheNextArticleOfItsSection() {
        ArticleSummary newest = content.latest("en", null, 1).get(0);
        Document page = Jsoup.parse(http.get(newest.path()).body());
        String next = page.select("nav.next-article").attr("data-next");
        assertThat(next).startsWith("/en/" + newest.sectionSlug() + "/");
        assertThat(page.select("nav.next-article a").attr("href")).isEqualTo(next);
        assertThat(http.get(next).statusCode()).isEqualTo(200);
    }
}
