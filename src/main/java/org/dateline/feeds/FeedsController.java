package org.dateline.feeds;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.OptionalLong;

import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEnclosureImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import jakarta.servlet.http.HttpServletRequest;
import org.dateline.content.ArticleSummary;
import org.dateline.content.ContentKeys;
import org.dateline.content.ContentQueries;
import org.dateline.editions.Edition;
import org.dateline.editions.Editions;
import org.dateline.editions.Section;
import org.dateline.media.Picture;
import org.dateline.media.PictureRendition;
import org.dateline.media.RenditionSizes;
import org.dateline.platform.cache.PageCache;
import org.dateline.platform.web.ApiException;
import org.dateline.platform.web.BaseUrl;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * RSS 2.0 and Atom 1.0 of each edition and each section, written by ROME. A story's lead picture goes along as an
 * enclosure (RSS {@code enclosure}, Atom {@code link rel="enclosure"}, both with the rendition's byte length) and, in
 * RSS, as Media RSS {@code media:content} with its caption and credit.
 */
@RestController
class FeedsController {

    static final int ITEMS = 50;
    private static final String RSS = "application/rss+xml;charset=UTF-8";
    private static final String ATOM = "application/atom+xml;charset=UTF-8";

    static final Namespace MEDIA = Namespace.getNamespace("media", "http://search.yahoo.com/mrss/");

    private final Editions editions;
    private final ContentQueries content;
    private final BaseUrl baseUrl;
    private final RenditionSizes sizes;

    FeedsController(Editions editions, ContentQueries content, BaseUrl baseUrl, RenditionSizes sizes) {
        this.editions = editions;
        this.content = content;
        this.baseUrl = baseUrl;
        this.sizes = sizes;
    }

    @GetMapping(value = "/{edition:[a-z]{2}}/rss.xml")
    ResponseEntity<String> editionRss(@PathVariable String edition, HttpServletRequest request) {
        return editionFeed(edition, "rss_2.0", RSS, "rss.xml", request);
    }

    @GetMapping(value = "/{edition:[a-z]{2}}/atom.xml")
    ResponseEntity<String> editionAtom(@PathVariable String edition, HttpServletRequest request) {
        return editionFeed(edition, "atom_1.0", ATOM, "atom.xml", request);
    }

    @GetMapping(value = "/{edition:[a-z]{2}}/{section:[a-z0-9-]+}/rss.xml")
    ResponseEntity<String> sectionRss(@PathVariable String edition, @PathVariable String section,
                                      HttpServletRequest request) {
        return sectionFeed(edition, section, "rss_2.0", RSS, "rss.xml", request);
    }

    @GetMapping(value = "/{edition:[a-z]{2}}/{section:[a-z0-9-]+}/atom.xml")
    ResponseEntity<String> sectionAtom(@PathVariable String edition, @PathVariable String section,
                                       HttpServletRequest request) {
        return sectionFeed(edition, section, "atom_1.0", ATOM, "atom.xml", request);
    }

    private ResponseEntity<String> editionFeed(String code, String type, String contentType, String file,
                                               HttpServletRequest request) {
        Edition edition = edition(code);
        List<ArticleSummary> items = content.latest(edition.code(), null, ITEMS);
        PageCache.tag(request, keys(items, ContentKeys.edition(edition.code())));
        return xml(feed(type, edition, edition.siteName(), edition.homePath(), edition.homePath() + file, items),
                contentType);
    }

    private ResponseEntity<String> sectionFeed(String code, String slug, String type, String contentType, String file,
                                               HttpServletRequest request) {
        Edition edition = edition(code);
        Section section = editions.section(edition.code(), slug).orElseThrow(() -> notFound("unknown_section"));
        List<ArticleSummary> items = content.inSection(section.id(), null, ITEMS);
        PageCache.tag(request, keys(items, ContentKeys.section(section.id())));
        return xml(feed(type, edition, section.name() + " — " + edition.siteName(), section.path(),
                section.path() + file, items), contentType);
    }

    private String feed(String type, Edition edition, String title, String pagePath, String selfPath,
                        List<ArticleSummary> items) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(type);
        feed.setTitle(title);
        feed.setLink(baseUrl.of(pagePath));
        feed.setUri(baseUrl.of(selfPath));
        feed.setDescription(title);
        feed.setLanguage(edition.locale().toLanguageTag());
        SyndLinkImpl self = new SyndLinkImpl();
        self.setRel("self");
        self.setHref(baseUrl.of(selfPath));
        SyndLinkImpl alternate = new SyndLinkImpl();
        alternate.setRel("alternate");
        alternate.setType("text/html");
        alternate.setHref(baseUrl.of(pagePath));
        feed.setLinks(List.of(alternate, self));
        if (type.startsWith("atom")) {
            // Atom requires an author; RSS's managingEditor would demand an e-mail address, so RSS goes without.
            SyndPersonImpl publisher = new SyndPersonImpl();
            publisher.setName(edition.siteName());
            publisher.setUri(baseUrl.of(edition.homePath()));
            feed.setAuthors(List.of(publisher));
        }
        feed.setPublishedDate(Date.from(items.isEmpty() ? java.time.Instant.EPOCH
                : items.stream().map(ArticleSummary::updatedAt).max(java.util.Comparator.naturalOrder()).orElseThrow()));
        List<SyndEntry> entries = new ArrayList<>();
        for (ArticleSummary item : items) {
            SyndEntry entry = new SyndEntryImpl();
            String url = baseUrl.of(item.path());
            entry.setTitle(item.headline());
            entry.setLink(url);
            entry.setUri(url);
            SyndContentImpl summary = new SyndContentImpl();
            summary.setType("text/plain");
            summary.setValue(item.lead());
            entry.setDescription(summary);
            entry.setPublishedDate(Date.from(item.publishedAt()));
            entry.setUpdatedDate(Date.from(item.updatedAt()));
            com.rometools.rome.feed.synd.SyndCategoryImpl category = new com.rometools.rome.feed.synd.SyndCategoryImpl();
            category.setName(item.sectionName());
            entry.setCategories(List.of(category));
            if (item.leadPicture() != null) {
                picture(entry, item.leadPicture(), type.startsWith("rss"));
            }
            entries.add(entry);
        }
        feed.setEntries(entries);
        try {
            return new SyndFeedOutput().outputString(feed, true);
        } catch (FeedException e) {
            throw new IllegalStateException("feed could not be written", e);
        }
    }

    /** The feed's own key and those of the pictures it shows. */
    private static List<String> keys(List<ArticleSummary> items, String key) {
        List<String> keys = new ArrayList<>(ContentKeys.leadPictures(items));
        keys.add(key);
        return keys;
    }

    /**
     * The picture's shared rendition as the entry's enclosure, whose length the formats require: taken from the
     * rendition itself (made now if this node lacks it). A picture whose rendition cannot be had goes without.
     */
    private void picture(SyndEntry entry, Picture picture, boolean rss) {
        PictureRendition shared = picture.shared();
        OptionalLong length = sizes.byteLength(shared);
        if (length.isEmpty()) {
            return;
        }
        String url = baseUrl.of(shared.path());
        SyndEnclosureImpl enclosure = new SyndEnclosureImpl();
        enclosure.setUrl(url);
        enclosure.setType(shared.contentType());
        enclosure.setLength(length.getAsLong());
        entry.setEnclosures(List.of(enclosure));
        if (rss) {
            Element media = new Element("content", MEDIA);
            media.setAttribute("url", url);
            media.setAttribute("type", shared.contentType());
            media.setAttribute("medium", "image");
            media.setAttribute("width", String.valueOf(shared.width()));
            media.setAttribute("height", String.valueOf(shared.height()));
            media.setAttribute("fileSize", String.valueOf(length.getAsLong()));
            if (!picture.caption().isBlank()) {
                media.addContent(new Element("description", MEDIA).setAttribute("type", "plain")
                        .setText(picture.caption()));
            }
            if (!picture.creditLine().isBlank()) {
                media.addContent(new Element("credit", MEDIA).setText(picture.creditLine()));
            }
            if (!picture.copyright().isBlank()) {
                media.addContent(new Element("copyright", MEDIA).setText(picture.copyright()));
            }
            entry.setForeignMarkup(List.of(media));
        }
    }

    private static ResponseEntity<String> xml(String body, String contentType) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(contentType)).body(body);
    }

    private Edition edition(String code) {
        return editions.find(code).orElseThrow(() -> notFound("unknown_edition"));
    }

    private static ApiException notFound(String code) {
        return new ApiException(HttpStatus.NOT_FOUND, code, "No such feed.");
    }
}
