package org.dateline.chats.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;

import org.dateline.editions.Edition;
import org.dateline.editions.EditionTime;

/**
 * How an edition's pages write a moment: the site's date pattern ({@code date.pattern} of {@code i18n/site_*}, as
 * the site's own pages use it) in the edition's language and time zone. The chat script writes live times the same
 * way from a page's {@code data-time-locale}, {@code data-time-zone} and {@code data-time-pattern} (the zone's name
 * quoted into it)
 * ({@code timeFormat} in {@code chat.js}). Public for the templates.
 */
public final class TimeFormat {

    private final String locale;
    private final String zone;
    private final String pattern;
    private final DateTimeFormatter formatter;
    private final EditionTime times;

    private TimeFormat(Locale locale, ZoneId zone, EditionTime times) {
        this.locale = locale.toLanguageTag();
        this.zone = zone.getId();
        this.times = times;
        this.pattern = ResourceBundle.getBundle("i18n.site", locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES)).getString("date.pattern");
        this.formatter = DateTimeFormatter.ofPattern(pattern, locale).withZone(zone);
    }

    static TimeFormat of(Edition edition) {
        return new TimeFormat(edition.locale(), edition.zone(), EditionTime.of(edition));
    }

    /** Every public time names its zone: {@code 7 Dec 2026, 20:40 МСК}. */
    public String format(Instant at) {
        return formatter.format(at) + " " + times.zoneName(at);
    }

    public String locale() {
        return locale;
    }

    public String zone() {
        return zone;
    }

    /** The pattern for the script, the zone's name (as it is now) quoted in, so live times name it too. */
    public String pattern() {
        return pattern + " '" + times.zoneName(Instant.now()) + "'";
    }
}
