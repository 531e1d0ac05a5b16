package org.dateline.media;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * What the library is searched by: words that must each appear in the caption, headline, credit, byline, copyright
 * or file name (any case), and a time window of the upload or, when the file says, of the picture's making.
 *
 * @param from inclusive, or {@code null}
 * @param to   exclusive, or {@code null}
 */
public record PictureSearch(String words, Instant from, Instant to) {

    public static PictureSearch all() {
        return new PictureSearch(null, null, null);
    }

    /** A search by whole days (UTC), both included; either may be {@code null}. */
    public static PictureSearch days(String words, LocalDate from, LocalDate to) {
        return new PictureSearch(words, from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
