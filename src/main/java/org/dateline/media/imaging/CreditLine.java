package org.dateline.media.imaging;

/** What a rendition embeds: only these, as an XMP packet (dc:creator, dc:rights, photoshop:Credit). Any may be null. */
public record CreditLine(String credit, String byline, String copyright) {

    public static final CreditLine NONE = new CreditLine(null, null, null);

    boolean isEmpty() {
        return isBlank(credit) && isBlank(byline) && isBlank(copyright);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
