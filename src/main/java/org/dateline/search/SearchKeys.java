package org.dateline.search;

/**
 * The surrogate key of cached search pages and suggestions of an edition: evicted each time this node's index
 * shows a change in the edition, so a cached result page is never older than the index it was read from.
 */
public final class SearchKeys {

    private SearchKeys() {
    }

    public static String results(String edition) {
        return "search:" + edition;
    }
}
