package org.dateline.chats.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Times as chats store them: to the millisecond, as pages print them in {@code datetime}, which allows no more; read
 * back as instants whatever the database's time zone.
 */
final class StoredTimes {

    private StoredTimes() {
    }

    static Timestamp now(Clock clock) {
        return Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MILLIS));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return instant(rs.getObject(column, OffsetDateTime.class));
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        return instant(rs.getObject(column, OffsetDateTime.class));
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
