package org.dateline.newsroom.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.dateline.editions.Edition;

/**
 * A newsroom form's {@code datetime-local} value, entered and shown in the story's edition's time zone (the clock its
 * readers and its desk live by), stored as an instant in UTC.
 */
final class FormTime {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private FormTime() {
    }

    /**
     * The instant, or null when the value is empty or not a date and time. A time that the zone skips (the hour a
     * clock jumps forward) moves on by the gap, as {@link java.time.ZonedDateTime#of} resolves it.
     */
    static Instant in(String value, ZoneId zone) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** How the desk shows a time: {@code 2026-12-08 10:00 MSK (07:00 UTC)}. */
    static String shown(Instant at, Edition edition) {
        String local = SHOWN.withZone(edition.zone()).format(at) + " " + zoneLabel(edition);
        return edition.zone().normalized().equals(java.time.ZoneOffset.UTC) ? local
                : local + " (" + DateTimeFormatter.ofPattern("HH:mm").withZone(java.time.ZoneOffset.UTC).format(at)
                        + " UTC)";
    }

    /** The zone as the form names it: its id, which the newsroom knows it by. */
    static String zoneLabel(Edition edition) {
        return edition.zone().getId();
    }
}
