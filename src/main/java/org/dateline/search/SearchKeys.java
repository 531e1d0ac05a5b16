package org.dateline.search;

/**
 * The surrogate key of cached search pages, suggestions and related-story lists of an edition: evicted each time
 * this node's index shows a change in the edition, and for every edition once a build is done, so a cached page is
 * never older than the index it was read from.
 */
public final class SearchKeys {

    private SearchKeys() {
    }

    public static String results(String edition) {
        return "search:" + edition;
    }
}
