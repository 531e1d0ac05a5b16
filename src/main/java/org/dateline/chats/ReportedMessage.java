package org.dateline.chats;

import java.time.Instant;

/** A visible message with open reports, as the moderators' queue lists it (most reported first). */
public record ReportedMessage(long messageId, long roomId, long authorId, String authorName, String text,
                              long reports, Instant firstReportedAt) {
}
