package org.dateline.search;

/** A story offered as the reader types: its headline and address. */
public record Suggestion(String headline, String path) {
}
