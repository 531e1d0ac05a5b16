package org.dateline.readership.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * Hours as "most read" counts them: whole hours since 1970-01-01T00:00Z. The last 24 hours at an instant are the
 * hours from 24 before the current one up to it, the oldest weighed by the share of it that is still within 24 hours
 * (at 10:15, three quarters of 10:00-11:00 yesterday), in thousandths. The views of an hour are taken as spread
 * evenly over it, so the window slides by the minute rather than jumping by the hour.
 *
 * @param current       the hour of the instant
 * @param oldest        24 hours before it
 * @param oldestPerMille how much of the oldest hour counts, 0 to 1000
 */
public record ViewHours(long current, long oldest, int oldestPerMille) {

    static final long HOUR_MILLIS = Duration.ofHours(1).toMillis();

    /** The hour an instant falls in. */
    public static long hourOf(Instant instant) {
        return Math.floorDiv(instant.toEpochMilli(), HOUR_MILLIS);
    }

    /** The last 24 hours at the instant. */
    public static ViewHours last24Hours(Instant now) {
        long current = hourOf(now);
        long intoHour = Math.floorMod(now.toEpochMilli(), HOUR_MILLIS);
        return new ViewHours(current, current - 24, (int) ((HOUR_MILLIS - intoHour) * 1000 / HOUR_MILLIS));
    }
}
