package org.dateline.editions;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Times as an edition shows them to the public: in the edition's time zone, named in its language ("20:40 МСК",
 * "17:40 UTC"), and the day an instant falls on there. The names of zones whose usual short name in the language
 * differs from Java's come from the {@code i18n/time} bundle; the others are the zone's short name at that instant
 * (so summer time shows as such).
 */
public final class EditionTime {

    /** Keyed by the edition as it stands, zone included: a changed zone gets a new one. */
    private static final ConcurrentHashMap<Edition, EditionTime> BY_EDITION = new ConcurrentHashMap<>();

    private final ZoneId zone;
    private final ResourceBundle names;
    private final DateTimeFormatter clock;
    private final DateTimeFormatter shortZone;
    private final DateTimeFormatter day;

    private EditionTime(Locale locale, ZoneId zone) {
        this.zone = zone;
        this.names = ResourceBundle.getBundle("i18n.time", locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
        this.clock = DateTimeFormatter.ofPattern("HH:mm", locale).withZone(zone);
        this.shortZone = DateTimeFormatter.ofPattern("zzz", locale).withZone(zone);
        this.day = DateTimeFormatter.ofPattern(names.getString("day.pattern"), locale);
    }

    public static EditionTime of(Edition edition) {
        return BY_EDITION.computeIfAbsent(edition, e -> new EditionTime(e.locale(), e.zone()));
    }

    public ZoneId zone() {
        return zone;
    }

    /** The zone's name as readers of the edition know it, at that instant. */
    public String zoneName(Instant at) {
        String key = "zone." + zone.getId();
        return names.containsKey(key) ? names.getString(key) : shortZone.format(at);
    }

    /** Hours and minutes with the zone: {@code 20:40 МСК}. */
    public String time(Instant at) {
        return clock.format(at) + " " + zoneName(at);
    }

    public LocalDate day(Instant at) {
        return at.atZone(zone).toLocalDate();
    }

    /** A day as a heading names it: {@code Sunday, 6 December}. */
    public String dayLabel(LocalDate date) {
        return day.format(date);
    }
}
