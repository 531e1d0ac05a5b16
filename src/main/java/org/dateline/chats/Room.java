package org.dateline.chats;

import java.time.Instant;

/**
 * A room as the policy sees it.
 *
 * @param articleId      the article of an article room, null for a topic room
 * @param slowModeSeconds how long a reader waits between two messages here; 0 for no wait
 * @param premoderated   readers' messages wait for a moderator before anyone sees them
 * @param articleRemoved true when the article is no longer live (unpublished or killed): the room is gone with it
 */
public record Room(long id, RoomKind kind, String edition, Long articleId, String slug, String title, RoomState state,
                   long lastMessageId, Instant lastActivityAt, int slowModeSeconds, boolean premoderated,
                   boolean articleRemoved) {
}
