package org.dateline.content;

import java.time.Instant;

/**
 * One entry of a live story as readers see it: plain text (escaped wherever it is shown) and an optional http(s)
 * link, with the time it was posted and, once corrected, the time of its last correction.
 */
public record LiveEntry(long id, long articleId, String text, String link, Instant postedAt, Instant updatedAt) {

    /** The fragment of the story's page that shows this entry: its own link. */
    public String anchor() {
        return "entry-" + id;
    }

    public boolean wasUpdated() {
        return updatedAt.isAfter(postedAt);
    }
}
