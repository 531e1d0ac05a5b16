package org.dateline.chats;

/** The outcome of a chat use case: done with a value, or refused for a named reason. */
public sealed interface ChatResult<T> {

    record Done<T>(T value) implements ChatResult<T> {
    }

    /** @param ban for {@link Refusal#BANNED}, the ban (where, until when) the reader is told of; null otherwise */
    record Refused<T>(Refusal reason, BanInForce ban) implements ChatResult<T> {
    }

    static <T> ChatResult<T> done(T value) {
        return new Done<>(value);
    }

    static <T> ChatResult<T> refused(Refusal reason) {
        return new Refused<>(reason, null);
    }

    /** The policy's refusal of what the participant tried, with their ban when a ban is the reason. */
    static <T> ChatResult<T> refused(Refusal reason, Participant who) {
        return new Refused<>(reason, reason == Refusal.BANNED && who != null ? who.ban() : null);
    }
}
