package org.dateline.chats;

import java.time.Instant;

/** A stored message as the policy sees it; {@code body} is the normalised plain text the author wrote. */
public record Message(long id, long roomId, long authorId, String body, Long replyTo, MessageState state,
                      Instant createdAt, Instant editedAt, Instant deletedAt) {
}
