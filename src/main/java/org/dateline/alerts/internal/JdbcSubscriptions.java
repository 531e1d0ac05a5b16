package org.dateline.alerts.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.dateline.alerts.Delivery;
import org.dateline.alerts.ManageLinks;
import org.dateline.alerts.Subscriber;
import org.dateline.alerts.Subscription;
import org.dateline.alerts.Topic;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Subscribers and their subscriptions (V72). A row that two requests may create at once (a subscriber for an address
 * or account, a subscription) is inserted {@code ON CONFLICT DO NOTHING} and then read: the loser reads the winner's.
 * Ending never deletes: it sets {@code ended_at} and {@code ended_why}.
 */
@Repository
public class JdbcSubscriptions {

    private static final String SUBSCRIBER = """
            SELECT id, account_id, email, edition, time_zone, digest_hour, confirmed_at, manage_key
            FROM subscribers""";
    private static final String SUBSCRIPTION = """
            SELECT id, subscriber_id, topic, edition, target_id, delivery, created_at, ended_at, ended_why
            FROM subscriptions""";

    /** {@code ended_why} of a subscription that ended with its reader's account: a restore starts it again. */
    public static final String ACCOUNT_DELETED = "account-deleted";

    /** A visitor who never confirmed their address and has asked for nothing since {@code :before}. */
    private static final String UNCONFIRMED_SINCE = """
            %1$s.confirmed_at IS NULL AND %1$s.created_at < :before AND %1$s.account_id IS NULL
              AND NOT EXISTS (SELECT 1 FROM subscriptions s
                              WHERE s.subscriber_id = %1$s.id AND (s.ended_at IS NULL OR s.ended_at >= :before))""";

    private final JdbcClient jdbc;

    public JdbcSubscriptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Subscriber> subscriber(long id) {
        return jdbc.sql(SUBSCRIBER + " WHERE id = ?").params(id).query(JdbcSubscriptions::subscriber).optional();
    }

    public Optional<Subscriber> byAccount(long accountId) {
        return jdbc.sql(SUBSCRIBER + " WHERE account_id = ?").params(accountId).query(JdbcSubscriptions::subscriber)
                .optional();
    }

    public Optional<Subscriber> byEmail(String email) {
        return jdbc.sql(SUBSCRIBER + " WHERE email = ?").params(email).query(JdbcSubscriptions::subscriber).optional();
    }

    /** The account's subscriber, made now (confirmed: the account's address is) when it has none. */
    public Subscriber ensureForAccount(long accountId, String edition, String zone, Instant now) {
        jdbc.sql("""
                INSERT INTO subscribers (account_id, edition, time_zone, confirmed_at, manage_key, created_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(accountId, edition, zone, Timestamp.from(now), ManageLinks.newKey(), Timestamp.from(now))
                .update();
        return byAccount(accountId).orElseThrow();
    }

    /** The address's subscriber, made now (unconfirmed) when it has none. */
    public Subscriber ensureForEmail(String email, String edition, String zone, Instant now) {
        jdbc.sql("""
                INSERT INTO subscribers (email, edition, time_zone, manage_key, created_at)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(email, edition, zone, ManageLinks.newKey(), Timestamp.from(now)).update();
        return byEmail(email).orElseThrow();
    }

    public void setDigest(long subscriberId, int hour, String zone) {
        jdbc.sql("UPDATE subscribers SET digest_hour = ?, time_zone = ? WHERE id = ?").params(hour, zone, subscriberId)
                .update();
    }

    /**
     * Starts the subscription, or starts it anew when it had ended; {@code ended_why} {@link Subscription#PENDING}
     * makes it wait for the confirmation instead. Returns it as it is now, and whether it already ran before.
     */
    public Started start(long subscriberId, Topic topic, String edition, long target, Delivery delivery, Instant now,
                  boolean pending) {
        Optional<Subscription> before = find(subscriberId, topic, edition, target, delivery);
        if (before.filter(Subscription::active).isPresent()) {
            return new Started(before.get(), true);
        }
        if (before.isEmpty()) {
            jdbc.sql("""
                    INSERT INTO subscriptions (subscriber_id, topic, edition, target_id, delivery, created_at, ended_at,
                                               ended_why)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                    .params(subscriberId, topic.name(), edition, target, delivery.name(), Timestamp.from(now),
                            pending ? Timestamp.from(now) : null, pending ? Subscription.PENDING : null)
                    .update();
        } else if (pending) {
            jdbc.sql("UPDATE subscriptions SET ended_at = ?, ended_why = ? WHERE id = ? AND ended_at IS NOT NULL")
                    .params(Timestamp.from(now), Subscription.PENDING, before.get().id()).update();
        } else {
            jdbc.sql("""
                    UPDATE subscriptions SET ended_at = NULL, ended_why = NULL, created_at = ?
                    WHERE id = ? AND ended_at IS NOT NULL""").params(Timestamp.from(now), before.get().id()).update();
        }
        return new Started(find(subscriberId, topic, edition, target, delivery).orElseThrow(), false);
    }

    public record Started(Subscription subscription, boolean already) {
    }

    private Optional<Subscription> find(long subscriberId, Topic topic, String edition, long target,
                                        Delivery delivery) {
        return jdbc.sql(SUBSCRIPTION
                        + " WHERE subscriber_id = ? AND topic = ? AND edition = ? AND target_id = ? AND delivery = ?")
                .params(subscriberId, topic.name(), edition, target, delivery.name())
                .query(JdbcSubscriptions::subscription).optional();
    }

    public Optional<Subscription> subscription(long id) {
        return jdbc.sql(SUBSCRIPTION + " WHERE id = ?").params(id).query(JdbcSubscriptions::subscription).optional();
    }

    /** The subscriber's running and pending subscriptions, oldest first. */
    public List<Subscription> current(long subscriberId) {
        return jdbc.sql(SUBSCRIPTION + " WHERE subscriber_id = ? AND (ended_at IS NULL OR ended_why = ?) ORDER BY id")
                .params(subscriberId, Subscription.PENDING).query(JdbcSubscriptions::subscription).list();
    }

    /** Every subscription the subscriber ever had, ended ones too (for the export). */
    public List<Subscription> all(long subscriberId) {
        return jdbc.sql(SUBSCRIPTION + " WHERE subscriber_id = ? ORDER BY id").params(subscriberId)
                .query(JdbcSubscriptions::subscription).list();
    }

    /** Runs the subscriber's pending subscriptions and marks the address confirmed; how many started. */
    public int confirm(long subscriberId, Instant now) {
        jdbc.sql("UPDATE subscribers SET confirmed_at = ? WHERE id = ? AND confirmed_at IS NULL")
                .params(Timestamp.from(now), subscriberId).update();
        return jdbc.sql("""
                UPDATE subscriptions SET ended_at = NULL, ended_why = NULL, created_at = ?
                WHERE subscriber_id = ? AND ended_why = ?""")
                .params(Timestamp.from(now), subscriberId, Subscription.PENDING).update();
    }

    /**
     * Ends one running or pending subscription of the subscriber, or one that the deletion of their account ended
     * (so that a restore does not bring back what its reader ended meanwhile); false when it has none such.
     */
    public boolean end(long subscriberId, long subscriptionId, Instant now) {
        return jdbc.sql("""
                UPDATE subscriptions SET ended_at = ?, ended_why = ?
                WHERE id = ? AND subscriber_id = ? AND (ended_at IS NULL OR ended_why IN (?, ?))""")
                .params(Timestamp.from(now), Subscription.UNSUBSCRIBED, subscriptionId, subscriberId,
                        Subscription.PENDING, ACCOUNT_DELETED).update() == 1;
    }

    /** Ends every running or pending subscription of the subscriber by this delivery (a digest's one click). */
    public int endDelivery(long subscriberId, Delivery delivery, Instant now) {
        return jdbc.sql("""
                UPDATE subscriptions SET ended_at = ?, ended_why = ?
                WHERE subscriber_id = ? AND delivery = ? AND (ended_at IS NULL OR ended_why = ?)""")
                .params(Timestamp.from(now), Subscription.UNSUBSCRIBED, subscriberId, delivery.name(),
                        Subscription.PENDING).update();
    }

    /** Ends every running or pending subscription of the subscriber; how many. */
    public int endAll(long subscriberId, Instant now) {
        return jdbc.sql("""
                UPDATE subscriptions SET ended_at = ?, ended_why = ?
                WHERE subscriber_id = ? AND (ended_at IS NULL OR ended_why = ?)""")
                .params(Timestamp.from(now), Subscription.UNSUBSCRIBED, subscriberId, Subscription.PENDING).update();
    }

    /**
     * Ends the running subscriptions of a deleted account's subscriber, marked {@link #ACCOUNT_DELETED} so that a
     * restore brings back these and no other; how many.
     */
    public int endForDeletedAccount(long accountId, Instant now) {
        return jdbc.sql("""
                UPDATE subscriptions SET ended_at = ?, ended_why = ?
                WHERE subscriber_id = (SELECT id FROM subscribers WHERE account_id = ?) AND ended_at IS NULL""")
                .params(Timestamp.from(now), ACCOUNT_DELETED, accountId).update();
    }

    /** Runs again what {@link #endForDeletedAccount} ended, and nothing else; how many. */
    public int restoreForAccount(long accountId) {
        return jdbc.sql("""
                UPDATE subscriptions SET ended_at = NULL, ended_why = NULL
                WHERE subscriber_id = (SELECT id FROM subscribers WHERE account_id = ?) AND ended_why = ?""")
                .params(accountId, ACCOUNT_DELETED).update();
    }

    /** Removes the account's subscriber with its subscriptions and push endpoints (cascade); false when none. */
    public boolean deleteForAccount(long accountId) {
        return jdbc.sql("DELETE FROM subscribers WHERE account_id = ?").params(accountId).update() > 0;
    }

    /**
     * Deletes up to {@code batch} visitors' subscriptions that waited for the confirmation since before
     * {@code cutoff} (their link has expired), and up to {@code batch} visitors who never confirmed their address
     * and asked for nothing since then (with what they asked for); how many rows of each. Through the
     * {@code subscriptions_ended} and {@code subscribers_unconfirmed} indexes (V76); idempotent, so every node may
     * run it.
     */
    public int prunePending(Instant cutoff, int batch) {
        Timestamp before = Timestamp.from(cutoff);
        List<Long> subscriptions = jdbc.sql("""
                SELECT id FROM subscriptions WHERE ended_why = ? AND ended_at < ? ORDER BY ended_at LIMIT ?""")
                .params(Subscription.PENDING, before, batch).query(Long.class).list();
        int deleted = subscriptions.isEmpty() ? 0 : jdbc.sql("""
                DELETE FROM subscriptions WHERE id IN (:ids) AND ended_why = :pending AND ended_at < :before""")
                .param("ids", subscriptions).param("pending", Subscription.PENDING).param("before", before).update();
        List<Long> visitors = jdbc.sql("SELECT r.id FROM subscribers r WHERE " + UNCONFIRMED_SINCE.formatted("r")
                        + " ORDER BY r.created_at LIMIT :batch").param("before", before).param("batch", batch)
                .query(Long.class).list();
        return deleted + (visitors.isEmpty() ? 0 : jdbc.sql("DELETE FROM subscribers WHERE id IN (:ids) AND "
                + UNCONFIRMED_SINCE.formatted("subscribers")).param("ids", visitors).param("before", before).update());
    }

    private static Subscriber subscriber(ResultSet rs, int row) throws SQLException {
        long account = rs.getLong("account_id");
        return new Subscriber(rs.getLong("id"), rs.wasNull() ? null : account, rs.getString("email"),
                rs.getString("edition"), rs.getString("time_zone"), rs.getInt("digest_hour"),
                instant(rs.getTimestamp("confirmed_at")), rs.getString("manage_key"));
    }

    private static Subscription subscription(ResultSet rs, int row) throws SQLException {
        return new Subscription(rs.getLong("id"), rs.getLong("subscriber_id"), Topic.valueOf(rs.getString("topic")),
                rs.getString("edition"), rs.getLong("target_id"), Delivery.valueOf(rs.getString("delivery")),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("ended_at")),
                rs.getString("ended_why"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
