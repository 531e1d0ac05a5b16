package org.dateline.wire;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** The ingest log: one row per received item. */
@Component
class WireLog {

    private final JdbcClient jdbc;

    WireLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    WireOutcome write(Instant at, String transport, String source, String itemRef, String guid, Long version,
                      String result, Long storyId, String code, String message) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO wire_log (received_at, transport, source, item_ref, guid, version, outcome, story_id,
                                      code, message)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(at.atOffset(ZoneOffset.UTC), transport, cut(source, 200), cut(itemRef, 500),
                cut(guid, 500), version, result, storyId, code, cut(message, 1000)).update(keys, "id");
        return new WireOutcome(keys.getKey().longValue(), at, transport, source, itemRef, guid, version, result,
                storyId, code, message);
    }

    /** Newest first; {@code beforeId} pages back (0 for the newest). */
    List<WireOutcome> recent(long beforeId, int limit) {
        return jdbc.sql("SELECT * FROM wire_log WHERE (? = 0 OR id < ?) ORDER BY id DESC LIMIT ?")
                .params(beforeId, beforeId, limit).query((rs, n) -> {
                    long version = rs.getLong("version");
                    Long v = rs.wasNull() ? null : version;
                    long story = rs.getLong("story_id");
                    Long s = rs.wasNull() ? null : story;
                    return new WireOutcome(rs.getLong("id"),
                            rs.getObject("received_at", OffsetDateTime.class).toInstant(), rs.getString("transport"),
                            rs.getString("source"), rs.getString("item_ref"), rs.getString("guid"), v,
                            rs.getString("outcome"), s, rs.getString("code"), rs.getString("message"));
                }).list();
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
