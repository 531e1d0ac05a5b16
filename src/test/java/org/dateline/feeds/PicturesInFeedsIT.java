package org.dateline.feeds;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;

import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import org.dateline.content.ContentQueries;
import org.dateline.testing.Http;
import org.dateline.testing.IntegrationTest;
import org.dateline.testing.StoriesWithPictures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A story's pictures in every format that carries it out: RSS and Atom enclosures with true lengths, Media RSS,
 * the image sitemap, ninjs associations and NewsML-G2 picture items, each valid by its official schema.
 */
@IntegrationTest
class PicturesInFeedsIT {

    static final String MRSS = "http://search.yahoo.com/mrss/";
    static final String NAR = "http://iptc.org/std/nar/2006-10-01/";

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
    void rssAndAtomCarryTheLeadPictureWithItsTrueLength() throws Exception {
        long lead = stories.picture(1600, 1000, Map.of("caption", "Reactor hall <at night>", "byline", "Oleg Ivanov",
                "credit", "Dateline", "altText", "A reactor hall")).get("id").asLong();
        String headline = "Feed story " + System.nanoTime();
        stories.publish("en", "science", headline, lead, "Text.");

        String rss = http.get("/en/science/rss.xml").body();
        Element item = itemWith(parse(rss).getElementsByTagName("item"), headline);
        Element enclosure = (Element) item.getElementsByTagName("enclosure").item(0);
        String url = enclosure.getAttribute("url");
        assertThat(url).startsWith(http.base() + "/pictures/").contains("/16x9-").endsWith("/1280.jpg");
        assertThat(enclosure.getAttribute("type")).isEqualTo("image/jpeg");
        HttpResponse<byte[]> bytes = http.getBytes(URI.create(url).getPath());
        assertThat(bytes.statusCode()).isEqualTo(200);
        assertThat(Long.parseLong(enclosure.getAttribute("length"))).isEqualTo(bytes.body().length);

        Element media = (Element) item.getElementsByTagNameNS(MRSS, "content").item(0);
        assertThat(media.getAttribute("url")).isEqualTo(url);
        assertThat(media.getAttribute("type")).isEqualTo("image/jpeg");
        assertThat(media.getAttribute("medium")).isEqualTo("image");
        assertThat(media.getAttribute("width")).isEqualTo("1280");
        assertThat(media.getAttribute("height")).isEqualTo("720");
        assertThat(media.getElementsByTagNameNS(MRSS, "description").item(0).getTextContent())
                .isEqualTo("Reactor hall <at night>");
        assertThat(media.getElementsByTagNameNS(MRSS, "credit").item(0).getTextContent())
                .isEqualTo("Oleg Ivanov / Dateline");

        String atom = http.get("/en/science/atom.xml").body();
        assertThat(FeedsConformanceIT.relaxNg(FeedsConformanceIT.CONFORMANCE.resolve("feeds/atom/atom.rnc").toFile(),
                atom)).isEmpty();
        SyndFeed parsed = new SyndFeedInput().build(new StringReader(atom));
        SyndEntry entry = parsed.getEntries().stream().filter(e -> e.getTitle().equals(headline)).findFirst()
                .orElseThrow();
        SyndEnclosure atomEnclosure = entry.getEnclosures().get(0);
        assertThat(atomEnclosure.getUrl()).isEqualTo(url);
        assertThat(atomEnclosure.getType()).isEqualTo("image/jpeg");
        assertThat(atomEnclosure.getLength()).isEqualTo(bytes.body().length);
        assertThat(atom).contains("rel=\"enclosure\"");
    }

    @Test
    void theArticleSitemapNamesTheLeadPictureAndStaysValid() throws Exception {
        long lead = stories.picture(1400, 900, Map.of("altText", "A")).get("id").asLong();
        long id = stories.publish("en", "world", "Sitemap story " + System.nanoTime(), lead, "Text.");
        String page = http.base() + content.article(id).orElseThrow().path();
        Path xsd = FeedsConformanceIT.CONFORMANCE.resolve("sitemaps/xsd");
        String sitemap = null;
        for (String loc : FeedsConformanceIT.locs(http.get("/sitemap.xml").body())) {
            String body = http.get(loc.substring(http.base().length())).body();
            if (loc.contains("articles-") && body.contains(page)) {
                sitemap = body;
            }
        }
        assertThat(sitemap).isNotNull();
        assertThat(FeedsConformanceIT.xsd(sitemap, xsd.resolve("sitemap.xsd"), xsd.resolve("sitemap-image.xsd")))
                .isEmpty();
        Document doc = parse(sitemap);
        NodeList urls = doc.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "url");
        Element url = null;
        for (int i = 0; i < urls.getLength(); i++) {
            Element candidate = (Element) urls.item(i);
            if (candidate.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc").item(0)
                    .getTextContent().equals(page)) {
                url = candidate;
            }
        }
        assertThat(url).isNotNull();
        String image = url.getElementsByTagNameNS(SitemapsController.IMAGE_NS, "loc").item(0).getTextContent();
        assertThat(image).startsWith(http.base() + "/pictures/").contains("/o/").endsWith("/1400.jpg");
        assertThat(http.getBytes(URI.create(image).getPath()).statusCode()).isEqualTo(200);
    }

    @Test
    void ninjsAssociatesTheLeadPictureAndTheFiguresByTheSchema() throws Exception {
        long lead = stories.picture(1600, 1200, Map.of("headline", "Harvest", "caption", "Wheat fields",
                "altText", "Combines in a field", "byline", "Maria K.", "credit", "Dateline",
                "copyright", "© Dateline")).get("id").asLong();
        long figure = stories.picture(800, 600, Map.of("altText", "A barn")).get("id").asLong();
        long id = stories.publish("en", "world", "Ninjs story " + System.nanoTime(), lead, "Text.",
                "![](picture:" + figure + ")");
        JsonNode item = json.readTree(http.get("/api/ninjs/items/" + id).body());
        assertThat(NinjsApiIT.schema().validate(item)).isEmpty();
        JsonNode associations = item.get("associations");
        assertThat(associations).hasSize(2);
        JsonNode picture = associations.get(0);
        assertThat(picture.get("name").asString()).isEqualTo("leadpicture");
        assertThat(picture.get("type").asString()).isEqualTo("picture");
        assertThat(picture.get("uri").asString()).startsWith("urn:newsml:localhost:").endsWith(":picture-" + lead);
        assertThat(picture.get("headlines").get(0).get("value").asString()).isEqualTo("Harvest");
        assertThat(picture.get("descriptions")).extracting(d -> d.get("role").asString() + "=" + d.get("value").asString())
                .containsExactly("caption=Wheat fields", "alternativeText=Combines in a field");
        assertThat(picture.get("by").asString()).isEqualTo("Maria K.");
        assertThat(picture.get("copyrightnotice").asString()).isEqualTo("© Dateline");
        JsonNode renditions = picture.get("renditions");
        assertThat(renditions).extracting(r -> r.get("name").asString())
                .containsExactly("original-320", "original-640", "original-960", "original-1280", "original-1600",
                        "16x9-1280");
        for (JsonNode rendition : renditions) {
            assertThat(rendition.get("contenttype").asString()).isEqualTo("image/jpeg");
            HttpResponse<byte[]> bytes = http.getBytes(URI.create(rendition.get("href").asString()).getPath());
            assertThat(bytes.statusCode()).as(rendition.get("href").asString()).isEqualTo(200);
            assertThat(rendition.get("width").asInt()).isPositive();
            assertThat(rendition.get("height").asInt()).isPositive();
        }
        assertThat(associations.get(1).get("name").asString()).isEqualTo("picture2");
        assertThat(associations.get(1).get("uri").asString()).endsWith(":picture-" + figure);
    }

    @Test
    void theTextItemLinksItsPicturesWhichAreValidNewsmlG2PictureItems() throws Exception {
        long lead = stories.picture(1500, 1000, Map.of("headline", "Summit", "caption", "Leaders & <aides>",
                "altText", "Two leaders shake hands", "byline", "Pavel S.", "credit", "Dateline",
                "copyright", "© Dateline 2026")).get("id").asLong();
        long id = stories.publish("en", "world", "NewsML story " + System.nanoTime(), lead, "Text.");

        byte[] text = http.getBytes("/api/newsml/items/" + id).body();
        NewsmlApiIT.validator().validate(new StreamSource(new ByteArrayInputStream(text)));
        Element link = (Element) parse(new String(text, StandardCharsets.UTF_8))
                .getElementsByTagNameNS(NAR, "link").item(0);
        assertThat(link.getAttribute("rel")).isEqualTo("irel:associatedWith");
        assertThat(link.getAttribute("residref")).endsWith(":picture-" + lead);
        String href = link.getAttribute("href");
        assertThat(href).isEqualTo(http.base() + "/api/newsml/pictures/" + lead);

        HttpResponse<byte[]> response = http.getBytes(URI.create(href).getPath());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/vnd.iptc.g2.newsitem+xml");
        NewsmlApiIT.validator().validate(new StreamSource(new ByteArrayInputStream(response.body())));
        Document picture = parse(new String(response.body(), StandardCharsets.UTF_8));
        Element root = picture.getDocumentElement();
        assertThat(root.getAttribute("guid")).isEqualTo(link.getAttribute("residref"));
        assertThat(root.getAttribute("version")).isEqualTo(link.getAttribute("version"));
        assertThat(first(picture, "itemClass").getAttribute("qcode")).isEqualTo("ninat:picture");
        assertThat(first(picture, "headline").getTextContent()).isEqualTo("Summit");
        assertThat(first(picture, "by").getTextContent()).isEqualTo("Pavel S.");
        assertThat(first(picture, "creditline").getTextContent()).isEqualTo("Dateline");
        assertThat(first(picture, "copyrightNotice").getTextContent()).isEqualTo("© Dateline 2026");
        assertThat(first(picture, "description").getTextContent()).isEqualTo("Leaders & <aides>");
        NodeList remote = picture.getElementsByTagNameNS(NAR, "remoteContent");
        assertThat(remote.getLength()).isEqualTo(6);
        Element high = (Element) remote.item(4);
        assertThat(high.getAttribute("rendition")).isEqualTo("rnd:highRes");
        assertThat(high.getAttribute("width")).isEqualTo("1500");
        assertThat(high.getAttribute("height")).isEqualTo("1000");
        assertThat(high.getAttribute("contenttype")).isEqualTo("image/jpeg");
        assertThat(http.getBytes(URI.create(high.getAttribute("href")).getPath()).statusCode()).isEqualTo(200);
    }

    @Test
    void aPictureNoLiveStoryShowsIsUnknownAndAWithdrawnOneIsGone() {
        long unused = stories.picture(700, 500, Map.of("altText", "A")).get("id").asLong();
        HttpResponse<String> unknown = http.get("/api/newsml/pictures/" + unused);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(unknown.body()).contains("\"code\":\"unknown_picture\"");
        assertThat(http.get("/api/newsml/pictures/999999999").body()).contains("\"code\":\"unknown_picture\"");

        long shown = stories.picture(720, 500, Map.of("altText", "A")).get("id").asLong();
        stories.publish("en", "world", "Withdrawn picture story " + System.nanoTime(), shown, "Text.");
        assertThat(http.get("/api/newsml/pictures/" + shown).statusCode()).isEqualTo(200);
        jdbc.sql("UPDATE pictures SET state = 'WITHDRAWN' WHERE id = ?").params(shown).update();
        HttpResponse<String> gone = http.get("/api/newsml/pictures/" + shown);
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(gone.body()).contains("\"code\":\"picture_withdrawn\"");
    }

    private static Element first(Document doc, String name) {
        return (Element) doc.getElementsByTagNameNS(NAR, name).item(0);
    }

    private static Element itemWith(NodeList items, String title) {
        for (int i = 0; i < items.getLength(); i++) {
            Element item = (Element) items.item(i);
            if (item.getElementsByTagName("title").item(0).getTextContent().equals(title)) {
                return item;
            }
        }
        throw new AssertionError("no item " + title);
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new org.xml.sax.InputSource(new StringReader(xml)));
    }
}
