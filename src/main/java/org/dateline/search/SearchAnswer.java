package org.dateline.search;

/** The outcome of a search: results, or a refusal with a stable code. */
public sealed interface SearchAnswer {

    record Found(SearchResults results) implements SearchAnswer {
    }

    record Refused(SearchRefusal refusal) implements SearchAnswer {
    }
}
