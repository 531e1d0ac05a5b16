package org.dateline.platform.mail;

import java.time.Instant;

/** A mail written to the outbox: its file name (its id), when, to whom and about what. */
public record OutboxMail(String name, Instant written, String to, String subject) {
}
