package org.dateline.wire;

import java.time.Instant;

/**
 * What became of one received wire item; a line of the ingest log.
 *
 * @param result  {@code created}, {@code updated}, {@code killed}, {@code duplicate} (a version already held) or
 *                {@code rejected} (with {@code code} and {@code message})
 * @param storyId the newsroom story it created or changed, when there is one
 */
public record WireOutcome(long id, Instant receivedAt, String transport, String source, String itemRef, String guid,
                          Long version, String result, Long storyId, String code, String message) {

    public static final String CREATED = "created";
    public static final String UPDATED = "updated";
    public static final String KILLED = "killed";
    public static final String DUPLICATE = "duplicate";
    public static final String REJECTED = "rejected";

    public boolean accepted() {
        return !REJECTED.equals(result);
    }
}
