package org.dateline.feeds;

import java.io.File;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import nu.validator.vendor.thaiopensource.util.PropertyMapBuilder;
import nu.validator.vendor.thaiopensource.validate.ValidateProperty;
import nu.validator.vendor.thaiopensource.validate.ValidationDriver;
import nu.validator.vendor.thaiopensource.validate.rng.CompactSchemaReader;
import org.dateline.content.ArticleSummary;
import org.dateline.content.ContentQueries;
import org.dateline.testing.Http;
import org.dateline.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feeds and sitemaps against the official schemas in ../shared/conformance (Atom RELAX NG, sitemaps.org and Google
 * News XSDs), read back with a real feed library (ROME).
 */
@IntegrationTest
class FeedsConformanceIT {

    static final Path CONFORMANCE = Path.of(System.getProperty("dateline.shared.dir", "../shared"), "conformance");
    static final Pattern LOC = Pattern.compile("<loc>([^<]+)</loc>");

    @LocalServerPort
    int port;
    @Autowired
    ContentQueries content;
    Http http;

    @BeforeEach
    void connect() {
        http = new Http(port);
    }

    @Test
    void atomFeedsAreValidByTheRfc4287Schema() throws Exception {
        // The check can fail: a feed without id, updated and author is refused.
        assertThat(relaxNg(CONFORMANCE.resolve("feeds/atom/atom.rnc").toFile(),
                "<feed xmlns='http://www.w3.org/2005/Atom'><title>x</title></feed>")).isNotEmpty();
        for (String feed : List.of("/en/atom.xml", "/ru/atom.xml", "/en/russia/atom.xml", "/ru/culture/atom.xml")) {
            assertThat(relaxNg(CONFORMANCE.resolve("feeds/atom/atom.rnc").toFile(), http.get(feed).body()))
                    .as(feed).isEmpty();
        }
    }

    @Test
    void feedsParseWithRomeAndListTheNewestArticlesFirst() throws Exception {
        List<ArticleSummary> latest = content.latest("en", null, FeedsController.ITEMS);
        for (String[] feed : new String[][] {{"/en/rss.xml", "rss_2.0"}, {"/en/atom.xml", "atom_1.0"}}) {
            SyndFeed parsed = new SyndFeedInput().build(new StringReader(http.get(feed[0]).body()));
            assertThat(parsed.getFeedType()).isEqualTo(feed[1]);
            assertThat(parsed.getTitle()).isEqualTo("Dateline");
            assertThat(parsed.getEntries()).extracting(SyndEntry::getTitle)
                    .containsExactlyElementsOf(latest.stream().map(ArticleSummary::headline).toList());
            for (SyndEntry entry : parsed.getEntries()) {
                assertThat(entry.getLink()).startsWith(http.base() + "/en/");
                assertThat(entry.getPublishedDate()).isNotNull();
                assertThat(entry.getDescription().getValue()).isNotBlank();
            }
            assertThat(http.get(parsed.getEntries().get(0).getLink().substring(http.base().length())).statusCode())
                    .isEqualTo(200);
        }
        SyndFeed section = new SyndFeedInput().build(new StringReader(http.get("/ru/russia/rss.xml").body()));
        assertThat(section.getTitle()).startsWith("Россия");
        assertThat(section.getLanguage()).isEqualTo("ru");
        assertThat(section.getEntries()).allSatisfy(e -> assertThat(e.getLink()).contains("/ru/russia/"));
    }

    @Test
    void robotsNamesTheSitemapIndexAndEverySitemapIsValid() throws Exception {
        assertThat(http.get("/robots.txt").body()).contains("Sitemap: " + http.base() + "/sitemap.xml");
        Path xsd = CONFORMANCE.resolve("sitemaps/xsd");
        assertThat(xsd("<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'><url><lastmod>x</lastmod></url></urlset>",
                xsd.resolve("sitemap.xsd"))).isNotEmpty();
        String index = http.get("/sitemap.xml").body();
        assertThat(xsd(index, xsd.resolve("siteindex.xsd"))).isEmpty();

        Set<String> listed = new HashSet<>();
        for (String sitemap : locs(index)) {
            String path = sitemap.substring(http.base().length());
            String body = http.get(path).body();
            if (path.endsWith("news.xml")) {
                assertThat(xsd(body, xsd.resolve("sitemap.xsd"), xsd.resolve("sitemap-news.xsd"))).as(path).isEmpty();
            } else if (path.contains("articles-")) {
                assertThat(xsd(body, xsd.resolve("sitemap.xsd"), xsd.resolve("sitemap-image.xsd"))).as(path).isEmpty();
                listed.addAll(pageLocs(body));
            } else {
                assertThat(xsd(body, xsd.resolve("sitemap.xsd"))).as(path).isEmpty();
            }
        }
        Set<String> published = new HashSet<>();
        content.allById(0, 100_000).forEach(a -> published.add(http.base() + a.path()));
        assertThat(listed).isEqualTo(published);
    }

    @Test
    void newsSitemapListsExactlyTheLast48Hours() {
        String news = http.get("/sitemaps/news.xml").body();
        List<ArticleSummary> recent = content.publishedSince(java.time.Instant.now().minus(SitemapsController.NEWS_WINDOW),
                SitemapsController.NEWS_MAX);
        assertThat(recent).isNotEmpty();
        assertThat(new HashSet<>(locs(news))).isEqualTo(
                recent.stream().map(a -> http.base() + a.path()).collect(java.util.stream.Collectors.toSet()));
        assertThat(news).contains("<news:name>Dateline</news:name>").contains("<news:language>ru</news:language>");
    }

    /** The pages' addresses, not those of their pictures ({@code image:loc}). */
    static List<String> pageLocs(String xml) {
        return locs(xml.replaceAll("(?s)<image:image>.*?</image:image>", ""));
    }

    static List<String> locs(String xml) {
        List<String> locs = new ArrayList<>();
        Matcher m = LOC.matcher(xml);
        while (m.find()) {
            locs.add(m.group(1));
        }
        return locs;
    }

    static List<String> xsd(String xml, Path... schemas) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        StreamSource[] sources = new StreamSource[schemas.length];
        for (int i = 0; i < schemas.length; i++) {
            sources[i] = new StreamSource(schemas[i].toFile());
        }
        var validator = factory.newSchema(sources).newValidator();
        List<String> errors = new ArrayList<>();
        validator.setErrorHandler(collecting(errors));
        validator.validate(new StreamSource(new StringReader(xml)));
        return errors;
    }

    static List<String> relaxNg(File compactSchema, String xml) throws Exception {
        List<String> errors = new ArrayList<>();
        PropertyMapBuilder properties = new PropertyMapBuilder();
        ValidateProperty.ERROR_HANDLER.put(properties, collecting(errors));
        ValidationDriver driver = new ValidationDriver(properties.toPropertyMap(), CompactSchemaReader.getInstance());
        assertThat(driver.loadSchema(ValidationDriver.fileInputSource(compactSchema))).isTrue();
        driver.validate(new InputSource(new StringReader(xml)));
        return errors;
    }

    private static ErrorHandler collecting(List<String> errors) {
        return new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
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
    }
}
