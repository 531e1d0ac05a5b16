package org.dateline.site.view;

import java.util.List;

/**
 * The entries of a live coverage story as its page shows them, newest first, under its lead and body (the pinned
 * summary); the page's script adds entries that arrive over the newsfeed stream.
 *
 * @param articleId the story whose entries the stream's {@code entry} events must name to be shown here
 */
public record LiveView(long articleId, List<Entry> entries) {

    /**
     * @param anchor       the entry's fragment id on the page; {@code permalink} is the page's address with it
     * @param link         an http(s) address (checked when stored), or null
     * @param updated      the time of the entry's last correction (ISO), or null if never corrected
     */
    public record Entry(long id, String anchor, String permalink, String text, String link, String posted,
                        String postedLabel, String updated, String updatedLabel) {
    }
}
