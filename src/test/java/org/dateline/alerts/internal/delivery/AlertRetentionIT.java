package org.dateline.alerts.internal.delivery;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.dateline.alerts.ManageLinks;
import org.dateline.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pruning of alerts on the real database: what is past the retention (30 days) or the confirmation expiry
 * (7 days) goes, and nothing else; rows written straight into their tables with their ages.
 */
@IntegrationTest
class AlertRetentionIT {

    @Autowired
    AlertRetention retention;
    @Autowired
    JdbcClient jdbc;

    @Test
    void sentFailedAndWithdrawnAlertsPastTheRetentionGoWithTheirDigestsAndJobs() {
        long reader = subscriber(true, daysAgo(100));
        long subscription = subscription(reader, "EMAIL", "unsubscribed", daysAgo(50));
        long oldJob = job(daysAgo(40));
        long sent = alert(oldJob, reader, subscription, "EMAIL", "SENT", daysAgo(40));
        long failed = alert(oldJob, reader, subscription, "PUSH", "FAILED", daysAgo(31));
        long withdrawn = alert(oldJob, reader, subscription, "DIGEST", "WITHDRAWN", daysAgo(35));
        long busyJob = job(daysAgo(40));
        long stillPending = alert(busyJob, reader, subscription, "EMAIL", "PENDING", daysAgo(40));
        long recentJob = job(daysAgo(40));
        long recent = alert(recentJob, reader, subscription, "EMAIL", "SENT", daysAgo(29));
        long openJob = job(null);
        long oldDigest = digest(reader, "SENT", daysAgo(40));
        long recentDigest = digest(reader, "SENT", daysAgo(10));

        retention.prune();

        assertThat(exists("alerts", sent)).isFalse();
        assertThat(exists("alerts", failed)).isFalse();
        assertThat(exists("alerts", withdrawn)).isFalse();
        assertThat(exists("alerts", stillPending)).as("a pending alert is not done").isTrue();
        assertThat(exists("alerts", recent)).isTrue();
        assertThat(exists("alert_jobs", oldJob)).isFalse();
        assertThat(exists("alert_jobs", busyJob)).as("an alert still names it").isTrue();
        assertThat(exists("alert_jobs", recentJob)).isTrue();
        assertThat(exists("alert_jobs", openJob)).isTrue();
        assertThat(exists("alert_digests", oldDigest)).isFalse();
        assertThat(exists("alert_digests", recentDigest)).isTrue();
        assertThat(exists("subscriptions", subscription)).isTrue();

        // Idempotent: a second run (another node's) deletes none of what stayed.
        retention.prune();
        assertThat(exists("alerts", stillPending) && exists("alerts", recent) && exists("alert_jobs", busyJob)
                && exists("alert_digests", recentDigest)).isTrue();
    }

    @Test
    void visitorsSubscriptionsWaitingLongerThanTheConfirmationExpiryGoAndVisitorsLeftWithNothing() {
        long confirmed = subscriber(true, daysAgo(100));
        long expired = subscription(confirmed, "EMAIL", "pending", daysAgo(8));
        long waiting = subscription(confirmed, "DIGEST", "pending", daysAgo(6));
        long ended = subscription(confirmed, "PUSH", "unsubscribed", daysAgo(100));
        long neverConfirmed = subscriber(false, daysAgo(9));
        long neverConfirmedAsked = subscription(neverConfirmed, "EMAIL", "pending", daysAgo(8));
        long askedAgain = subscriber(false, daysAgo(20));
        long askedAgainRecently = subscription(askedAgain, "EMAIL", "pending", daysAgo(2));
        long newcomer = subscriber(false, daysAgo(1));

        retention.prune();

        assertThat(exists("subscriptions", expired)).isFalse();
        assertThat(exists("subscriptions", waiting)).isTrue();
        assertThat(exists("subscriptions", ended)).as("an ended subscription is history, not pending").isTrue();
        assertThat(exists("subscribers", confirmed)).isTrue();
        assertThat(exists("subscriptions", neverConfirmedAsked)).isFalse();
        assertThat(exists("subscribers", neverConfirmed)).as("its address is forgotten").isFalse();
        assertThat(exists("subscribers", askedAgain)).isTrue();
        assertThat(exists("subscriptions", askedAgainRecently)).isTrue();
        assertThat(exists("subscribers", newcomer)).isTrue();
    }

    private static Timestamp daysAgo(int days) {
        return Timestamp.from(Instant.now().minus(Duration.ofDays(days)));
    }

    private long subscriber(boolean confirmed, Timestamp created) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO subscribers (email, edition, time_zone, digest_hour, confirmed_at, manage_key, created_at)
                VALUES (?, 'en', 'UTC', 7, ?, ?, ?)""").params("retention-" + UUID.randomUUID() + "@alerts.test",
                confirmed ? created : null, ManageLinks.newKey(), created).update(key, "id");
        return key.getKey().longValue();
    }

    private long subscription(long subscriber, String delivery, String endedWhy, Timestamp endedAt) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO subscriptions (subscriber_id, topic, edition, target_id, delivery, created_at, ended_at,
                                           ended_why)
                VALUES (?, 'BREAKING', 'en', 0, ?, ?, ?, ?)""")
                .params(subscriber, delivery, daysAgo(100), endedAt, endedWhy).update(key, "id");
        return key.getKey().longValue();
    }

    /** A job of 40 days ago, expanded then (or, with null, never: still open). */
    private long job(Timestamp expanded) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO alert_jobs (kind, article_id, edition, path, headline, created_at, expanded_at)
                VALUES ('PUBLISHED', 0, 'en', '/en/x', 'An old story', ?, ?)""").params(daysAgo(40), expanded)
                .update(key, "id");
        return key.getKey().longValue();
    }

    private long alert(long job, long subscriber, long subscription, String channel, String status, Timestamp last) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO alerts (job_id, subscriber_id, subscription_id, channel, article_id, dedup_key, status,
                                    attempts, next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, 0, ?, ?, 1, ?, ?)""").params(job, subscriber, subscription, channel,
                "retention-" + UUID.randomUUID(), status, last, last).update(key, "id");
        return key.getKey().longValue();
    }

    private long digest(long subscriber, String status, Timestamp last) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO alert_digests (subscriber_id, local_day, status, attempts, next_attempt_at, created_at)
                VALUES (?, ?, ?, 1, ?, ?)""").params(subscriber, LocalDate.ofInstant(last.toInstant(),
                java.time.ZoneOffset.UTC), status, last, last).update(key, "id");
        return key.getKey().longValue();
    }

    private boolean exists(String table, long id) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE id = ?").params(id).query(Long.class).single() > 0;
    }
}
