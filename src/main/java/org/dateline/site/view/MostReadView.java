package org.dateline.site.view;

import java.util.List;

/**
 * The most-read block: a numbered list of headlines (home page, beside an article).
 *
 * @param period what the list covers ("Last 24 hours")
 */
public record MostReadView(String title, String period, List<Item> items) {

    public MostReadView {
        items = List.copyOf(items);
    }

    /**
     * One headline.
     *
     * @param thumb   a small square JPEG of the lead picture, null when the story has none
     * @param current the article of the page that shows the list
     */
    public record Item(String headline, String url, String thumb, int thumbWidth, int thumbHeight, boolean current) {
    }
}
