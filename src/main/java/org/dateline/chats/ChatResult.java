package org.dateline.chats;

/** The outcome of a chat use case: done with a value, or refused for a named reason. */
public sealed interface ChatResult<T> {

    record Done<T>(T value) implements ChatResult<T> {
    }

    record Refused<T>(Refusal reason) implements ChatResult<T> {
    }

    static <T> ChatResult<T> done(T value) {
        return new Done<>(value);
    }

    static <T> ChatResult<T> refused(Refusal reason) {
        return new Refused<>(reason);
    }
}
