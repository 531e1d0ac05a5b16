package org.dateline.search;

import java.util.List;

/**
 * One page of results.
 *
 * @param total      how many live stories match, counted on the first page only ({@code -1} on later pages)
 * @param facets     counts to narrow by (section, author, tag, date range), on the first page only
 * @param nextCursor where the next page starts, null on the last page
 * @param didYouMean the query with its unknown words respelt, when nothing matched and a respelling would; else null
 * @param preparing  the index is being built: nothing can be found yet, and the page should say so
 */
public record SearchResults(String text, List<SearchHit> hits, long total, List<Facet> facets, String nextCursor,
                            String didYouMean, boolean preparing) {

    public SearchResults {
        hits = List.copyOf(hits);
        facets = List.copyOf(facets);
    }

    public static SearchResults empty(String text, boolean preparing) {
        return new SearchResults(text, List.of(), 0, List.of(), null, null, preparing);
    }
}
