package org.dateline.site.view;

/** An article in a list: headline, lead, time, link. */
public record Teaser(String url, String headline, String lead, String sectionName, String published,
                     String publishedLabel) {
}
