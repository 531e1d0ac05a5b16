package org.dateline.site;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/** The interface language of one edition: translated strings and date formats, handed to every template. */
public final class Ui {

    private static final ConcurrentHashMap<String, Ui> BY_EDITION = new ConcurrentHashMap<>();

    private final Locale locale;
    private final ResourceBundle strings;
    private final ZoneId zone;
    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter time;
    private final DateTimeFormatter dayTime;

    private Ui(Locale locale, ZoneId zone) {
        this.locale = locale;
        this.strings = ResourceBundle.getBundle("i18n.site", locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
        this.zone = zone;
        this.dateTime = DateTimeFormatter.ofPattern(strings.getString("date.pattern"), locale).withZone(zone);
        this.time = DateTimeFormatter.ofPattern(strings.getString("time.pattern"), locale).withZone(zone);
        this.dayTime = DateTimeFormatter.ofPattern(strings.getString("day.pattern"), locale).withZone(zone);
    }

    public static Ui of(org.dateline.editions.Edition edition) {
        return BY_EDITION.computeIfAbsent(edition.code(), code -> new Ui(edition.locale(), edition.zone()));
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

    public String dateTime(Instant instant) {
        return dateTime.format(instant);
    }

    /** Today's items show the time only; older ones the day too. */
    public String shortTime(Instant instant, Instant now) {
        LocalDate day = instant.atZone(zone).toLocalDate();
        return day.equals(now.atZone(zone).toLocalDate()) ? time.format(instant) : dayTime.format(instant);
    }

    public String dateline(String place, LocalDate date, String credit) {
        String day = DateTimeFormatter.ofPattern(locale.getLanguage().equals("ru") ? "d MMMM" : "MMMM d", locale)
                .format(date);
        return place + ", " + day + " (" + credit + ")";
    }
}
