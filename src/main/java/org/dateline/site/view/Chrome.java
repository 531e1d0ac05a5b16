package org.dateline.site.view;

import java.util.List;

import org.dateline.editions.Edition;
import org.dateline.editions.Section;
import org.dateline.site.Ui;

/**
 * What every page shares: the edition and its menus, the SEO head, the newsfeed panel.
 *
 * @param canonical    absolute canonical URL
 * @param alternates   the same page in other editions ({@code hreflang} links)
 * @param feeds        RSS/Atom feeds mirroring this page ({@code rel="alternate"})
 * @param jsonLd       JSON-LD document, already safe to embed in a script element; null for none
 * @param ogType       Open Graph type ("website" or "article")
 * @param image        the picture link previews show, null for none
 * @param newsfeedMore cursor of the last newsfeed item, null when there is no more
 * @param pictureKeys  surrogate keys of the pictures the newsfeed panel shows: every page carrying it is tagged
 */
public record Chrome(Ui ui, Edition edition, List<Edition> editions, List<Section> sections, String currentSection,
                     String title, String description, String canonical, List<Link> alternates, List<Link> feeds,
                     String jsonLd, String ogType, ShareImage image, List<NewsfeedItem> newsfeed,
                     String newsfeedMore, List<String> pictureKeys) {

    /** The page's own path on this site, as a login link names it to come back to. */
    public String path() {
        return java.net.URI.create(canonical).getRawPath();
    }

    public String pageTitle() {
        return title.equals(edition.siteName()) ? title : title + " — " + edition.siteName();
    }
}
