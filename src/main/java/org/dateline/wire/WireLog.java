package org.dateline.wire;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** The ingest log: one row per received item or picture. */
@Component
class WireLog {

    private final JdbcClient jdbc;

    WireLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A text item's line (or a document's, when nothing in it could be read). */
    WireOutcome write(Instant at, String transport, String source, String itemRef, String guid, Long version,
                      String result, Long storyId, String code, String message) {
        return write(at, transport, source, itemRef, guid, version, result, storyId, code, message, WireOutcome.TEXT,
                null);
    }

    /** @param pictureId the picture created or changed, or a text item's lead picture */
    WireOutcome write(Instant at, String transport, String source, String itemRef, String guid, Long version,
                      String result, Long storyId, String code, String message, String kind, Long pictureId) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO wire_log (received_at, transport, source, item_ref, guid, version, outcome, story_id,
                                      code, message, item_kind, picture_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(at.atOffset(ZoneOffset.UTC), transport, cut(source, 200), cut(itemRef, 500),
                cut(guid, 500), version, result, storyId, code, cut(message, 1000), kind, pictureId).update(keys, "id");
        return new WireOutcome(keys.getKey().longValue(), at, transport, source, itemRef, guid, version, result,
                storyId, code, message, kind, pictureId);
    }

    /** Newest first; {@code beforeId} pages back (0 for the newest). */
    List<WireOutcome> recent(long beforeId, int limit) {
        return jdbc.sql("""
                SELECT id, received_at, transport, source, item_ref, guid, version, outcome, story_id, code, message,
                       item_kind, picture_id
                FROM wire_log WHERE (? = 0 OR id < ?) ORDER BY id DESC LIMIT ?
                """).params(beforeId, beforeId, limit).query((rs, n) -> new WireOutcome(rs.getLong("id"),
                        rs.getObject("received_at", OffsetDateTime.class).toInstant(), rs.getString("transport"),
                        rs.getString("source"), rs.getString("item_ref"), rs.getString("guid"),
                        rs.getObject("version", Long.class), rs.getString("outcome"),
                        rs.getObject("story_id", Long.class), rs.getString("code"), rs.getString("message"),
                        rs.getString("item_kind"), rs.getObject("picture_id", Long.class))).list();
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
