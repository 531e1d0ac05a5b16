package org.dateline.shared;

import java.time.Instant;
import java.util.Optional;

/**
 * A position in a newest-first list of published items: the publish instant and id of the last item seen. Paging
 * by cursor instead of offset means an endless scroll never repeats or skips an item while new ones arrive.
 */
public record FeedCursor(Instant publishedAt, long id) {

    public static Optional<FeedCursor> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        int sep = text.indexOf('_');
        if (sep <= 0 || sep == text.length() - 1 || text.length() > 40) {
            return Optional.empty();
        }
        try {
            long millis = Long.parseLong(text.substring(0, sep));
            long id = Long.parseLong(text.substring(sep + 1));
            return id > 0 ? Optional.of(new FeedCursor(Instant.ofEpochMilli(millis), id)) : Optional.empty();
        } catch (NumberFormatException notACursor) {
            return Optional.empty();
        }
    }

    public String encode() {
        return publishedAt.toEpochMilli() + "_" + id;
    }
}
