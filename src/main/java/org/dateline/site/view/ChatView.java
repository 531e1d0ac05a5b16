package org.dateline.site.view;

import java.util.List;

import org.dateline.chats.Quote;

/**
 * The conversation under an article as its (cached, same-for-everyone) page renders it.
 *
 * @param articleId null for a topic room
 * @param roomId   null until the first message creates the room; the script then posts by article
 * @param older    cursor of older history for the script's "load older", null when everything is shown
 * @param lastChange the room's change position when rendered: the script's socket catches up from there
 */
public record ChatView(Long articleId, Long roomId, boolean open, List<Message> messages, Long older,
                       long lastChange) {

    /**
     * @param html      safe markup made by the chats module (escaped text, links, emphasis)
     * @param replyTo   the id of the message answered, or null
     * @param permalink the message's own address, which leads back here with {@code #m{id}}
     * @param quote     what it replies to (author and beginning, or that it was deleted); null for nothing to show
     */
    public record Message(long id, long authorId, String author, String html, Long replyTo, String published,
                          String publishedLabel, boolean edited, List<ReactionCount> reactions, String permalink,
                          Quote quote) {
    }

    public record ReactionCount(String code, String emoji, int count) {
    }
}
