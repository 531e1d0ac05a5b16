package org.dateline.site.view;

/**
 * An article in a list: headline, lead, time, link.
 *
 * @param thumbnail the story's lead picture, small (a large one for the first of a list); null when it has none
 * @param large     the first of a list, shown wide above its headline
 */
public record Teaser(String url, String headline, String lead, String sectionName, String published,
                     String publishedLabel, Thumbnail thumbnail, boolean large) {

    /** The same teaser under another headline (the short one editors gave it for the front). */
    public Teaser withHeadline(String other) {
        return new Teaser(url, other, lead, sectionName, published, publishedLabel, thumbnail, large);
    }
}
