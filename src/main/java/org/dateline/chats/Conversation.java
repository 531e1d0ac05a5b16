package org.dateline.chats;

import java.util.List;

/**
 * The conversation under an article or in a topic room, as every reader sees it on the (cached) page.
 *
 * @param articleId null for a topic room
 * @param roomId   null while nobody has written yet (the room is created with the first message)
 * @param open     whether the room takes new messages
 * @param messages the latest visible messages, oldest first
 * @param older    the cursor for {@code GET /api/chats/rooms/{roomId}/messages?before=}, null when there is no more
 * @param lastChange the change-log position of the room's newest change when it was read (0 for none): the page's
 *                   script asks the socket for every change after it, so a page served from a cache is completed
 */
public record Conversation(Long articleId, Long roomId, boolean open, List<MessageView> messages, Long older,
                           String cacheKey, long lastChange) {
}
