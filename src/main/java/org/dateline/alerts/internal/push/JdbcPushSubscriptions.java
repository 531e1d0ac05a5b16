package org.dateline.alerts.internal.push;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.dateline.alerts.ManageLinks;
import org.dateline.editions.Edition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Browsers' push subscriptions in {@code subscribers}, {@code push_endpoints} and {@code subscriptions}. A browser
 * proves it owns an endpoint already stored by its {@code auth} secret, which only the browser and this site know:
 * the endpoint alone (a URL at the push service) proves nothing.
 */
@Component
class JdbcPushSubscriptions {

    /** What a subscription names: a topic of an edition and its target (0 for breaking news). */
    record Follow(String topic, String edition, long target) {
    }

    /** A browser's push subscription as it sent it, its keys checked. */
    record Browser(String endpoint, String p256dh, String auth) {
    }

    /** A stored subscription: its subscriber and that subscriber's manage key. */
    record Stored(long subscriberId, String manageKey) {
    }

    /** The outcome of ending a browser's subscriptions. */
    enum Ended { ENDED, NOT_FOUND }

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcPushSubscriptions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Whether the target exists in the edition: a section, tag, author or story; 0 for breaking news. */
    boolean targetExists(Follow follow) {
        String sql = switch (follow.topic()) {
            case "BREAKING" -> null;
            case "SECTION" -> "SELECT COUNT(*) FROM sections WHERE id = ? AND edition = ?";
            case "TAG" -> "SELECT COUNT(*) FROM tags WHERE id = ? AND edition = ?";
            case "AUTHOR" -> "SELECT COUNT(*) FROM authors WHERE id = ?"; // authors write for every edition
            case "STORY" -> "SELECT COUNT(*) FROM articles WHERE id = ? AND edition = ?";
            default -> throw new IllegalArgumentException("no such topic: " + follow.topic());
        };
        if (sql == null) {
            return follow.target() == 0;
        }
        var query = jdbc.sql(sql).param(follow.target());
        return (sql.contains("edition") ? query.param(follow.edition()) : query).query(Long.class).single() > 0;
    }

    /**
     * Stores the browser's endpoint and its PUSH subscription to the topic, for the logged-in reader's subscriber
     * (accountId) or, for a visitor, the subscriber the endpoint already belongs to or a new browser subscriber.
     * Empty when the endpoint is stored with another auth secret (the caller does not own it). When a reader's
     * browser comes to their account from being a visitor's, what the browser followed comes along
     * ({@link #moveBrowser}): one endpoint, one subscriber.
     *
     * @throws org.springframework.dao.DuplicateKeyException when another request stored the same row meanwhile
     */
    @Transactional
    Optional<Stored> subscribe(Follow follow, Browser browser, Edition edition, Optional<Long> accountId) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        Optional<EndpointRow> existing = endpoint(browser.endpoint());
        if (existing.isPresent() && !sameSecret(existing.get().auth(), browser.auth())) {
            return Optional.empty();
        }
        long subscriberId;
        if (accountId.isPresent()) {
            subscriberId = accountSubscriber(accountId.get(), edition, now);
        } else if (existing.isPresent()) {
            subscriberId = existing.get().subscriberId();
        } else {
            subscriberId = newSubscriber(null, edition, now);
        }
        if (existing.isPresent()) {
            jdbc.sql("""
                    UPDATE push_endpoints SET subscriber_id = ?, p256dh = ?, ended_at = NULL WHERE id = ?
                    """).params(subscriberId, browser.p256dh(), existing.get().id()).update();
            if (existing.get().subscriberId() != subscriberId) {
                moveBrowser(existing.get().subscriberId(), subscriberId, now);
            }
        } else {
            jdbc.sql("""
                    INSERT INTO push_endpoints (subscriber_id, endpoint, p256dh, auth, created_at)
                    VALUES (?, ?, ?, ?, ?)
                    """).params(subscriberId, browser.endpoint(), browser.p256dh(), browser.auth(), now).update();
        }
        startPush(subscriberId, follow, now);
        String key = jdbc.sql("SELECT manage_key FROM subscribers WHERE id = ?").param(subscriberId)
                .query(String.class).single();
        return Optional.of(new Stored(subscriberId, key));
    }

    /** Starts the subscriber's PUSH subscription to the topic: anew when it had ended, as a new row if none. */
    private void startPush(long subscriberId, Follow follow, OffsetDateTime now) {
        int restarted = jdbc.sql("""
                UPDATE subscriptions SET ended_at = NULL, ended_why = NULL, created_at = ?
                WHERE subscriber_id = ? AND topic = ? AND edition = ? AND target_id = ? AND delivery = 'PUSH'
                  AND ended_at IS NOT NULL
                """).params(now, subscriberId, follow.topic(), follow.edition(), follow.target()).update();
        boolean live = restarted > 0 || jdbc.sql("""
                SELECT COUNT(*) FROM subscriptions
                WHERE subscriber_id = ? AND topic = ? AND edition = ? AND target_id = ? AND delivery = 'PUSH'
                """).params(subscriberId, follow.topic(), follow.edition(), follow.target())
                .query(Long.class).single() > 0;
        if (!live) {
            jdbc.sql("""
                    INSERT INTO subscriptions (subscriber_id, topic, edition, target_id, delivery, created_at)
                    VALUES (?, ?, ?, ?, 'PUSH', ?)
                    """).params(subscriberId, follow.topic(), follow.edition(), follow.target(), now).update();
        }
    }

    /**
     * The endpoint went from one subscriber to another (a reader logged in on the browser that subscribed as a
     * visitor). When it came from a browser subscriber (no account, no address) that has no other live endpoint, that
     * subscriber is this endpoint and nothing else: its running PUSH subscriptions start on the new subscriber and end
     * on the old one ({@code moved}), so the browser keeps what it followed, one subscriber holds the endpoint, and an
     * alert reaches it once. Another account's subscriber keeps its subscriptions (its reader may use other browsers).
     */
    private void moveBrowser(long from, long to, OffsetDateTime now) {
        boolean browserAlone = jdbc.sql("""
                SELECT COUNT(*) FROM subscribers r
                WHERE r.id = ? AND r.account_id IS NULL AND r.email IS NULL
                  AND NOT EXISTS (SELECT 1 FROM push_endpoints p WHERE p.subscriber_id = r.id AND p.ended_at IS NULL)
                """).param(from).query(Long.class).single() > 0;
        if (!browserAlone) {
            return;
        }
        List<Follow> follows = jdbc.sql("""
                SELECT topic, edition, target_id FROM subscriptions
                WHERE subscriber_id = ? AND delivery = 'PUSH' AND ended_at IS NULL ORDER BY id
                """).param(from).query((rs, n) -> new Follow(rs.getString("topic"), rs.getString("edition"),
                rs.getLong("target_id"))).list();
        follows.forEach(follow -> startPush(to, follow, now));
        jdbc.sql("""
                UPDATE subscriptions SET ended_at = ?, ended_why = 'moved' WHERE subscriber_id = ? AND ended_at IS NULL
                """).params(now, from).update();
    }

    /**
     * Ends what the browser proves it owns: with a follow, that one PUSH subscription of its subscriber; without,
     * the endpoint itself, and its subscriber's PUSH subscriptions when no other live endpoint of theirs remains.
     */
    @Transactional
    Ended unsubscribe(String endpoint, String auth, Optional<Follow> follow) {
        Optional<EndpointRow> row = endpoint(endpoint);
        if (row.isEmpty() || !sameSecret(row.get().auth(), auth)) {
            return Ended.NOT_FOUND;
        }
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        long subscriberId = row.get().subscriberId();
        if (follow.isPresent()) {
            jdbc.sql("""
                    UPDATE subscriptions SET ended_at = ?, ended_why = 'unsubscribed'
                    WHERE subscriber_id = ? AND topic = ? AND edition = ? AND target_id = ? AND delivery = 'PUSH'
                      AND ended_at IS NULL
                    """).params(now, subscriberId, follow.get().topic(), follow.get().edition(),
                    follow.get().target()).update();
            return Ended.ENDED;
        }
        jdbc.sql("UPDATE push_endpoints SET ended_at = ? WHERE id = ? AND ended_at IS NULL")
                .params(now, row.get().id()).update();
        long others = jdbc.sql("SELECT COUNT(*) FROM push_endpoints WHERE subscriber_id = ? AND ended_at IS NULL")
                .param(subscriberId).query(Long.class).single();
        if (others == 0) {
            jdbc.sql("""
                    UPDATE subscriptions SET ended_at = ?, ended_why = 'unsubscribed'
                    WHERE subscriber_id = ? AND delivery = 'PUSH' AND ended_at IS NULL
                    """).params(now, subscriberId).update();
        }
        return Ended.ENDED;
    }

    /**
     * Moves a stored endpoint to the subscription the browser replaced it with (its push service renewed it), keeping
     * its subscriber; proven by the old subscription's auth secret. Empty when the new endpoint is stored already.
     */
    @Transactional
    Optional<Ended> renew(String endpoint, String auth, Browser fresh) {
        Optional<EndpointRow> row = endpoint(endpoint);
        if (row.isEmpty() || !sameSecret(row.get().auth(), auth)) {
            return Optional.of(Ended.NOT_FOUND);
        }
        if (!fresh.endpoint().equals(endpoint) && endpoint(fresh.endpoint()).isPresent()) {
            return Optional.empty();
        }
        jdbc.sql("UPDATE push_endpoints SET endpoint = ?, p256dh = ?, auth = ?, ended_at = NULL WHERE id = ?")
                .params(fresh.endpoint(), fresh.p256dh(), fresh.auth(), row.get().id()).update();
        return Optional.of(Ended.ENDED);
    }

    private record EndpointRow(long id, long subscriberId, String auth) {
    }

    private Optional<EndpointRow> endpoint(String endpoint) {
        return jdbc.sql("SELECT id, subscriber_id, auth FROM push_endpoints WHERE endpoint = ?").param(endpoint)
                .query((rs, row) -> new EndpointRow(rs.getLong("id"), rs.getLong("subscriber_id"),
                        rs.getString("auth")))
                .optional();
    }

    private long accountSubscriber(long accountId, Edition edition, OffsetDateTime now) {
        Optional<Long> id = jdbc.sql("SELECT id FROM subscribers WHERE account_id = ?").param(accountId)
                .query(Long.class).optional();
        return id.orElseGet(() -> newSubscriber(accountId, edition, now));
    }

    /** A confirmed subscriber without email: a reader's account (mail to its address) or a browser alone. */
    private long newSubscriber(Long accountId, Edition edition, OffsetDateTime now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO subscribers (account_id, email, edition, time_zone, confirmed_at, manage_key, created_at)
                VALUES (?, NULL, ?, ?, ?, ?, ?)
                """).params(accountId, edition.code(), edition.zone().getId(), now, ManageLinks.newKey(), now)
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    private static boolean sameSecret(String stored, String given) {
        return given != null && MessageDigest.isEqual(stored.getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII));
    }
}
