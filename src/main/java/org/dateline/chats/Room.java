package org.dateline.chats;

import java.time.Instant;

/**
 * A room as the policy sees it.
 *
 * @param articleId      the article of an article room, null for a topic room
 * @param articleRemoved true when the article is no longer live (unpublished or killed): the room is gone with it
 */
public record Room(long id, RoomKind kind, String edition, Long articleId, String slug, String title, RoomState state,
                   long lastMessageId, Instant lastActivityAt, boolean articleRemoved) {

    public Room withArticleRemoved(boolean removed) {
        return new Room(id, kind, edition, articleId, slug, title, state, lastMessageId, lastActivityAt, removed);
    }
}
