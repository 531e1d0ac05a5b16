package org.dateline.site.view;

import java.util.List;

/**
 * The search page: the form, what was found, how to narrow it.
 *
 * @param query      the query as typed, to put back in the header's search box
 * @param searched   a query was given (the page is not just the empty form)
 * @param message    a notice instead of results (query too long, index being prepared); null for none
 * @param summary    "12 results for …"; null on later pages and without a query
 * @param sortLinks  relevance and date, the current one marked
 * @param didYouMean the respelt query's link; null when none is offered
 * @param nextUrl    the next page's address; null on the last
 */
public record SearchView(String query, boolean searched, String message, String summary,
                         List<FacetLink> sortLinks, List<Result> results, List<FacetGroup> facets,
                         Link didYouMean, String nextUrl) {

    /**
     * A found story.
     *
     * @param headlineHtml escaped headline with {@code <mark>}ed words (made by the search module)
     * @param snippetHtml  escaped passage with {@code <mark>}ed words
     * @param thumbnail    the lead picture, small; null when the story has none
     */
    public record Result(String url, String headlineHtml, String snippetHtml, String sectionName, String published,
                         String publishedLabel, Thumbnail thumbnail) {
    }

    /** The values of one dimension to narrow by. */
    public record FacetGroup(String title, List<FacetLink> links) {
    }

    /** @param count null where no count is shown */
    public record FacetLink(String text, Long count, String href, boolean selected) {
    }
}
