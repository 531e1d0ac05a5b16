package org.dateline.wire;

import java.time.Instant;

/**
 * A feed URL the newsroom polls for wire copy, and how its polling goes.
 *
 * @param intervalSeconds how often it is polled when all is well (at least {@link WireFeeds#MIN_INTERVAL})
 * @param etag            the validators of the last good response, sent back on the next poll
 * @param nextPollAt      when it is due; while a node polls it, the end of that node's lease
 * @param failures        failed polls in a row; each doubles the wait before the next (up to a cap)
 * @param lastStatus      the HTTP status of the last poll, absent when no answer came
 * @param itemsSeen       items read from it over its life (new, updated and duplicates alike)
 */
public record WireFeed(long id, String name, String url, int intervalSeconds, boolean active, String etag,
                       String lastModified, Instant nextPollAt, int failures, Integer lastStatus, String lastError,
                       Instant lastPolledAt, long itemsSeen, Instant createdAt) {
}
