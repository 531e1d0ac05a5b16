package org.dateline.chats.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.dateline.chats.ActiveBan;
import org.dateline.chats.BanInForce;
import org.dateline.chats.ModerationEntry;
import org.dateline.chats.ReportedMessage;
import org.dateline.chats.WatchedWord;
import org.dateline.chats.WordKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Bans, reports and the moderation audit log in the database. */
@Repository
public class JdbcModeration {

    static final Duration WORDS_FRESH = Duration.ofSeconds(5);

    private static final String INSERT_BAN = """
            INSERT INTO chat_bans (account_id, room_id, reason, created_by, created_at, expires_at)
            VALUES (?, ?, ?, ?, ?, ?)
            """;
    private static final String INSERT_REPORT = """
            INSERT INTO chat_reports (message_id, reporter_id, reason, created_at) VALUES (?, ?, ?, ?)
            ON CONFLICT DO NOTHING
            """;
    private static final String OPEN_REPORTS = """
            SELECT m.id, m.room_id, m.author_id, a.display_name, m.body, COUNT(*) AS reports,
                   MIN(r.created_at) AS first_reported
            FROM chat_reports r JOIN chat_messages m ON m.id = r.message_id JOIN accounts a ON a.id = m.author_id
            WHERE r.resolved_at IS NULL AND m.state = 'VISIBLE'
            GROUP BY m.id, m.room_id, m.author_id, a.display_name, m.body
            ORDER BY COUNT(*) DESC, MIN(r.created_at), m.id LIMIT 100
            """;
    private static final String INSERT_LOG = """
            INSERT INTO chat_moderation_log (actor_id, action, room_id, message_id, account_id, detail, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """;
    private static final String LOG_PAGE = """
            SELECT l.id, l.actor_id, a.display_name, l.action, l.room_id, l.message_id, l.account_id, l.detail,
                   l.created_at
            FROM chat_moderation_log l JOIN accounts a ON a.id = l.actor_id
            WHERE l.id < ? ORDER BY l.id DESC LIMIT ?
            """;

    private static final String BANS_IN_FORCE = """
            SELECT b.id, b.account_id, a.display_name, b.room_id, r.title, b.reason, m.display_name AS moderator,
                   b.created_at, b.expires_at
            FROM chat_bans b JOIN accounts a ON a.id = b.account_id JOIN accounts m ON m.id = b.created_by
                 LEFT JOIN chat_rooms r ON r.id = b.room_id
            WHERE b.lifted_at IS NULL AND (b.expires_at IS NULL OR b.expires_at > ?)
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    /**
     * By "edition KIND". Read again in the background once older than {@link #WORDS_FRESH}, the old list answering
     * meanwhile: every post asks, and a list that merely expired made every post of the edition wait for the one
     * reading it (which under load waits for a pooled connection). Forgotten after a minute unasked.
     */
    private final LoadingCache<String, List<String>> words;

    JdbcModeration(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.words = Caffeine.newBuilder().refreshAfterWrite(WORDS_FRESH).expireAfterAccess(Duration.ofMinutes(1))
                .build(key -> {
                    String[] editionAndKind = key.split(" ", 2);
                    return jdbc.sql("SELECT word FROM chat_words WHERE edition = ? AND kind = ? ORDER BY id")
                            .params(editionAndKind[0], editionAndKind[1]).query(String.class).list();
                });
    }

    /** The reader's bans not lifted and not expired now; empty for most readers. */
    public List<BanInForce> bansInForce(long accountId) {
        return jdbc.sql("SELECT room_id, expires_at FROM chat_bans WHERE account_id = ? AND lifted_at IS NULL"
                        + " AND (expires_at IS NULL OR expires_at > ?)").params(accountId, now())
                .query((rs, n) -> {
                    OffsetDateTime expires = rs.getObject("expires_at", OffsetDateTime.class);
                    return new BanInForce(rs.getObject("room_id", Long.class),
                            expires == null ? null : expires.toInstant());
                }).list();
    }

    public long ban(long accountId, Long roomId, String reason, long moderatorId, Instant expiresAt) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql(INSERT_BAN).params(accountId, roomId, reason, moderatorId, now(),
                expiresAt == null ? null : Timestamp.from(expiresAt.truncatedTo(ChronoUnit.MILLIS))).update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    /** The account a ban in force is about, if the ban exists and is not lifted yet. */
    public java.util.Optional<Long> bannedAccount(long banId) {
        return jdbc.sql("SELECT account_id FROM chat_bans WHERE id = ? AND lifted_at IS NULL").params(banId)
                .query(Long.class).optional();
    }

    /** A ban as a reader's open page needs it: whom, where (null: every room), until when, and whether lifted. */
    public record BanNotice(long accountId, Long roomId, Instant expiresAt, boolean lifted) {
    }

    public Optional<BanNotice> banNotice(long banId) {
        return jdbc.sql("SELECT account_id, room_id, expires_at, lifted_at FROM chat_bans WHERE id = ?")
                .params(banId).query((rs, n) -> {
                    OffsetDateTime expires = rs.getObject("expires_at", OffsetDateTime.class);
                    return new BanNotice(rs.getLong("account_id"), rs.getObject("room_id", Long.class),
                            expires == null ? null : expires.toInstant(), rs.getObject("lifted_at") != null);
                }).optional();
    }

    public void lift(long banId, long moderatorId) {
        jdbc.sql("UPDATE chat_bans SET lifted_at = ?, lifted_by = ? WHERE id = ? AND lifted_at IS NULL")
                .params(now(), moderatorId, banId).update();
    }

    /** Bans in force, newest first. */
    public List<ActiveBan> activeBans(int limit) {
        return jdbc.sql(BANS_IN_FORCE + " ORDER BY b.created_at DESC, b.id DESC LIMIT ?").params(now(), limit)
                .query(JdbcModeration::mapBan).list();
    }

    private static ActiveBan mapBan(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        OffsetDateTime expires = rs.getObject("expires_at", OffsetDateTime.class);
        return new ActiveBan(rs.getLong("id"), rs.getLong("account_id"), rs.getString("display_name"),
                rs.getObject("room_id", Long.class), rs.getString("title"), rs.getString("reason"),
                rs.getString("moderator"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                expires == null ? null : expires.toInstant());
    }

    /** The reasons readers gave in the open reports of a message, oldest first. */
    public List<String> openReasons(long messageId) {
        return jdbc.sql("SELECT reason FROM chat_reports WHERE message_id = ? AND resolved_at IS NULL "
                + "ORDER BY created_at, reporter_id").params(messageId).query(String.class).list();
    }

    /** False when this reader had reported the message already. */
    public boolean report(long messageId, long reporterId, String reason) {
        return jdbc.sql(INSERT_REPORT).params(messageId, reporterId, reason, now()).update() > 0;
    }

    public int resolveReports(long messageId, long moderatorId, String outcome) {
        return jdbc.sql("UPDATE chat_reports SET resolved_at = ?, resolved_by = ?, outcome = ? "
                + "WHERE message_id = ? AND resolved_at IS NULL").params(now(), moderatorId, outcome, messageId).update();
    }

    public List<ReportedMessage> openReports() {
        return jdbc.sql(OPEN_REPORTS).query((rs, n) -> new ReportedMessage(rs.getLong("id"), rs.getLong("room_id"),
                rs.getLong("author_id"), rs.getString("display_name"), rs.getString("body"), rs.getLong("reports"),
                rs.getObject("first_reported", OffsetDateTime.class).toInstant())).list();
    }

    public void log(long actorId, String action, Long roomId, Long messageId, Long accountId, String detail) {
        String text = detail == null ? "" : detail.length() > 500 ? detail.substring(0, 500) : detail;
        jdbc.sql(INSERT_LOG).params(actorId, action, roomId, messageId, accountId, text, now()).update();
    }

    public List<ModerationEntry> logBefore(long beforeId, int limit) {
        return jdbc.sql(LOG_PAGE).params(beforeId, limit).query((rs, n) -> new ModerationEntry(rs.getLong("id"),
                rs.getLong("actor_id"), rs.getString("display_name"), rs.getString("action"),
                rs.getObject("room_id", Long.class), rs.getObject("message_id", Long.class),
                rs.getObject("account_id", Long.class), rs.getString("detail"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant())).list();
    }

    /**
     * The words of one kind watched in an edition, asked for every message. A change on this node counts at once; one
     * made on another node is read by the first post more than {@link #WORDS_FRESH} after the list was, and counts
     * for the posts after it.
     */
    public List<String> words(String edition, WordKind kind) {
        return words.get(edition + " " + kind.name());
    }

    /** Every watched word, by edition, kind and word. */
    public List<WatchedWord> wordList() {
        return jdbc.sql("SELECT id, edition, kind, word FROM chat_words ORDER BY edition, kind, word")
                .query(JdbcModeration::mapWord).list();
    }

    /** The codes of the editions, in their order. */
    public List<String> editions() {
        return jdbc.sql("SELECT code FROM editions ORDER BY position, code").query(String.class).list();
    }

    public boolean editionExists(String edition) {
        return jdbc.sql("SELECT COUNT(*) FROM editions WHERE code = ?").params(edition).query(Long.class).single() > 0;
    }

    /** False when the word is watched already (same edition and kind). */
    public boolean addWord(String edition, WordKind kind, String word, long moderatorId) {
        forgetWords();
        return jdbc.sql("INSERT INTO chat_words (edition, kind, word, created_by, created_at) VALUES (?, ?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING").params(edition, kind.name(), word, moderatorId, now()).update() > 0;
    }

    public Optional<WatchedWord> removeWord(long id) {
        Optional<WatchedWord> word = jdbc.sql("SELECT id, edition, kind, word FROM chat_words WHERE id = ?")
                .params(id).query(JdbcModeration::mapWord).optional();
        word.ifPresent(w -> jdbc.sql("DELETE FROM chat_words WHERE id = ?").params(id).update());
        forgetWords();
        return word;
    }

    /** The cached words are forgotten now and again once the change commits (read meanwhile, they are the old). */
    private void forgetWords() {
        words.invalidateAll();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    words.invalidateAll();
                }
            });
        }
    }

    private static WatchedWord mapWord(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new WatchedWord(rs.getLong("id"), rs.getString("edition"), WordKind.valueOf(rs.getString("kind")),
                rs.getString("word"));
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MILLIS));
    }
}
