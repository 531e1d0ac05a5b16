package org.dateline.search;

import java.util.List;

/**
 * Ranks a handful of texts against a query with the analysis and query rules of the readers' search (Russian and
 * English stemming, ё read as е, phrases in quotes, the last word as a prefix, headline matches first), without
 * keeping an index: for texts that are not in the article index, such as the newsroom's stories in every state.
 * <p>
 * Each call analyses every candidate afresh in an index in memory, so its cost grows with the number and length of
 * the candidates: callers narrow them first and pass at most {@link #MAX_CANDIDATES}.
 */
public interface TextRanking {

    int MAX_CANDIDATES = 1000;

    /**
     * One text to match.
     *
     * @param edition the edition code, which picks the language's analysis
     * @param text    everything else a match may come from (lead, body, byline)
     */
    record Candidate(long id, String edition, String headline, String text) {
    }

    /**
     * The ids of the candidates that hold every word of the query, best match first; empty for a query without
     * words.
     *
     * @throws IllegalArgumentException with more than {@link #MAX_CANDIDATES} candidates
     */
    List<Long> rank(String query, List<Candidate> candidates, int limit);
}
