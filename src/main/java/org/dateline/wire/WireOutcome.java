package org.dateline.wire;

import java.time.Instant;

/**
 * What became of one received wire item or picture; a line of the ingest log.
 *
 * @param result    {@code created}, {@code updated}, {@code killed} (a story), {@code withdrawn} (a picture),
 *                  {@code duplicate} (a version already held) or {@code rejected} (with {@code code} and
 *                  {@code message})
 * @param storyId   the newsroom story it created or changed, when there is one
 * @param kind      {@code text} or {@code picture}
 * @param pictureId the library's picture it created or changed (or, for a text item, its lead picture), when there
 *                  is one
 */
public record WireOutcome(long id, Instant receivedAt, String transport, String source, String itemRef, String guid,
                          Long version, String result, Long storyId, String code, String message, String kind,
                          Long pictureId) {

    public static final String CREATED = "created";
    public static final String UPDATED = "updated";
    public static final String KILLED = "killed";
    public static final String DUPLICATE = "duplicate";
    public static final String REJECTED = "rejected";
    public static final String WITHDRAWN = "withdrawn";

    public static final String TEXT = "text";
    public static final String PICTURE = "picture";

    public boolean accepted() {
        return !REJECTED.equals(result);
    }
}
