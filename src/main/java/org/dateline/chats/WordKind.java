package org.dateline.chats;

/** What a watched word does to a message of a reader (never to a moderator's). */
public enum WordKind {
    /** The message waits for a moderator before anyone sees it. */
    BANNED,
    /** The message is shown, and put in the moderation queue for a look. */
    SUSPECT
}
