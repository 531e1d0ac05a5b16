package org.dateline.chats;

import java.util.List;

/**
 * One page of a room's history, newest first.
 *
 * @param next the cursor for the next (older) page, null when this is the oldest
 */
public record MessagePage(long roomId, List<MessageView> messages, Long next) {
}
