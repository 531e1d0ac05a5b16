package org.dateline.alerts.internal.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The alert outbox: jobs, alerts and digests. Every row is worked on by one node at a time: a guarded update takes a
 * claim with a lease (while the row is open and unleased, or its lease ran out when its holder died) and only the
 * claim's holder records the outcome. Plain SQL that H2 and PostgreSQL both run; no row lock is held while sending.
 */
@Repository
class JdbcAlerts {

    /** Who is reached: live subscriptions of confirmed subscribers (push needs a live endpoint, not an address). */
    private static final String REACHABLE = """
            s.ended_at IS NULL AND s.edition = ?
              AND (s.delivery = 'PUSH' AND EXISTS (SELECT 1 FROM push_endpoints p
                                                  WHERE p.subscriber_id = s.subscriber_id AND p.ended_at IS NULL)
                   OR s.delivery <> 'PUSH' AND (r.confirmed_at IS NOT NULL OR r.account_id IS NOT NULL))""";
    private static final String FOLLOWERS_OF_NEW = """
            (s.topic = 'BREAKING' AND s.target_id = 0 AND ? = 'BREAKING'
             OR ? = 'PUBLISHED' AND (
                 s.topic = 'SECTION' AND s.target_id = (SELECT section_id FROM articles WHERE id = ?)
              OR s.topic = 'TAG' AND s.target_id IN (SELECT tag_id FROM article_tags WHERE article_id = ?)
              OR s.topic = 'AUTHOR'
                 AND s.target_id IN (SELECT author_id FROM article_authors WHERE article_id = ?)))""";
    private static final String EXPAND = """
            INSERT INTO alerts (job_id, subscriber_id, subscription_id, channel, article_id, dedup_key, status,
                                attempts, next_attempt_at, created_at)
            SELECT ?, s.subscriber_id, MIN(s.id), s.delivery, ?, CONCAT(s.subscriber_id, ':', s.delivery, ':', ?),
                   'PENDING', 0, ?, ?
            FROM subscriptions s JOIN subscribers r ON r.id = s.subscriber_id
            WHERE %s AND %s
              AND NOT EXISTS (SELECT 1 FROM alerts a
                              WHERE a.dedup_key = CONCAT(s.subscriber_id, ':', s.delivery, ':', ?))
            GROUP BY s.subscriber_id, s.delivery""";
    /** Due alerts of a channel, in order, through the {@code alerts_due} index. */
    private static final String DUE_ALERTS = """
            SELECT id FROM alerts
            WHERE status = 'PENDING' AND channel = ? AND next_attempt_at <= ?
              AND (claimed_until IS NULL OR claimed_until < ?)
            ORDER BY next_attempt_at, id LIMIT ? OFFSET ?""";
    /**
     * Claims those of the given alerts still free, by primary key: asked as one {@code UPDATE … WHERE id IN (SELECT
     * … LIMIT …)}, H2 walked the whole table for every claim (two thirds of a 100,000-alert send). The guard makes
     * the claim safe between nodes all the same: a row another node claimed meanwhile is left out.
     */
    private static final String CLAIM_ALERTS = """
            UPDATE alerts SET claim = :claim, claimed_until = :until
            WHERE id IN (:ids) AND status = 'PENDING' AND (claimed_until IS NULL OR claimed_until < :now)""";
    private static final String CLAIMED_ALERTS = """
            SELECT a.id, a.subscriber_id, a.subscription_id, a.attempts,
                   CASE WHEN j.kind = 'PUBLISHED' AND ar.breaking_since IS NOT NULL THEN 'BREAKING' ELSE j.kind END
                       AS kind, j.article_id, j.path, j.headline,
                   j.note, j.edition, ar.state, ar.lead, COALESCE(r.email, acc.email) AS email, r.manage_key,
                   e.locale, s.ended_at AS subscription_ended
            FROM alerts a JOIN alert_jobs j ON j.id = a.job_id JOIN subscribers r ON r.id = a.subscriber_id
                 JOIN subscriptions s ON s.id = a.subscription_id JOIN editions e ON e.code = j.edition
                 LEFT JOIN accounts acc ON acc.id = r.account_id AND acc.deleted_at IS NULL
                 LEFT JOIN articles ar ON ar.id = a.article_id
            WHERE a.claim = ? ORDER BY a.id""";
    private static final String FINISH_ALERT = """
            UPDATE alerts SET status = ?, attempts = ?, next_attempt_at = ?, last_error = ?, sent_at = ?, claim = NULL,
                              claimed_until = NULL
            WHERE id = ? AND claim = ?""";

    /** A job to expand. */
    record Job(long id, String kind, long articleId, String edition) {
    }

    /** An alert claimed for sending, with what its message needs. */
    record Claimed(long id, long subscriberId, long subscriptionId, int attempts, String kind, long articleId,
                   String path, String headline, String note, String edition, String state, String lead,
                   String email, String manageKey, String locale, boolean subscriptionEnded) {

        boolean live() {
            return "LIVE".equals(state) && !subscriptionEnded;
        }
    }

    /** A recorded attempt. */
    record Outcome(long id, String status, int attempts, Instant nextAttempt, String error, Instant sentAt) {
    }

    /** A subscriber whose digest alerts wait. */
    record Waiting(long subscriberId, String timeZone, int digestHour) {
    }

    /** A digest claimed for sending. */
    record ClaimedDigest(long id, long subscriberId, int attempts, LocalDate day, String email, String manageKey,
                         String locale) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    JdbcAlerts(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    // --- jobs ---

    void addJob(String kind, long articleId, String edition, String path, String headline, String note, Instant at) {
        jdbc.sql("""
                INSERT INTO alert_jobs (kind, article_id, edition, path, headline, note, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""").params(kind, articleId, edition, truncate(path, 500),
                truncate(headline, 300), note == null ? null : truncate(note, 2000), ts(at)).update();
    }

    List<Long> openJobs(Instant now, int limit) {
        Timestamp at = ts(now);
        return jdbc.sql("""
                SELECT id FROM alert_jobs WHERE expanded_at IS NULL AND withdrawn_at IS NULL
                  AND (claimed_until IS NULL OR claimed_until < ?) ORDER BY id LIMIT ?""")
                .params(at, limit).query(Long.class).list();
    }

    Optional<Job> claimJob(long id, String claim, Instant now, Instant leaseUntil) {
        Timestamp at = ts(now);
        if (jdbc.sql("""
                UPDATE alert_jobs SET claim = ?, claimed_until = ?
                WHERE id = ? AND expanded_at IS NULL AND withdrawn_at IS NULL
                  AND (claimed_until IS NULL OR claimed_until < ?)""")
                .params(claim, ts(leaseUntil), id, at).update() != 1) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id, kind, article_id, edition FROM alert_jobs WHERE id = ? AND claim = ?")
                .params(id, claim).query((rs, n) -> new Job(rs.getLong("id"), rs.getString("kind"),
                        rs.getLong("article_id"), rs.getString("edition"))).optional();
    }

    /**
     * One alert per follower and channel not alerted of this yet; call in the transaction that then marks the job
     * expanded. New stories share one key per story (breaking, section, tag and author followers alike); each update
     * or correction has its own.
     */
    int expand(Job job, Instant now) {
        String what = job.articleId() + ":" + (job.kind().equals("BREAKING") || job.kind().equals("PUBLISHED")
                ? "NEW" : "U" + job.id());
        String followers = job.kind().equals("BREAKING") || job.kind().equals("PUBLISHED") ? FOLLOWERS_OF_NEW
                : "s.topic = 'STORY' AND s.target_id = ?";
        List<Object> params = new java.util.ArrayList<>(List.of(job.id(), job.articleId(), what, ts(now), ts(now),
                job.edition()));
        if (followers == FOLLOWERS_OF_NEW) {
            params.addAll(List.of(job.kind(), job.kind(), job.articleId(), job.articleId(), job.articleId()));
        } else {
            params.add(job.articleId());
        }
        params.add(what);
        return jdbc.sql(EXPAND.formatted(REACHABLE, followers)).params(params).update();
    }

    boolean jobExpanded(long id, String claim, Instant now) {
        return jdbc.sql("""
                UPDATE alert_jobs SET expanded_at = ?, claim = NULL, claimed_until = NULL
                WHERE id = ? AND claim = ? AND withdrawn_at IS NULL""").params(ts(now), id, claim).update() == 1;
    }

    /** Gives a job's claim back at once, for the next round to try again (its expansion met another's). */
    void releaseJob(long id, String claim) {
        jdbc.sql("UPDATE alert_jobs SET claim = NULL, claimed_until = NULL WHERE id = ? AND claim = ?")
                .params(id, claim).update();
    }

    /**
     * A kill: jobs not expanded yet are withdrawn, and so are alerts and digest entries not sent yet and not in a
     * live sender's hands (those the sender checks itself: it sends nothing for a story that is not live).
     */
    int withdraw(long articleId, Instant now) {
        Timestamp at = ts(now);
        jdbc.sql("UPDATE alert_jobs SET withdrawn_at = ? WHERE article_id = ? AND expanded_at IS NULL")
                .params(at, articleId).update();
        return jdbc.sql("""
                UPDATE alerts SET status = 'WITHDRAWN', last_error = 'withdrawn'
                WHERE article_id = ? AND status = 'PENDING' AND (claimed_until IS NULL OR claimed_until < ?)""")
                .params(articleId, at).update();
    }

    // --- alerts ---

    /**
     * Claims up to {@code limit} due alerts of a channel. Senders running at once pass different {@code offset}s
     * (their number times the batch), so that they do not all reach for the same first rows and wait on each other.
     */
    List<Claimed> claimAlerts(String channel, String claim, Instant now, Instant leaseUntil, int limit, int offset) {
        Timestamp at = ts(now);
        List<Long> due = jdbc.sql(DUE_ALERTS).params(channel, at, at, limit, offset).query(Long.class).list();
        if (due.isEmpty()) {
            return List.of();
        }
        int claimed = jdbc.sql(CLAIM_ALERTS).param("claim", claim).param("until", ts(leaseUntil)).param("ids", due)
                .param("now", at).update();
        if (claimed == 0) {
            return List.of();
        }
        return jdbc.sql(CLAIMED_ALERTS).params(claim).query(JdbcAlerts::claimed).list();
    }

    /** Records outcomes of alerts this claim holds; returns how many were still held. */
    int finish(String claim, List<Outcome> outcomes) {
        int[][] done = template.batchUpdate(FINISH_ALERT, outcomes, 500, (ps, o) -> {
            ps.setString(1, o.status());
            ps.setInt(2, o.attempts());
            ps.setTimestamp(3, ts(o.nextAttempt()));
            ps.setString(4, o.error() == null ? null : truncate(o.error(), 500));
            ps.setTimestamp(5, o.sentAt() == null ? null : ts(o.sentAt()));
            ps.setLong(6, o.id());
            ps.setString(7, claim);
        });
        int held = 0;
        for (int[] batch : done) {
            for (int n : batch) {
                held += n == java.sql.Statement.SUCCESS_NO_INFO ? 1 : n;
            }
        }
        return held;
    }

    /** Alerts of a digest that no longer go out (their story was taken down, their subscription ended). */
    void withdrawAlerts(List<Long> ids) {
        for (long id : ids) {
            jdbc.sql("""
                    UPDATE alerts SET status = 'WITHDRAWN', last_error = 'withdrawn'
                    WHERE id = ? AND status = 'PENDING'""").params(id).update();
        }
    }

    List<PushTarget> liveEndpoints(long subscriberId) {
        return jdbc.sql("""
                SELECT id, endpoint, p256dh, auth FROM push_endpoints WHERE subscriber_id = ? AND ended_at IS NULL
                ORDER BY id""").params(subscriberId).query((rs, n) -> new PushTarget(rs.getLong("id"),
                rs.getString("endpoint"), rs.getString("p256dh"), rs.getString("auth"))).list();
    }

    /** A browser's push endpoint as stored. */
    record PushTarget(long id, String endpoint, String p256dh, String auth) {
    }

    void endEndpoint(long endpointId, Instant now) {
        jdbc.sql("UPDATE push_endpoints SET ended_at = ? WHERE id = ? AND ended_at IS NULL")
                .params(ts(now), endpointId).update();
    }

    /**
     * Ends a subscriber's channels that cannot reach them any more ({@code deliveries} such as EMAIL and DIGEST for
     * a refused address), and fails their alerts that wait on them.
     */
    void endChannels(long subscriberId, List<String> deliveries, String why, Instant now) {
        for (String delivery : deliveries) {
            jdbc.sql("""
                    UPDATE subscriptions SET ended_at = ?, ended_why = ?
                    WHERE subscriber_id = ? AND delivery = ? AND ended_at IS NULL""")
                    .params(ts(now), why, subscriberId, delivery).update();
            jdbc.sql("""
                    UPDATE alerts SET status = 'FAILED', last_error = ?
                    WHERE subscriber_id = ? AND channel = ? AND status = 'PENDING' AND claim IS NULL""")
                    .params(why, subscriberId, delivery).update();
        }
    }

    // --- digests ---

    List<Waiting> waitingForDigest(int limit) {
        return jdbc.sql("""
                SELECT r.id, r.time_zone, r.digest_hour FROM subscribers r
                WHERE r.id IN (SELECT a.subscriber_id FROM alerts a
                               WHERE a.channel = 'DIGEST' AND a.status = 'PENDING' AND a.digest_id IS NULL)
                ORDER BY r.id LIMIT ?""").params(limit)
                .query((rs, n) -> new Waiting(rs.getLong(1), rs.getString(2), rs.getInt(3))).list();
    }

    /**
     * The subscriber's digest of their day, with every waiting alert in it; call in a transaction. Throws
     * {@link org.springframework.dao.DuplicateKeyException} when that day's digest exists (made by this node or
     * another): the alerts then wait for the next day's.
     */
    long makeDigest(long subscriberId, LocalDate day, Instant now) {
        Timestamp at = ts(now);
        jdbc.sql("""
                INSERT INTO alert_digests (subscriber_id, local_day, status, attempts, next_attempt_at, created_at)
                VALUES (?, ?, 'PENDING', 0, ?, ?)""").params(subscriberId, day, at, at).update();
        long id = jdbc.sql("SELECT id FROM alert_digests WHERE subscriber_id = ? AND local_day = ?")
                .params(subscriberId, day).query(Long.class).single();
        jdbc.sql("""
                UPDATE alerts SET digest_id = ?
                WHERE subscriber_id = ? AND channel = 'DIGEST' AND status = 'PENDING' AND digest_id IS NULL""")
                .params(id, subscriberId).update();
        return id;
    }

    List<ClaimedDigest> claimDigests(String claim, Instant now, Instant leaseUntil, int limit) {
        Timestamp at = ts(now);
        int claimed = jdbc.sql("""
                UPDATE alert_digests SET claim = ?, claimed_until = ?
                WHERE id IN (SELECT id FROM alert_digests
                             WHERE status = 'PENDING' AND next_attempt_at <= ?
                               AND (claimed_until IS NULL OR claimed_until < ?)
                             ORDER BY next_attempt_at, id LIMIT ?)
                  AND status = 'PENDING' AND (claimed_until IS NULL OR claimed_until < ?)""")
                .params(claim, ts(leaseUntil), at, at, limit, at).update();
        if (claimed == 0) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT d.id, d.subscriber_id, d.attempts, d.local_day, COALESCE(r.email, acc.email) AS email,
                       r.manage_key, e.locale
                FROM alert_digests d JOIN subscribers r ON r.id = d.subscriber_id JOIN editions e ON e.code = r.edition
                     LEFT JOIN accounts acc ON acc.id = r.account_id AND acc.deleted_at IS NULL
                WHERE d.claim = ? ORDER BY d.id""").params(claim)
                .query((rs, n) -> new ClaimedDigest(rs.getLong("id"), rs.getLong("subscriber_id"),
                        rs.getInt("attempts"), rs.getObject("local_day", LocalDate.class), rs.getString("email"),
                        rs.getString("manage_key"), rs.getString("locale"))).list();
    }

    /** The digest's alerts still to go: pending, of live stories, on live subscriptions. */
    List<Claimed> digestEntries(long digestId) {
        return jdbc.sql(CLAIMED_ALERTS.replace("a.claim = ?", "a.digest_id = ? AND a.status = 'PENDING'"))
                .params(digestId).query(JdbcAlerts::claimed).list();
    }

    boolean finishDigest(long id, String claim, String status, int attempts, Instant next, String error,
                         Instant sentAt) {
        boolean held = jdbc.sql("""
                UPDATE alert_digests SET status = ?, attempts = ?, next_attempt_at = ?, last_error = ?, sent_at = ?,
                                         claim = NULL, claimed_until = NULL
                WHERE id = ? AND claim = ?""").params(status, attempts, ts(next), error, sentAt == null ? null
                : ts(sentAt), id, claim).update() == 1;
        if (held && !status.equals("PENDING")) {
            jdbc.sql("""
                    UPDATE alerts SET status = ?, sent_at = ?, last_error = ?
                    WHERE digest_id = ? AND status = 'PENDING'""")
                    .params(status, sentAt == null ? null : ts(sentAt), error, id).update();
        }
        return held;
    }

    // --- retention ---

    /**
     * Deletes up to {@code batch} alerts of one final status and channel whose last attempt (or due time, for one
     * withdrawn) is older than {@code cutoff}: a range of the {@code alerts_due} index; how many.
     */
    int pruneAlerts(String status, String channel, Instant cutoff, int batch) {
        List<Long> ids = jdbc.sql("""
                SELECT id FROM alerts WHERE status = ? AND channel = ? AND next_attempt_at < ?
                ORDER BY next_attempt_at, id LIMIT ?""").params(status, channel, ts(cutoff), batch)
                .query(Long.class).list();
        return ids.isEmpty() ? 0 : jdbc.sql("DELETE FROM alerts WHERE id IN (:ids) AND status = :status")
                .param("ids", ids).param("status", status).update();
    }

    /** Deletes up to {@code batch} digests of one final status older than {@code cutoff}: {@code alert_digests_due}. */
    int pruneDigests(String status, Instant cutoff, int batch) {
        List<Long> ids = jdbc.sql("""
                SELECT id FROM alert_digests WHERE status = ? AND next_attempt_at < ?
                ORDER BY next_attempt_at, id LIMIT ?""").params(status, ts(cutoff), batch).query(Long.class).list();
        return ids.isEmpty() ? 0 : jdbc.sql("DELETE FROM alert_digests WHERE id IN (:ids) AND status = :status")
                .param("ids", ids).param("status", status).update();
    }

    /**
     * Deletes up to {@code batch} jobs expanded (or withdrawn) before {@code cutoff} that no alert names any more:
     * a range of the {@code alert_jobs_open} index, each checked through the index on {@code alerts.job_id}.
     */
    int pruneJobs(Instant cutoff, int batch) {
        Timestamp before = ts(cutoff);
        List<Long> ids = jdbc.sql("""
                SELECT j.id FROM alert_jobs j
                WHERE (j.expanded_at < :before OR j.expanded_at IS NULL AND j.withdrawn_at < :before)
                  AND NOT EXISTS (SELECT 1 FROM alerts a WHERE a.job_id = j.id)
                ORDER BY j.id LIMIT :batch""").param("before", before).param("batch", batch)
                .query(Long.class).list();
        return ids.isEmpty() ? 0 : jdbc.sql("""
                DELETE FROM alert_jobs
                WHERE id IN (:ids) AND NOT EXISTS (SELECT 1 FROM alerts a WHERE a.job_id = alert_jobs.id)""")
                .param("ids", ids).update();
    }

    // --- counts ---

    /** How many alerts of a story are queued, sent and failed (a digest entry counts once it is in a sent mail). */
    Counts counts(long articleId) {
        return jdbc.sql("""
                SELECT COALESCE(SUM(CASE WHEN status = 'PENDING' THEN 1 ELSE 0 END), 0),
                       COALESCE(SUM(CASE WHEN status = 'SENT' THEN 1 ELSE 0 END), 0),
                       COALESCE(SUM(CASE WHEN status = 'FAILED' THEN 1 ELSE 0 END), 0),
                       COALESCE(SUM(CASE WHEN status = 'WITHDRAWN' THEN 1 ELSE 0 END), 0)
                FROM alerts WHERE article_id = ?""").params(articleId)
                .query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).single();
    }

    /** Alert counts of one story. */
    record Counts(long queued, long sent, long failed, long withdrawn) {
    }

    private static Claimed claimed(ResultSet rs, int row) throws SQLException {
        return new Claimed(rs.getLong("id"), rs.getLong("subscriber_id"), rs.getLong("subscription_id"),
                rs.getInt("attempts"), rs.getString("kind"), rs.getLong("article_id"), rs.getString("path"),
                rs.getString("headline"), rs.getString("note"), rs.getString("edition"), rs.getString("state"),
                rs.getString("lead"), rs.getString("email"), rs.getString("manage_key"), rs.getString("locale"),
                rs.getTimestamp("subscription_ended") != null);
    }

    /** Instants to the millisecond, as the webhook outbox keeps them (see {@code JdbcDeliveries}). */
    static Timestamp ts(Instant instant) {
        return Timestamp.from(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
