package org.dateline.feeds;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dateline.content.Article;
import org.dateline.content.ArticleSummary;
import org.dateline.content.ContentQueries;
import org.dateline.editions.Edition;
import org.dateline.editions.Editions;
import org.dateline.media.Picture;
import org.dateline.platform.web.ApiException;
import org.dateline.platform.web.BaseUrl;
import org.dateline.shared.FeedCursor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Syndication out: published articles as IPTC ninjs 2.1 documents, for partners and other systems. Read-only and
 * public like the site itself; killed articles answer 410 so that partners withdraw their copies.
 */
@RestController
class NinjsController {

    static final String MEDIA_TYPE = "application/ninjs+json";
    static final int PAGE = 50;

    private final Editions editions;
    private final ContentQueries content;
    private final BaseUrl baseUrl;

    NinjsController(Editions editions, ContentQueries content, BaseUrl baseUrl) {
        this.editions = editions;
        this.content = content;
        this.baseUrl = baseUrl;
    }

    /** Newest first; {@code since} keeps items published at or after an instant, {@code before} pages back. */
    @GetMapping(value = "/api/ninjs/items", produces = {MEDIA_TYPE, "application/json"})
    Map<String, Object> items(@RequestParam(required = false) String edition,
                              @RequestParam(required = false) String since,
                              @RequestParam(required = false) String before) {
        Edition chosen = edition == null ? editions.defaultEdition() : editions.find(edition)
                .orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST, "unknown_edition", "No such edition."));
        Instant from = null;
        if (since != null) {
            try {
                from = Instant.parse(since);
            } catch (DateTimeParseException e) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "invalid_since",
                        "'since' is an ISO-8601 instant such as 2026-11-28T12:00:00Z.");
            }
        }
        FeedCursor cursor = before == null ? null : FeedCursor.parse(before).orElseThrow(() ->
                new ApiException(HttpStatus.BAD_REQUEST, "invalid_cursor", "'before' is not a cursor of this API."));
        List<Map<String, Object>> items = new ArrayList<>();
        List<ArticleSummary> page = content.latest(chosen.code(), cursor, PAGE);
        String next = page.size() == PAGE ? page.get(page.size() - 1).cursor().encode() : null;
        for (ArticleSummary summary : page) {
            if (from != null && summary.publishedAt().isBefore(from)) {
                next = null;
                break;
            }
            content.article(summary.id()).ifPresent(article -> items.add(ninjs(article, chosen)));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        body.put("next", next);
        return body;
    }

    @GetMapping(value = "/api/ninjs/items/{id}", produces = {MEDIA_TYPE, "application/json"})
    Map<String, Object> item(@PathVariable long id) {
        Article article = content.article(id).orElseThrow(() -> content.withdrawn(id)
                ? new ApiException(HttpStatus.GONE, "killed", "Article " + id + " was withdrawn.")
                : new ApiException(HttpStatus.NOT_FOUND, "unknown_article", "No article " + id + "."));
        return ninjs(article, editions.find(article.edition()).orElseThrow());
    }

    private Map<String, Object> ninjs(Article article, Edition edition) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("uri", baseUrl.of(article.path()));
        item.put("standard", Map.of("name", "ninjs", "version", "2.1",
                "schema", "http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json"));
        item.put("type", "text");
        item.put("representationtype", "full");
        item.put("version", String.valueOf(article.updatedAt().toEpochMilli()));
        item.put("firstcreated", article.publishedAt().toString());
        item.put("versioncreated", article.updatedAt().toString());
        item.put("pubstatus", "usable");
        item.put("language", edition.locale().toLanguageTag());
        item.put("headlines", List.of(Map.of("role", "main", "value", article.headline())));
        item.put("descriptions", List.of(Map.of("role", "summary", "value", article.lead())));
        // The body twice: plain text for simple consumers, HTML with its headings, quotes, lists and links.
        item.put("bodies", List.of(
                Map.of("role", "main", "contenttype", "text/plain", "value", article.body().toPlainText()),
                Map.of("role", "main", "contenttype", "text/html", "value", article.body().toHtml())));
        item.put("located", article.datelinePlace());
        if (!article.authors().isEmpty()) {
            item.put("by", String.join(", ", article.authors().stream().map(a -> a.name()).toList()));
        }
        item.put("infosources", List.of(Map.of("name", article.credit(), "role", "source")));
        if (!article.tags().isEmpty()) {
            item.put("subjects", article.tags().stream().map(t -> Map.of("name", t.name(),
                    "uri", baseUrl.of(t.path()))).toList());
        }
        if (article.correctionNote() != null) {
            item.put("ednote", "Correction: " + article.correctionNote());
        }
        List<Picture> pictures = article.picturesInOrder();
        if (!pictures.isEmpty()) {
            List<Map<String, Object>> associations = new ArrayList<>();
            for (int i = 0; i < pictures.size(); i++) {
                boolean lead = i == 0 && article.leadPicture().isPresent();
                associations.add(association(pictures.get(i), lead ? "leadpicture" : "picture" + (i + 1)));
            }
            item.put("associations", associations);
        }
        return item;
    }

    /**
     * A picture the article shows, as ninjs 2.1 associates it: its guid (as in its NewsML-G2 item), caption and alt
     * text as descriptions, photographer, credit and copyright, and its renditions with absolute addresses.
     */
    private Map<String, Object> association(Picture picture, String name) {
        Map<String, Object> association = new LinkedHashMap<>();
        association.put("name", name);
        association.put("uri", PictureSyndication.guid(baseUrl.get(), picture));
        association.put("type", "picture");
        association.put("representationtype", "partial");
        association.put("version", PictureSyndication.version(picture));
        association.put("versioncreated", picture.updatedAt().toString());
        if (picture.takenAt() != null) {
            association.put("contentcreated", picture.takenAt().toString());
        }
        association.put("pubstatus", "usable");
        if (!picture.headline().isBlank()) {
            association.put("headlines", List.of(Map.of("role", "main", "value", picture.headline())));
        }
        List<Map<String, Object>> descriptions = new ArrayList<>();
        if (!picture.caption().isBlank()) {
            descriptions.add(Map.of("role", "caption", "value", picture.caption()));
        }
        if (!picture.altText().isBlank()) {
            descriptions.add(Map.of("role", "alternativeText", "value", picture.altText()));
        }
        if (!descriptions.isEmpty()) {
            association.put("descriptions", descriptions);
        }
        if (!picture.byline().isBlank()) {
            association.put("by", picture.byline());
        }
        if (!picture.credit().isBlank()) {
            association.put("infosources", List.of(Map.of("name", picture.credit(), "role", "source")));
        }
        if (!picture.copyright().isBlank()) {
            association.put("copyrightnotice", picture.copyright());
        }
        association.put("renditions", PictureSyndication.renditions(picture).stream().map(offered -> {
            Map<String, Object> rendition = new LinkedHashMap<>();
            rendition.put("name", offered.name());
            rendition.put("href", baseUrl.of(offered.rendition().path()));
            rendition.put("contenttype", offered.rendition().contentType());
            rendition.put("width", offered.rendition().width());
            rendition.put("height", offered.rendition().height());
            return rendition;
        }).toList());
        return association;
    }
}
