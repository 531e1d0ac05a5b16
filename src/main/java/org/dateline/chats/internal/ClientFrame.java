package org.dateline.chats.internal;

/**
 * What a client says over its chat socket, as {@link ChatProtocol#read} reads it. Numbers a client leaves out (or
 * sends as something other than a number) read as 0, which names no room, article or message.
 */
sealed interface ClientFrame {

    /**
     * {@code {"type":"subscribe","room":7,"since":3310}} or {@code {"type":"subscribe","article":42,"since":0}}.
     *
     * @param since the change position the client has applied; -1 when it asks for live changes only
     * @param after the older protocol: the last message id its page has; -1 when absent
     */
    record Subscribe(long room, long article, long since, long after) implements ClientFrame {
    }

    /** {@code {"type":"unsubscribe","room":7}} (or {@code "article":42}). */
    record Unsubscribe(long room, long article) implements ClientFrame {
    }

    /** {@code {"type":"ping"}}. */
    record Ping() implements ClientFrame {
    }

    /** {@code {"type":"inbox","details":false}}: a logged-in reader's unread counts ({@link ReaderInboxes}). */
    record Inbox(boolean details) implements ClientFrame {
    }

    /**
     * {@code {"type":"post","ref":"c1","room":7,"body":"…","replyTo":null}} (or {@code "article":42} instead of the
     * room).
     *
     * @param ref  the client's name for the answer, at most {@link ChatProtocol#MAX_REF_LENGTH} characters; "" if none
     * @param body null unless the client sent text
     */
    record Post(String ref, long room, long article, String body, long replyTo) implements ClientFrame {
    }

    /** Not a frame of the protocol: answered with an {@code error} of the code. */
    record Unreadable(String code) implements ClientFrame {
    }
}
