package org.dateline.wire;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** The {@code wire_feeds} table. Times are kept to the millisecond so that a value read compares equal when written back. */
@Component
class FeedStore {

    private static final String COLUMNS = """
            id, name, url, interval_seconds, active, etag, last_modified, next_poll_at, failures, last_status,
            last_error, last_polled_at, items_seen, created_at""";

    private final JdbcClient jdbc;

    FeedStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<WireFeed> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM wire_feeds ORDER BY name, id").query(FeedStore::feed).list();
    }

    Optional<WireFeed> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM wire_feeds WHERE id = ?").param(id).query(FeedStore::feed)
                .optional();
    }

    boolean urlTaken(String url, long exceptId) {
        return jdbc.sql("SELECT COUNT(*) FROM wire_feeds WHERE url = ? AND id <> ?").params(url, exceptId)
                .query(Long.class).single() > 0;
    }

    /** Active feeds whose time has come, most overdue first. */
    List<WireFeed> due(Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM wire_feeds WHERE active = TRUE AND next_poll_at <= ? "
                        + "ORDER BY next_poll_at, id LIMIT ?")
                .params(at(now), limit).query(FeedStore::feed).list();
    }

    long insert(String name, String url, int intervalSeconds, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO wire_feeds (name, url, interval_seconds, active, next_poll_at, failures, items_seen,
                                        created_at)
                VALUES (?, ?, ?, TRUE, ?, 0, 0, ?)
                """).params(name, url, intervalSeconds, at(now), at(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    /** A changed address starts afresh: no validators, no failures, polled at once. */
    boolean update(long id, String name, String url, int intervalSeconds, Instant now) {
        return jdbc.sql("""
                UPDATE wire_feeds SET
                    etag = CASE WHEN url = ? THEN etag END,
                    last_modified = CASE WHEN url = ? THEN last_modified END,
                    failures = CASE WHEN url = ? THEN failures ELSE 0 END,
                    name = ?, url = ?, interval_seconds = ?, next_poll_at = ?, leased_until = NULL
                WHERE id = ?
                """).params(url, url, url, name, url, intervalSeconds, at(now), id).update() == 1;
    }

    /**
     * Paused feeds are skipped; a resumed one is polled at once, its failures forgiven. A poll under way is
     * forgotten: what it finds is not written back.
     */
    boolean setActive(long id, boolean active, Instant now) {
        return jdbc.sql("""
                UPDATE wire_feeds SET active = ?, next_poll_at = ?, failures = CASE WHEN ? THEN 0 ELSE failures END,
                                      leased_until = NULL
                WHERE id = ?
                """).params(active, at(now), active, id).update() == 1;
    }

    boolean delete(long id) {
        return jdbc.sql("DELETE FROM wire_feeds WHERE id = ?").param(id).update() == 1;
    }

    /**
     * Takes the feed for one poll: moves its next poll to the end of the lease, but only if nobody moved it since
     * {@code seen} was read and no other poll's lease is running. Exactly one of the nodes (or requests) racing for a
     * feed wins; a node that dies mid-poll leaves the feed to others when its lease ends.
     */
    boolean claim(long id, Instant seen, Instant now, Instant lease) {
        return jdbc.sql("""
                UPDATE wire_feeds SET next_poll_at = ?, leased_until = ?
                WHERE id = ? AND next_poll_at = ? AND (leased_until IS NULL OR leased_until <= ?)
                """).params(at(lease), at(lease), id, at(seen), at(now)).update() == 1;
    }

    /**
     * Writes what a poll found and ends its lease, unless the feed was edited, paused, resumed or deleted meanwhile
     * (the lease is gone): then the edit wins and the poll leaves no trace on the feed.
     */
    boolean record(long id, Instant lease, Polled polled) {
        return jdbc.sql("""
                UPDATE wire_feeds SET etag = ?, last_modified = ?, next_poll_at = ?, failures = ?, last_status = ?,
                                      last_error = ?, last_polled_at = ?, items_seen = items_seen + ?,
                                      leased_until = NULL
                WHERE id = ? AND leased_until = ?
                """).params(polled.etag(), polled.lastModified(), at(polled.nextPollAt()), polled.failures(),
                polled.status(), cut(polled.error(), 1000), at(polled.polledAt()), polled.items(), id, at(lease))
                .update() == 1;
    }

    /** The state a poll leaves a feed in. */
    record Polled(String etag, String lastModified, Instant nextPollAt, int failures, Integer status, String error,
                  Instant polledAt, int items) {
    }

    static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    private static OffsetDateTime at(Instant instant) {
        return millis(instant).atOffset(ZoneOffset.UTC);
    }

    private static WireFeed feed(ResultSet rs, int row) throws SQLException {
        int status = rs.getInt("last_status");
        Integer lastStatus = rs.wasNull() ? null : status;
        return new WireFeed(rs.getLong("id"), rs.getString("name"), rs.getString("url"), rs.getInt("interval_seconds"),
                rs.getBoolean("active"), rs.getString("etag"), rs.getString("last_modified"),
                instant(rs, "next_poll_at"), rs.getInt("failures"), lastStatus, rs.getString("last_error"),
                instant(rs, "last_polled_at"), rs.getLong("items_seen"), instant(rs, "created_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
