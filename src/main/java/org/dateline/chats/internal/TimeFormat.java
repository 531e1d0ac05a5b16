package org.dateline.chats.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;

import org.dateline.editions.Edition;

/**
 * How an edition's pages write a moment: the site's date pattern ({@code date.pattern} of {@code i18n/site_*}, as
 * the site's own pages use it) in the edition's language and time zone. The chat script writes live times the same
 * way from a page's {@code data-time-locale}, {@code data-time-zone} and {@code data-time-pattern}
 * ({@code timeFormat} in {@code chat.js}). Public for the templates.
 */
public final class TimeFormat {

    private final String locale;
    private final String zone;
    private final String pattern;
    private final DateTimeFormatter formatter;

    private TimeFormat(Locale locale, ZoneId zone) {
        this.locale = locale.toLanguageTag();
        this.zone = zone.getId();
        this.pattern = ResourceBundle.getBundle("i18n.site", locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES)).getString("date.pattern");
        this.formatter = DateTimeFormatter.ofPattern(pattern, locale).withZone(zone);
    }

    static TimeFormat of(Edition edition) {
        return new TimeFormat(edition.locale(), edition.zone());
    }

    public String format(Instant at) {
        return formatter.format(at);
    }

    public String locale() {
        return locale;
    }

    public String zone() {
        return zone;
    }

    public String pattern() {
        return pattern;
    }
}
