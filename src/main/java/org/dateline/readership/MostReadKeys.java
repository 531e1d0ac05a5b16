package org.dateline.readership;

/**
 * Surrogate keys of the most-read lists. A page that shows a list is tagged with its key; when a newly computed
 * ranking differs from the stored one, a {@code mostread.changed} change names the keys of the lists that differ.
 */
public final class MostReadKeys {

    private static final String PREFIX = "mostread:";

    private MostReadKeys() {
    }

    /** The edition's list. */
    public static String edition(String edition) {
        return PREFIX + edition;
    }

    /** A section's list. */
    public static String section(String edition, long sectionId) {
        return PREFIX + edition + ":" + sectionId;
    }
}
