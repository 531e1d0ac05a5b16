package org.dateline.chats;

/**
 * What a reply answers, as readers see it: the author and the beginning of the text of a visible message, or only
 * that the message was deleted. A reply to a message a moderator removed (hidden, rejected) quotes nothing.
 *
 * @param text    at most {@link #START} characters, on one line; plain text, escaped wherever it is shown
 * @param deleted true when the answered message was deleted (no author, no text); null otherwise
 */
public record Quote(String authorName, String text, Boolean deleted) {

    /** How much of the answered message a quote shows, in characters. */
    public static final int START = 100;

    /** The quote of a message in this state by this author; null when it shows nothing. */
    public static Quote of(MessageState state, String authorName, String body) {
        if (state == MessageState.VISIBLE) {
            return new Quote(authorName, MessageText.start(body.replace('\n', ' '), START), null);
        }
        return state == MessageState.DELETED ? new Quote(null, null, true) : null;
    }
}
