package org.dateline.search;

import java.util.List;

import org.dateline.content.ArticleSummary;

/**
 * Full-text search over the live articles of an edition, as readers see them. Results are read back through the
 * published read model, so a story taken down is never shown, even in the moment before the index has caught up.
 */
public interface SearchQueries {

    /** The longest query taken, in characters; a longer one is refused with {@link SearchRefusal#QUERY_TOO_LONG}. */
    int MAX_QUERY_LENGTH = 200;

    /** One page of results, or why the request cannot be answered. */
    SearchAnswer search(SearchRequest request);

    /**
     * Stories whose headline matches what the reader is typing (the last word as a prefix), best first: for
     * suggestions under the search box. Empty for fewer than two letters; a text over {@link #MAX_QUERY_LENGTH} is
     * cut there.
     */
    List<Suggestion> suggest(String edition, String text, int limit);

    /**
     * Live stories of the edition most like this one in headline and text, never the story itself; empty when it is
     * not a live story of the edition (or the index is still being built).
     */
    List<ArticleSummary> related(long articleId, String edition, int limit);

    /** Whether the index can answer yet, and how far it has followed the change log. */
    IndexStatus status();
}
