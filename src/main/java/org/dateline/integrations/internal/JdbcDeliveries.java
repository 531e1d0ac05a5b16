package org.dateline.integrations.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.dateline.integrations.Delivery;
import org.dateline.integrations.DeliveryStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The webhook outbox. A row is claimed by one node at a time: the guarded update succeeds only while the row is
 * pending and unleased (or its lease ran out, when the node that held it died), and only the holder of the claim may
 * record the outcome. Plain SQL that H2 and PostgreSQL both run; no row locks are held during the HTTP call.
 */
@Repository
public class JdbcDeliveries {

    private static final String ENQUEUE = """
            INSERT INTO webhook_deliveries (integration_id, event, article_id, payload, status, attempts,
                                            next_attempt_at, created_at)
            SELECT id, ?, ?, ?, 'PENDING', 0, ?, ? FROM integrations
            WHERE active = TRUE AND webhook_url IS NOT NULL""";
    private static final String DUE = """
            SELECT id FROM webhook_deliveries
            WHERE status = 'PENDING' AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)
            ORDER BY next_attempt_at, id LIMIT ?""";
    private static final String CLAIM = """
            UPDATE webhook_deliveries SET claim = ?, claimed_until = ?
            WHERE id = ? AND status = 'PENDING' AND next_attempt_at <= ?
              AND (claimed_until IS NULL OR claimed_until < ?)""";
    private static final String CLAIMED = """
            SELECT d.id, d.event, d.payload, d.attempts, i.webhook_url, i.webhook_secret, i.active
            FROM webhook_deliveries d JOIN integrations i ON i.id = d.integration_id
            WHERE d.id = ? AND d.claim = ?""";
    private static final String FINISH = """
            UPDATE webhook_deliveries SET status = ?, attempts = ?, next_attempt_at = ?, last_status = ?, last_error = ?,
                                          delivered_at = ?, claim = NULL, claimed_until = NULL
            WHERE id = ? AND claim = ?""";
    private static final String RECENT = """
            SELECT id, integration_id, event, article_id, status, attempts, last_status, last_error, next_attempt_at,
                   created_at, delivered_at
            FROM webhook_deliveries WHERE integration_id = ? ORDER BY id DESC LIMIT ?""";

    /** What the worker needs to send a claimed delivery. */
    record Claimed(long id, String event, String payload, int attempts, String url, String secret,
                   boolean integrationActive) {
    }

    private final JdbcClient jdbc;

    JdbcDeliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One pending delivery per active integration with a webhook; returns how many. */
    int enqueue(String event, long articleId, String payload, Instant at) {
        Timestamp now = ts(at);
        return jdbc.sql(ENQUEUE).params(event, articleId, payload, now, now).update();
    }

    List<Long> due(Instant now, int limit) {
        Timestamp at = ts(now);
        return jdbc.sql(DUE).params(at, at, limit).query(Long.class).list();
    }

    /** Takes the lease on a due delivery; empty when another node was first. */
    Optional<Claimed> claim(long id, String claim, Instant now, Instant leaseUntil) {
        Timestamp at = ts(now);
        if (jdbc.sql(CLAIM).params(claim, ts(leaseUntil), id, at, at).update() != 1) {
            return Optional.empty();
        }
        return jdbc.sql(CLAIMED).params(id, claim).query((rs, n) -> new Claimed(rs.getLong("id"),
                rs.getString("event"), rs.getString("payload"), rs.getInt("attempts"), rs.getString("webhook_url"),
                rs.getString("webhook_secret"), rs.getBoolean("active"))).optional();
    }

    /** Records an attempt's outcome and releases the lease; false when the lease was lost meanwhile. */
    boolean finish(long id, String claim, DeliveryStatus status, int attempts, Instant nextAttempt, Integer httpStatus,
                   String error, Instant deliveredAt) {
        return jdbc.sql(FINISH).params(status.name(), attempts, ts(nextAttempt), httpStatus,
                error == null ? null : truncate(error, 500), deliveredAt == null ? null : ts(deliveredAt),
                id, claim).update() == 1;
    }

    public List<Delivery> recent(long integrationId, int limit) {
        return jdbc.sql(RECENT).params(integrationId, limit).query(JdbcDeliveries::delivery).list();
    }

    private static Delivery delivery(ResultSet rs, int row) throws SQLException {
        Timestamp delivered = rs.getTimestamp("delivered_at");
        return new Delivery(rs.getLong("id"), rs.getLong("integration_id"), rs.getString("event"),
                rs.getLong("article_id"), DeliveryStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                (Integer) rs.getObject("last_status", Integer.class), rs.getString("last_error"),
                rs.getTimestamp("next_attempt_at").toInstant(), rs.getTimestamp("created_at").toInstant(),
                delivered == null ? null : delivered.toInstant());
    }

    /**
     * Instants are stored to the millisecond: a finer instant would be rounded by the database (H2 and PostgreSQL
     * keep microseconds) and could land after the clock reading it was taken from, so a row would not be due yet.
     */
    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
