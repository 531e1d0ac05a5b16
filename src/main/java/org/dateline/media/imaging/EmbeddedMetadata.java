package org.dateline.media.imaging;

import java.time.Instant;

/** What the file says about itself (IPTC IIM, XMP, EXIF); every field may be null. */
public record EmbeddedMetadata(String headline, String caption, String credit, String byline, String copyright,
                               Instant created) {

    public static final EmbeddedMetadata NONE = new EmbeddedMetadata(null, null, null, null, null, null);
}
