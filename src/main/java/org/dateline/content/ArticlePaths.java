package org.dateline.content;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The URL scheme of articles: {@code /{edition}/{section}/{yyyyMMdd}/{id}-{slug}}. The id alone identifies the
 * article, so a changed slug, section or date still finds it and answers 301 to the canonical path.
 */
public final class ArticlePaths {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    private ArticlePaths() {
    }

    public static String path(String edition, String section, Instant published, long id, String slug) {
        return "/" + edition + "/" + section + "/" + DAY.format(published) + "/" + id + "-" + slug;
    }

    /** The id at the start of the last path segment ({@code 42-some-slug} or {@code 42}), or -1. */
    public static long idOf(String segment) {
        int end = 0;
        while (end < segment.length() && end < 18 && Character.isDigit(segment.charAt(end))) {
            end++;
        }
        if (end == 0 || (end < segment.length() && segment.charAt(end) != '-')) {
            return -1;
        }
        return Long.parseLong(segment, 0, end, 10);
    }
}
