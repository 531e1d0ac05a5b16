package org.dateline.chats;

/** A banned or suspect word or phrase of one edition. */
public record WatchedWord(long id, String edition, WordKind kind, String word) {
}
