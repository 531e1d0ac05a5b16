package org.dateline.search;

import java.util.Arrays;
import java.util.Optional;

/** The order of results: best match first (fresher first among equals), or newest first. */
public enum SearchSort {
    RELEVANCE("relevance"),
    DATE("date");

    private final String value;

    SearchSort(String value) {
        this.value = value;
    }

    /** As it appears in a URL: {@code sort=date}. */
    public String value() {
        return value;
    }

    public static Optional<SearchSort> parse(String value) {
        return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst();
    }
}
