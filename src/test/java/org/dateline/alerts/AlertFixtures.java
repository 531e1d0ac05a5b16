package org.dateline.alerts;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Subscribers and subscriptions written straight into their tables (V72), as the subscribe forms store them: the
 * delivery tests need followers, not the forms.
 */
record AlertFixtures(JdbcClient jdbc) {

    record Subscriber(long id, String email, String manageKey) {
    }

    /** A visitor known by an email address, confirmed or not. */
    Subscriber subscriber(String email, String edition, boolean confirmed) {
        String key = ManageLinks.newKey();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                INSERT INTO subscribers (email, edition, time_zone, digest_hour, confirmed_at, manage_key, created_at)
                VALUES (?, ?, 'UTC', 7, ?, ?, ?)""").params(email, edition, confirmed ? now : null, key, now).update();
        long id = jdbc.sql("SELECT id FROM subscribers WHERE email = ?").params(email).query(Long.class).single();
        return new Subscriber(id, email, key);
    }

    /** A browser known by its push subscription alone. */
    Subscriber browser(String edition, String endpoint) {
        return browser(edition, endpoint, "p256dh-key", "auth-secret");
    }

    /** A browser known by its push subscription alone, with its keys (RFC 8291). */
    Subscriber browser(String edition, String endpoint, String p256dh, String auth) {
        String key = ManageLinks.newKey();
        Timestamp now = Timestamp.from(Instant.now());
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO subscribers (edition, time_zone, digest_hour, manage_key, created_at)
                VALUES (?, 'UTC', 7, ?, ?)""").params(edition, key, now).update(keys, "id");
        long id = keys.getKey().longValue();
        jdbc.sql("""
                INSERT INTO push_endpoints (subscriber_id, endpoint, p256dh, auth, created_at)
                VALUES (?, ?, ?, ?, ?)""").params(id, endpoint, p256dh, auth, now).update();
        return new Subscriber(id, null, key);
    }

    long follow(Subscriber subscriber, String topic, String edition, long target, String delivery) {
        jdbc.sql("""
                INSERT INTO subscriptions (subscriber_id, topic, edition, target_id, delivery, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""").params(subscriber.id(), topic, edition, target, delivery,
                Timestamp.from(Instant.now())).update();
        return jdbc.sql("""
                SELECT id FROM subscriptions
                WHERE subscriber_id = ? AND topic = ? AND edition = ? AND target_id = ? AND delivery = ?""")
                .params(subscriber.id(), topic, edition, target, delivery).query(Long.class).single();
    }

    /** Ends every breaking-news subscription there is, as their readers could. */
    void endBreakingFollows() {
        jdbc.sql("UPDATE subscriptions SET ended_at = ?, ended_why = 'unsubscribed' WHERE topic = 'BREAKING'"
                + " AND ended_at IS NULL").params(Timestamp.from(Instant.now())).update();
    }

    long section(String edition, String slug) {
        return jdbc.sql("SELECT id FROM sections WHERE edition = ? AND slug = ?").params(edition, slug)
                .query(Long.class).single();
    }

    /** The alerts of a story by status. */
    long alerts(long articleId, String status) {
        return jdbc.sql("SELECT COUNT(*) FROM alerts WHERE article_id = ? AND status = ?").params(articleId, status)
                .query(Long.class).single();
    }
}
