package org.dateline.chats;

import java.time.Instant;
import java.util.Map;

/**
 * A visible message as readers see it.
 *
 * @param text      the plain text as written (normalised), for editing and quoting
 * @param html      the safe markup of {@link MessageHtml}, ready to insert into a page
 * @param replyTo   the id of the message this one answers, or null
 * @param reactions counts by reaction code ({@code like}, ...), only those above zero, in {@link Reaction} order
 * @param permalink {@link org.dateline.content.ChatPaths#permalink}, which redirects to the message in its room
 * @param state     {@code VISIBLE} for everything readers are shown; {@code HELD} only in the author's
 *                  acknowledgement and the moderators' queue
 * @param quote     what the message replies to, as it is now; null when it replies to none or its answer is removed
 */
public record MessageView(long id, long roomId, String edition, long authorId, String authorName, String text,
                          String html, Long replyTo, Instant createdAt, Instant editedAt,
                          Map<String, Integer> reactions, String permalink, MessageState state, Quote quote) {
}
