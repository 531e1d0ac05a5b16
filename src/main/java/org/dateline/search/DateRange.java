package org.dateline.search;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/** How recent results must be: published within the last day, week, month (30 days) or year (365 days). */
public enum DateRange {
    DAY("day", Duration.ofDays(1)),
    WEEK("week", Duration.ofDays(7)),
    MONTH("month", Duration.ofDays(30)),
    YEAR("year", Duration.ofDays(365));

    private final String value;
    private final Duration length;

    DateRange(String value, Duration length) {
        this.value = value;
        this.length = length;
    }

    /** As it appears in a URL: {@code range=week}. */
    public String value() {
        return value;
    }

    public Duration length() {
        return length;
    }

    public static Optional<DateRange> parse(String value) {
        return Arrays.stream(values()).filter(r -> r.value.equals(value)).findFirst();
    }
}
