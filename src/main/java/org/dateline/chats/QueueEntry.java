package org.dateline.chats;

import java.util.List;

/**
 * A message waiting for a moderator, as the moderation queue shows it.
 *
 * @param message  the message, whatever its state (visible when reported, held when waiting for review)
 * @param room     its room
 * @param roomPath the public page of the room, null when its article is no longer on the site
 * @param reports  how many readers reported it (0 for a held message nobody could see)
 * @param reasons  what they said, oldest first
 * @param context  the visible messages around it in its room, oldest first, the message itself left out
 */
public record QueueEntry(MessageView message, Room room, String roomPath, long reports, List<String> reasons,
                         List<MessageView> context) {
}
