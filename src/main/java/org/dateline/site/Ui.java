package org.dateline.site;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

import org.dateline.editions.EditionTime;

/** The interface language of one edition: translated strings and date formats, handed to every template. */
public final class Ui {

    /** Keyed by the edition as it stands: a changed time zone gets a new one. */
    private static final ConcurrentHashMap<org.dateline.editions.Edition, Ui> BY_EDITION = new ConcurrentHashMap<>();

    private final Locale locale;
    private final ResourceBundle strings;
    private final ZoneId zone;
    private final DateTimeFormatter dateTime;
    private final EditionTime times;

    private Ui(Locale locale, ZoneId zone, EditionTime times) {
        this.locale = locale;
        this.strings = ResourceBundle.getBundle("i18n.site", locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
        this.zone = zone;
        this.dateTime = DateTimeFormatter.ofPattern(strings.getString("date.pattern"), locale).withZone(zone);
        this.times = times;
    }

    public static Ui of(org.dateline.editions.Edition edition) {
        return BY_EDITION.computeIfAbsent(edition, e -> new Ui(e.locale(), e.zone(), EditionTime.of(e)));
    }

    public String lang() {
        return locale.toLanguageTag();
    }

    public String t(String key) {
        return strings.getString(key);
    }

    public String t(String key, Object... arguments) {
        return new MessageFormat(strings.getString(key), locale).format(arguments);
    }

    /** The most specific of several keys that exists: {@code error.404.title} before {@code error.4xx.title}. */
    public String first(String... keys) {
        for (String key : keys) {
            if (strings.containsKey(key)) {
                return strings.getString(key);
            }
        }
        throw new IllegalArgumentException("none of the keys exists: " + String.join(", ", keys));
    }

    /** Every public time names its zone: {@code 7 Dec 2026, 20:40 МСК}. */
    public String dateTime(Instant instant) {
        return dateTime.format(instant) + " " + times.zoneName(instant);
    }

    /**
     * The pattern a script formats times with as this page does ({@link #dateTime}), the zone's name quoted in: the
     * name of the zone as it is now, which is the name of every time a page shows live.
     */
    public String liveTimePattern() {
        return t("date.pattern") + " '" + times.zoneName(Instant.now()) + "'";
    }

    /** A time of today as hours and minutes with the zone ({@code 20:40 МСК}), an earlier one as {@link #dateTime}. */
    public String shortTime(Instant instant, Instant now) {
        return times.day(instant).equals(times.day(now)) ? times.time(instant) : dateTime(instant);
    }

    /** The edition's time zone and its names. */
    public EditionTime times() {
        return times;
    }

    /** A newsfeed day's heading as of {@code now}: today, yesterday, or the date. */
    public String dayHeading(LocalDate day, Instant now) {
        LocalDate today = times.day(now);
        if (day.equals(today)) {
            return t("newsfeed.today");
        }
        return day.equals(today.minusDays(1)) ? t("newsfeed.yesterday") : times.dayLabel(day);
    }

    public String dateline(String place, LocalDate date, String credit) {
        String day = DateTimeFormatter.ofPattern(locale.getLanguage().equals("ru") ? "d MMMM" : "MMMM d", locale)
                .format(date);
        return place + ", " + day + " (" + credit + ")";
    }
}
