package org.dateline.feeds;

import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import jakarta.servlet.http.HttpServletRequest;
import org.dateline.content.ArticleSummary;
import org.dateline.content.ContentKeys;
import org.dateline.content.ContentQueries;
import org.dateline.editions.Edition;
import org.dateline.editions.Editions;
import org.dateline.editions.Section;
import org.dateline.media.Picture;
import org.dateline.media.imaging.Crop;
import org.dateline.media.imaging.OutputFormat;
import org.dateline.platform.cache.PageCache;
import org.dateline.platform.web.ApiException;
import org.dateline.platform.web.BaseUrl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sitemap index, one sitemap of edition and section pages, article sitemaps by fixed id ranges (a page's
 * content never moves to another file) with each story's lead picture in Google's image extension, and the Google
 * News sitemap of the last 48 hours.
 */
@RestController
class SitemapsController {

    static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";
    static final String XHTML_NS = "http://www.w3.org/1999/xhtml";
    static final String IMAGE_NS = "http://www.google.com/schemas/sitemap-image/1.1";
    /** Article ids per sitemap file; well below the protocol's 50,000 URL limit. */
    static final int IDS_PER_FILE = 10_000;
    static final Duration NEWS_WINDOW = Duration.ofHours(48);
    /** Google News takes at most 1,000 URLs per news sitemap. */
    static final int NEWS_MAX = 1000;
    private static final String NEWS_KEY = "sitemaps:news";
    private static final MediaType XML = MediaType.parseMediaType("application/xml;charset=UTF-8");

    private final Editions editions;
    private final ContentQueries content;
    private final BaseUrl baseUrl;
    private final Clock clock;
    private final PageCache cache;

    SitemapsController(Editions editions, ContentQueries content, BaseUrl baseUrl, Clock clock, PageCache cache) {
        this.editions = editions;
        this.content = content;
        this.baseUrl = baseUrl;
        this.clock = clock;
        this.cache = cache;
    }

    @GetMapping(value = "/robots.txt", produces = "text/plain;charset=UTF-8")
    String robots(HttpServletRequest request) {
        PageCache.tag(request, List.of("robots"));
        return "User-agent: *\nAllow: /\nDisallow: /api/\n\nSitemap: " + baseUrl.of("/sitemap.xml") + "\n";
    }

    @GetMapping("/sitemap.xml")
    ResponseEntity<String> index(HttpServletRequest request) throws XMLStreamException {
        long files = (lastId() + IDS_PER_FILE - 1) / IDS_PER_FILE;
        String now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        StringWriter out = new StringWriter();
        XMLStreamWriter xml = start(out, "sitemapindex", SITEMAP_NS);
        sitemap(xml, "/sitemaps/pages.xml", null);
        sitemap(xml, "/sitemaps/news.xml", now);
        for (long file = 1; file <= files; file++) {
            sitemap(xml, "/sitemaps/articles-" + file + ".xml", null);
        }
        PageCache.tag(request, List.of(ContentKeys.SITEMAPS));
        return end(xml, out);
    }

    @GetMapping("/sitemaps/pages.xml")
    ResponseEntity<String> pages(HttpServletRequest request) throws XMLStreamException {
        StringWriter out = new StringWriter();
        XMLStreamWriter xml = start(out, "urlset", SITEMAP_NS);
        for (Edition edition : editions.all()) {
            url(xml, edition.homePath(), null, null);
            for (Section section : editions.sections(edition.code())) {
                url(xml, section.path(), null, null);
            }
            url(xml, "/" + edition.code() + "/newsfeed", null, null);
        }
        PageCache.tag(request, List.of(ContentKeys.SITEMAPS));
        return end(xml, out);
    }

    @GetMapping("/sitemaps/articles-{file:\\d{1,6}}.xml")
    ResponseEntity<String> articles(@PathVariable int file, HttpServletRequest request) throws XMLStreamException {
        long first = (long) (file - 1) * IDS_PER_FILE;
        if (file < 1 || first >= Math.max(lastId(), 1)) {
            throw new ApiException(HttpStatus.NOT_FOUND, "unknown_sitemap", "No such sitemap.");
        }
        StringWriter out = new StringWriter();
        XMLStreamWriter xml = start(out, "urlset", SITEMAP_NS);
        xml.writeNamespace("image", IMAGE_NS);
        for (ArticleSummary article : content.allById(first, IDS_PER_FILE)) {
            if (article.id() > first + IDS_PER_FILE) {
                break;
            }
            url(xml, article.path(), article.updatedAt(), article.leadPicture());
        }
        PageCache.tag(request, List.of(ContentKeys.SITEMAPS));
        return end(xml, out);
    }

    @GetMapping("/sitemaps/news.xml")
    ResponseEntity<String> news(HttpServletRequest request) throws XMLStreamException {
        Instant since = clock.instant().minus(NEWS_WINDOW);
        StringWriter out = new StringWriter();
        XMLStreamWriter xml = start(out, "urlset", SITEMAP_NS);
        xml.writeNamespace("news", NEWS_NS);
        for (ArticleSummary article : content.publishedSince(since, NEWS_MAX)) {
            Edition edition = editions.find(article.edition()).orElseThrow();
            xml.writeStartElement(SITEMAP_NS, "url");
            element(xml, SITEMAP_NS, "loc", baseUrl.of(article.path()));
            xml.writeStartElement(NEWS_NS, "news");
            xml.writeStartElement(NEWS_NS, "publication");
            element(xml, NEWS_NS, "name", edition.siteName());
            element(xml, NEWS_NS, "language", edition.locale().getLanguage());
            xml.writeEndElement();
            element(xml, NEWS_NS, "publication_date",
                    article.publishedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
            element(xml, NEWS_NS, "title", article.headline());
            xml.writeEndElement();
            xml.writeEndElement();
        }
        PageCache.tag(request, List.of(ContentKeys.SITEMAPS, NEWS_KEY));
        return end(xml, out);
    }

    /** Articles leave the news sitemap as they age, with no change to announce it: refresh it regularly. */
    @Scheduled(fixedDelayString = "PT10M")
    void expireNewsSitemap() {
        cache.evict(List.of(NEWS_KEY));
    }

    private long lastId() {
        return content.maxId();
    }

    private static XMLStreamWriter start(StringWriter out, String root, String namespace) throws XMLStreamException {
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.setDefaultNamespace(namespace);
        xml.writeStartElement(namespace, root);
        xml.writeDefaultNamespace(namespace);
        return xml;
    }

    private static ResponseEntity<String> end(XMLStreamWriter xml, StringWriter out) throws XMLStreamException {
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.close();
        return ResponseEntity.ok().contentType(XML).body(out.toString());
    }

    private void sitemap(XMLStreamWriter xml, String path, String lastmod) throws XMLStreamException {
        xml.writeStartElement(SITEMAP_NS, "sitemap");
        element(xml, SITEMAP_NS, "loc", baseUrl.of(path));
        if (lastmod != null) {
            element(xml, SITEMAP_NS, "lastmod", lastmod);
        }
        xml.writeEndElement();
    }

    /** A page, with its picture in the image extension when it has one. */
    private void url(XMLStreamWriter xml, String path, Instant lastmod, Picture picture) throws XMLStreamException {
        xml.writeStartElement(SITEMAP_NS, "url");
        element(xml, SITEMAP_NS, "loc", baseUrl.of(path));
        if (lastmod != null) {
            element(xml, SITEMAP_NS, "lastmod", lastmod.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        }
        if (picture != null) {
            // The original's aspect at its largest: no focal point in the address, so only a removal changes it.
            xml.writeStartElement(IMAGE_NS, "image");
            element(xml, IMAGE_NS, "loc", baseUrl.of(picture.path(Crop.ORIGINAL, picture.largestWidth(Crop.ORIGINAL),
                    OutputFormat.JPEG)));
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static void element(XMLStreamWriter xml, String namespace, String name, String text)
            throws XMLStreamException {
        xml.writeStartElement(namespace, name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }
}
