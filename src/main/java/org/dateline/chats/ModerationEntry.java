package org.dateline.chats;

import java.time.Instant;

/** One line of the moderation audit log: who did what to which room, message or account, and why. */
public record ModerationEntry(long id, long actorId, String actorName, String action, Long roomId, Long messageId,
                              Long accountId, String detail, Instant at) {
}
