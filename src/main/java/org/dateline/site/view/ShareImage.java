package org.dateline.site.view;

/** The picture a page offers to link previews (Open Graph, Twitter cards): an absolute URL, its size and alt text. */
public record ShareImage(String url, int width, int height, String alt) {
}
