package org.dateline.site.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dateline.content.Article;
import org.dateline.content.LiveEntry;
import org.dateline.editions.Edition;
import org.dateline.media.Picture;
import org.dateline.media.PictureRendition;
import org.dateline.media.imaging.Crop;
import org.dateline.pages.SitePage;
import tools.jackson.databind.json.JsonMapper;

/**
 * Structured data of article and site pages (schema.org): an article is a {@code NewsArticle}, or a
 * {@code LiveBlogPosting} with its entries as {@code liveBlogUpdate}s for live coverage; safe to embed in a script
 * element.
 */
final class JsonLd {

    private JsonLd() {
    }

    /** An update's headline: its text's first line, cut to the length Google shows. */
    static final int UPDATE_HEADLINE = 110;

    /** @param liveEntries the entries of a live coverage story, newest first; null for any other story */
    static String newsArticle(JsonMapper json, Article article, Edition edition, String url, String siteUrl,
                              String dateline, List<LiveEntry> liveEntries) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("@context", "https://schema.org");
        doc.put("@type", liveEntries == null ? "NewsArticle" : "LiveBlogPosting");
        doc.put("mainEntityOfPage", url);
        doc.put("url", url);
        doc.put("headline", article.headline());
        doc.put("description", article.lead());
        doc.put("inLanguage", edition.locale().toLanguageTag());
        doc.put("articleSection", article.section().name());
        doc.put("datePublished", article.publishedAt().toString());
        doc.put("dateModified", article.updatedAt().toString());
        if (liveEntries == null) {
            doc.put("dateline", dateline); // a NewsArticle's property, which a LiveBlogPosting does not have
        }
        doc.put("locationCreated", Map.of("@type", "Place", "name", article.datelinePlace()));
        doc.put("creditText", article.credit());
        doc.put("articleBody", article.body().toPlainText());
        doc.put("author", article.authors().isEmpty()
                ? List.of(Map.of("@type", "Organization", "name", article.credit()))
                : article.authors().stream().map(a -> Map.of("@type", "Person", "name", a.name(),
                        "url", siteUrl + a.path(article.edition()))).toList());
        doc.put("publisher", Map.of("@type", "NewsMediaOrganization", "name", edition.siteName(), "url", siteUrl + "/",
                "logo", Map.of("@type", "ImageObject", "url", siteUrl + "/favicon.svg")));
        if (article.correctionNote() != null) {
            doc.put("correction", Map.of("@type", "CorrectionComment", "text", article.correctionNote(),
                    "datePublished", String.valueOf(article.correctedAt())));
        }
        if (!article.tags().isEmpty()) {
            doc.put("keywords", article.tags().stream().map(t -> t.name()).toList());
        }
        article.mainPicture().ifPresent(picture -> doc.put("image", images(picture, siteUrl)));
        if (liveEntries != null) {
            doc.put("coverageStartTime", article.publishedAt().toString());
            doc.put("liveBlogUpdate", liveEntries.stream().map(entry -> update(entry, url)).toList());
        }
        return embeddable(json.writeValueAsString(doc));
    }

    /** A site page (about, contact, privacy) as a schema.org {@code AboutPage}, {@code ContactPage} or {@code WebPage}. */
    static String webPage(JsonMapper json, SitePage page, Edition edition, String url, String siteUrl,
                          String description) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("@context", "https://schema.org");
        doc.put("@type", switch (page.kind()) {
            case ABOUT -> "AboutPage";
            case CONTACT -> "ContactPage";
            case PRIVACY -> "WebPage";
        });
        doc.put("url", url);
        doc.put("name", page.title());
        doc.put("description", description);
        doc.put("inLanguage", edition.locale().toLanguageTag());
        if (page.edited()) {
            doc.put("dateModified", page.updatedAt().toString());
        }
        Map<String, Object> publisher = Map.of("@type", "NewsMediaOrganization", "name", edition.siteName(),
                "url", siteUrl + "/", "logo", Map.of("@type", "ImageObject", "url", siteUrl + "/favicon.svg"));
        doc.put("isPartOf", Map.of("@type", "WebSite", "name", edition.siteName(), "url", siteUrl + edition.homePath()));
        doc.put(page.kind() == org.dateline.pages.PageKind.ABOUT ? "about" : "publisher", publisher);
        return embeddable(json.writeValueAsString(doc));
    }

    private static Map<String, Object> update(LiveEntry entry, String pageUrl) {
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("@type", "BlogPosting");
        update.put("@id", pageUrl + "#" + entry.anchor());
        update.put("url", pageUrl + "#" + entry.anchor());
        String firstLine = entry.text().lines().findFirst().orElse("").strip();
        update.put("headline", firstLine.length() <= UPDATE_HEADLINE ? firstLine
                : firstLine.substring(0, UPDATE_HEADLINE - 1).strip() + "…");
        update.put("articleBody", entry.text());
        update.put("datePublished", entry.postedAt().toString());
        update.put("dateModified", entry.updatedAt().toString());
        return update;
    }

    /**
     * The picture as Google asks for it: renditions at least 1200 pixels wide in 16:9, 4:3 and 1:1, those the
     * picture is large enough for; a smaller picture gives its largest rendition.
     */
    static List<Map<String, Object>> images(Picture picture, String siteUrl) {
        List<PictureRendition> renditions = new ArrayList<>();
        for (Crop crop : List.of(Crop.WIDE, Crop.STANDARD, Crop.SQUARE)) {
            picture.large(crop).ifPresent(renditions::add);
        }
        if (renditions.isEmpty()) {
            renditions.add(picture.shared());
        }
        List<Map<String, Object>> images = new ArrayList<>();
        for (PictureRendition rendition : renditions) {
            Map<String, Object> image = new LinkedHashMap<>();
            image.put("@type", "ImageObject");
            image.put("url", siteUrl + rendition.path());
            image.put("contentUrl", siteUrl + rendition.path());
            image.put("width", rendition.width());
            image.put("height", rendition.height());
            putText(image, "caption", picture.caption());
            putText(image, "creditText", picture.creditLine());
            putText(image, "copyrightNotice", picture.copyright());
            images.add(image);
        }
        return images;
    }

    private static void putText(Map<String, Object> map, String name, String text) {
        if (text != null && !text.isBlank()) {
            map.put(name, text.strip());
        }
    }

    /** A JSON text cannot end the script element or open a comment once {@code <} is escaped. */
    static String embeddable(String jsonText) {
        return jsonText.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }
}
