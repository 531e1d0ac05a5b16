package org.dateline.search;

/**
 * What a reader asked: the words as typed, the filters chosen, the order, and where the previous page ended.
 *
 * @param text    the query as typed; quotes make phrases, the last word also matches as a prefix unless a space
 *                follows it. Never parsed as a query language, so no input is an error
 * @param section section slug to narrow to, or null
 * @param author  author slug, or null
 * @param tag     tag slug, or null
 * @param range   how recent, or null for any time
 * @param cursor  the opaque cursor of the page before ({@link SearchResults#nextCursor}), or null for the first
 * @param size    results per page, 1 to 50
 */
public record SearchRequest(String edition, String text, String section, String author, String tag, DateRange range,
                            SearchSort sort, String cursor, int size) {

    public SearchRequest {
        if (edition == null || edition.isBlank()) {
            throw new IllegalArgumentException("edition is required");
        }
        text = text == null ? "" : text;
        sort = sort == null ? SearchSort.RELEVANCE : sort;
        section = blankToNull(section);
        author = blankToNull(author);
        tag = blankToNull(tag);
        cursor = blankToNull(cursor);
        if (size < 1 || size > 50) {
            throw new IllegalArgumentException("size must be 1 to 50, was " + size);
        }
    }

    public static SearchRequest of(String edition, String text, int size) {
        return new SearchRequest(edition, text, null, null, null, null, SearchSort.RELEVANCE, null, size);
    }

    public SearchRequest withCursor(String next) {
        return new SearchRequest(edition, text, section, author, tag, range, sort, next, size);
    }

    public boolean filtered() {
        return section != null || author != null || tag != null || range != null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
