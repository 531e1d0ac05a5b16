package org.dateline.search;

import java.util.List;
import java.util.Optional;

/**
 * This node's index of the newsroom's stories in every state, with the readers' search's analysis and query rules
 * (Russian and English stemming, ё read as е, phrases in quotes, the last word as a prefix, headline matches first).
 */
public interface StoryIndex {

    /**
     * What narrows a search; null parts narrow nothing. {@code author} matches the name of one of the story's
     * authors case-insensitively, in part; the others match exactly.
     */
    record Filter(String state, String desk, String edition, String section, Long createdBy, String author) {
    }

    /**
     * @param ids      the stories that hold every word, best match first (then most recently changed)
     * @param total    how many stories hold them
     * @param searched how many stories the index holds
     */
    record Found(List<Long> ids, long total, long searched) {
    }

    /**
     * The stories that match, empty while the index is built or when it cannot be read (the caller searches another
     * way meanwhile).
     */
    Optional<Found> search(String words, Filter filter, int limit);

    IndexStatus status();
}
