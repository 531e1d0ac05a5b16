package org.dateline.site.view;

import java.util.List;

/** Related stories under an article: headlines with their section and a thumbnail when the story has one. */
public record RelatedView(String title, List<Item> items) {

    public RelatedView {
        items = List.copyOf(items);
    }

    /** @param thumb a small square JPEG of the lead picture, null when the story has none */
    public record Item(String headline, String url, String section, String thumb, int thumbWidth, int thumbHeight) {
    }
}
