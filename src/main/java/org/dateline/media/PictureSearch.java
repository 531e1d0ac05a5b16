package org.dateline.media;

import java.time.Instant;

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
}
