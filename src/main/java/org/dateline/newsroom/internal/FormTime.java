package org.dateline.newsroom.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** A newsroom form's {@code datetime-local} value, read in UTC: the newsroom works in UTC. */
final class FormTime {

    private FormTime() {
    }

    /** The instant, or null when the value is empty or not a date and time. */
    static Instant utc(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
