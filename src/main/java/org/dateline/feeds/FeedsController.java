package org.dateline.feeds;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.rometools.rome.feed.synd.SyndContentImpl;
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
import org.dateline.platform.cache.PageCache;
import org.dateline.platform.web.ApiException;
import org.dateline.platform.web.BaseUrl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** RSS 2.0 and Atom 1.0 of each edition and each section, written by ROME. */
@RestController
class FeedsController {

    static final int ITEMS = 50;
    private static final String RSS = "application/rss+xml;charset=UTF-8";
    private static final String ATOM = "application/atom+xml;charset=UTF-8";

    private final Editions editions;
    private final ContentQueries content;
    private final BaseUrl baseUrl;

    FeedsController(Editions editions, ContentQueries content, BaseUrl baseUrl) {
        this.editions = editions;
        this.content = content;
        this.baseUrl = baseUrl;
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
        PageCache.tag(request, List.of(ContentKeys.edition(edition.code())));
        return xml(feed(type, edition, edition.siteName(), edition.homePath(), edition.homePath() + file, items),
                contentType);
    }

    private ResponseEntity<String> sectionFeed(String code, String slug, String type, String contentType, String file,
                                               HttpServletRequest request) {
        Edition edition = edition(code);
        Section section = editions.section(edition.code(), slug).orElseThrow(() -> notFound("unknown_section"));
        List<ArticleSummary> items = content.inSection(section.id(), null, ITEMS);
        PageCache.tag(request, List.of(ContentKeys.section(section.id())));
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
            entries.add(entry);
        }
        feed.setEntries(entries);
        try {
            return new SyndFeedOutput().outputString(feed, true);
        } catch (FeedException e) {
            throw new IllegalStateException("feed could not be written", e);
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
