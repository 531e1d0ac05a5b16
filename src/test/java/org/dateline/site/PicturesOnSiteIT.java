package org.dateline.site;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dateline.content.ContentQueries;
import org.dateline.testing.Http;
import org.dateline.testing.IntegrationTest;
import org.dateline.testing.StoriesWithPictures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pictures on the public pages: the lead and the body's figures of an article, thumbnails of every list, link
 * previews and structured data; every text of a picture escaped, and a changed caption evicting the cached page.
 */
@IntegrationTest
class PicturesOnSiteIT {

    static final String HOSTILE_ALT = "Two \"ships\" & <script>alert('alt')</script>";
    static final String HOSTILE_CAPTION = "Ships at dawn <script>alert(1)</script> & \"quotes\"";
    static final Path SCHEMA_ORG = Path.of(System.getProperty("dateline.shared.dir", "../shared"),
            "conformance/schema-org/schemaorg-current-https.jsonld");

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ContentQueries content;

    Http http;
    StoriesWithPictures stories;

    @BeforeEach
    void connect() {
        http = new Http(port);
        stories = new StoriesWithPictures(http, json, jdbc);
    }

    @Test
    void theArticleShowsItsLeadPictureFirstAndItsFiguresLazilyEverythingEscaped() {
        long lead = stories.picture(2000, 1500, Map.of("caption", HOSTILE_CAPTION, "altText", HOSTILE_ALT,
                "byline", "Anna <b>Petrova</b>", "credit", "Dateline", "copyright", "© Dateline 2026")).get("id").asLong();
        long figure = stories.picture(900, 1200, Map.of("caption", "Its own caption", "altText", "A quay at night",
                "credit", "Agency")).get("id").asLong();
        long gone = stories.picture(800, 600, Map.of("altText", "Withdrawn later")).get("id").asLong();
        long id = stories.publish("en", "world", "Harbour story " + System.nanoTime(), lead,
                "First paragraph.", "![The quay, \"later\" <em>that</em> night](picture:" + figure + ")",
                "Second paragraph.", "![](picture:" + gone + ")", "Last paragraph.");
        // Its provider withdrew it before anyone saw the page (publishing refuses a picture no longer shown).
        jdbc.sql("UPDATE pictures SET state = 'WITHDRAWN' WHERE id = ?").params(gone).update();
        String path = content.article(id).orElseThrow().path();

        HttpResponse<String> response = http.get(path);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("<script>alert").doesNotContain("<b>Petrova");
        Document page = Jsoup.parse(response.body());

        Element leadFigure = page.selectFirst("article.article h1 + details.alerts-subscribe + figure.figure-lead");
        assertThat(leadFigure).as("the lead picture right under the headline and its Subscribe button").isNotNull();
        Element webp = leadFigure.selectFirst("picture > source[type=image/webp]");
        assertThat(webp.attr("srcset")).contains("/16x9-").contains(".webp 320w").contains(".webp 1280w");
        assertThat(webp.attr("sizes")).isNotBlank();
        Element img = leadFigure.selectFirst("picture > img");
        assertThat(img.attr("src")).contains("/16x9-").endsWith("/960.jpg");
        assertThat(img.attr("srcset")).contains(".jpg 640w").contains(".jpg 1920w");
        assertThat(img.attr("sizes")).isEqualTo(webp.attr("sizes"));
        assertThat(img.attr("width")).isEqualTo("960");
        assertThat(img.attr("height")).isEqualTo("540");
        assertThat(img.attr("alt")).isEqualTo(HOSTILE_ALT);
        assertThat(img.attr("fetchpriority")).isEqualTo("high");
        assertThat(img.hasAttr("loading")).as("the largest element is never lazy").isFalse();
        assertThat(leadFigure.selectFirst("figcaption").text())
                .isEqualTo(HOSTILE_CAPTION + " Image: Anna <b>Petrova</b> / Dateline");
        assertThat(leadFigure.select("figcaption .credit").text()).isEqualTo("Image: Anna <b>Petrova</b> / Dateline");
        assertThat(http.getBytes(URI.create(img.attr("src")).getPath()).statusCode()).isEqualTo(200);

        List<Element> figures = page.select(".body figure.figure");
        assertThat(figures).as("the figure of a withdrawn picture shows nothing").hasSize(1);
        Element bodyImg = figures.get(0).selectFirst("picture > img");
        assertThat(bodyImg.attr("src")).contains("/o/").endsWith("/900.jpg");
        assertThat(bodyImg.attr("width")).isEqualTo("900");
        assertThat(bodyImg.attr("height")).isEqualTo("1200");
        assertThat(bodyImg.attr("loading")).isEqualTo("lazy");
        assertThat(bodyImg.attr("decoding")).isEqualTo("async");
        assertThat(bodyImg.attr("alt")).isEqualTo("A quay at night");
        assertThat(figures.get(0).selectFirst("figcaption").text())
                .as("the caption written in the body replaces the picture's own")
                .isEqualTo("The quay, \"later\" <em>that</em> night Image: Agency");
        assertThat(response.body()).doesNotContain("<em>that</em>");
        assertThat(page.select(".body > p").eachText()).contains("Second paragraph.", "Last paragraph.");

        assertThat(response.headers().firstValue("Surrogate-Key").orElseThrow())
                .contains("picture:" + lead).contains("picture:" + figure);

        long russian = stories.publish("ru", "russia", "Портовая история " + System.nanoTime(), lead, "Текст.");
        Document ru = Jsoup.parse(http.get(content.article(russian).orElseThrow().path()).body());
        assertThat(ru.select("figure.figure-lead figcaption .credit").text()).startsWith("Изображение: ");
    }

    @Test
    void linkPreviewsAndStructuredDataNameTheLargeRenditions() throws Exception {
        long lead = stories.picture(2000, 1500, Map.of("caption", "Cranes over the port", "altText", HOSTILE_ALT,
                "byline", "Ivan Sidorov", "credit", "Dateline", "copyright", "© Dateline 2026")).get("id").asLong();
        long id = stories.publish("en", "world", "Port story " + System.nanoTime(), lead, "Only paragraph.");
        Document page = Jsoup.parse(http.get(content.article(id).orElseThrow().path()).body());

        String og = page.select("meta[property=og:image]").attr("content");
        assertThat(og).startsWith(http.base() + "/pictures/").contains("/16x9-").endsWith("/1280.jpg");
        assertThat(page.select("meta[property=og:image:width]").attr("content")).isEqualTo("1280");
        assertThat(page.select("meta[property=og:image:height]").attr("content")).isEqualTo("720");
        assertThat(page.select("meta[property=og:image:alt]").attr("content")).isEqualTo(HOSTILE_ALT);
        assertThat(page.select("meta[name=twitter:card]").attr("content")).isEqualTo("summary_large_image");
        assertThat(page.select("meta[name=twitter:image]").attr("content")).isEqualTo(og);
        assertThat(page.select("meta[name=twitter:image:alt]").attr("content")).isEqualTo(HOSTILE_ALT);
        assertThat(http.getBytes(URI.create(og).getPath()).statusCode()).isEqualTo(200);

        JsonNode ld = json.readTree(page.select("script[type=application/ld+json]").html());
        JsonNode images = ld.get("image");
        assertThat(images.isArray()).isTrue();
        assertThat(images).extracting(i -> i.get("width").asInt() + "x" + i.get("height").asInt())
                .containsExactly("1280x720", "1280x960", "1280x1280");
        Set<String> properties = schemaOrgProperties();
        for (JsonNode image : images) {
            assertThat(image.get("@type").asString()).isEqualTo("ImageObject");
            assertThat(image.get("url").asString()).startsWith(http.base() + "/pictures/").endsWith("/1280.jpg");
            assertThat(image.get("caption").asString()).isEqualTo("Cranes over the port");
            assertThat(image.get("creditText").asString()).isEqualTo("Ivan Sidorov / Dateline");
            assertThat(image.get("copyrightNotice").asString()).isEqualTo("© Dateline 2026");
            image.propertyNames().forEach(name -> {
                if (!name.startsWith("@")) {
                    assertThat(properties).as("schema.org has " + name).contains(name);
                }
            });
        }

        // Without a picture a page asks for the small card and names no image.
        Document plain = Jsoup.parse(http.get(content.article(stories.publish("en", "world",
                "Plain story " + System.nanoTime(), null, "Text only.")).orElseThrow().path()).body());
        assertThat(plain.select("meta[property=og:image]")).isEmpty();
        assertThat(plain.select("meta[name=twitter:card]").attr("content")).isEqualTo("summary");
        assertThat(json.readTree(plain.select("script[type=application/ld+json]").html()).get("image")).isNull();
    }

    @Test
    void everyListShowsThumbnailsFirstOneWideTheRestLazy() {
        long older = stories.picture(1600, 900, Map.of("altText", "Older")).get("id").asLong();
        long newer = stories.picture(1700, 1000, Map.of("altText", "Newer")).get("id").asLong();
        String marker = "Teaser " + System.nanoTime();
        long olderId = stories.publish("en", "science", marker + " older", older, "Text.");
        long newerId = stories.publish("en", "science", marker + " newer", newer, "Text.");

        for (String list : List.of("/en/", "/en/science/", "/en/tag/test-tag", "/en/author/test-reporter")) {
            HttpResponse<String> response = http.get(list);
            assertThat(response.statusCode()).as(list).isEqualTo(200);
            Document page = Jsoup.parse(response.body());
            Element first = page.selectFirst(".teasers > li");
            assertThat(first.text()).as(list).contains(marker + " newer");
            assertThat(first.hasClass("teaser-large")).isTrue();
            Element wide = first.selectFirst(".teaser-picture picture > img");
            assertThat(wide.attr("fetchpriority")).isEqualTo("high");
            assertThat(wide.hasAttr("loading")).isFalse();
            assertThat(wide.attr("alt")).as("decorative beside its headline's link").isEmpty();
            assertThat(first.selectFirst(".teaser-picture").attr("aria-hidden")).isEqualTo("true");

            Element second = page.select(".teasers > li").get(1);
            assertThat(second.text()).contains(marker + " older");
            assertThat(second.hasClass("teaser-thumb")).isTrue();
            Element thumb = second.selectFirst(".teaser-picture picture > img");
            assertThat(thumb.attr("loading")).isEqualTo("lazy");
            assertThat(thumb.attr("srcset")).contains("/16x9-").contains(".jpg 160w").contains(".jpg 640w")
                    .doesNotContain(" 960w");
            assertThat(second.selectFirst("source[type=image/webp]").attr("srcset")).contains(".webp 160w");
            assertThat(thumb.attr("width")).isEqualTo("320");
            assertThat(thumb.attr("height")).isEqualTo("180");
            assertThat(http.getBytes(thumb.attr("srcset").split(" ")[0]).statusCode())
                    .as("the thumbnail width is made").isEqualTo(200);

            Element row = page.selectFirst("#newsfeed-list li[data-id=" + newerId + "]");
            assertThat(row.hasClass("with-thumb")).isTrue();
            assertThat(row.selectFirst("img.newsfeed-thumb").attr("src")).contains("/1x1-").endsWith("/160.jpg");
            assertThat(response.headers().firstValue("Surrogate-Key").orElseThrow())
                    .contains("picture:" + older).contains("picture:" + newer);
        }
        JsonNode items = json.readTree(http.get("/en/newsfeed/items").body()).get("items");
        Set<String> thumbs = new HashSet<>();
        items.forEach(item -> {
            if (item.get("id").asLong() == olderId && item.get("thumb") != null) {
                thumbs.add(item.get("thumb").asString());
            }
        });
        assertThat(thumbs).singleElement().asString().contains("/1x1-").endsWith("/160.jpg");
        assertThat(Jsoup.parse(http.get("/en/newsfeed").body()).select(".newsfeed-page li[data-id=" + olderId + "] img.newsfeed-thumb"))
                .hasSize(1);
    }

    @Test
    void aChangedCaptionReachesTheCachedPage() {
        long lead = stories.picture(1200, 800, Map.of("caption", "The first caption", "altText", "A")).get("id")
                .asLong();
        String path = content.article(stories.publish("en", "world", "Caption story " + System.nanoTime(), lead,
                "Text.")).orElseThrow().path();
        assertThat(http.cachedHit(path).body()).contains("The first caption");

        stories.update(lead, "{\"caption\":\"The second caption\"}");
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        String body = http.get(path).body();
        while (!body.contains("The second caption") && System.nanoTime() < until) {
            Thread.onSpinWait();
            body = http.get(path).body();
        }
        assertThat(body).contains("The second caption").doesNotContain("The first caption");
    }

    /** The property names of the schema.org vocabulary, as published. */
    private Set<String> schemaOrgProperties() throws Exception {
        Set<String> names = new HashSet<>();
        for (JsonNode node : json.readTree(Files.readString(SCHEMA_ORG)).get("@graph")) {
            if ("rdf:Property".equals(node.path("@type").asString("")) && node.get("@id").asString().startsWith("schema:")) {
                names.add(node.get("@id").asString().substring("schema:".length()));
            }
        }
        return names;
    }
}
