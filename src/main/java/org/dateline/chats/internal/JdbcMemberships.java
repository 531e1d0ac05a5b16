package org.dateline.chats.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.dateline.chats.RoomKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rooms readers follow and how far they have read each ({@code chat_memberships}), and the unread counts that
 * follow from that. Public for the module's use cases.
 */
@Repository
public class JdbcMemberships {

    private static final String JOIN_ROOM = """
            INSERT INTO chat_memberships (account_id, room_id, last_read_id, followed, joined_at)
            VALUES (?, ?, 0, TRUE, ?) ON CONFLICT DO NOTHING
            """;
    private static final String READ_UP_TO = """
            UPDATE chat_memberships SET last_read_id = GREATEST(last_read_id, ?) WHERE account_id = ? AND room_id = ?
            """;
    private static final String READER_ROOMS = """
            SELECT r.id, r.kind, r.edition, r.article_id, r.slug, r.title, r.last_message_id, r.last_activity_at,
                   m.last_read_id,
                   (SELECT COUNT(*) FROM chat_messages x WHERE x.room_id = r.id AND x.id > m.last_read_id
                        AND x.state = 'VISIBLE' AND x.author_id <> m.account_id) AS unread,
                   la.display_name AS last_author, lm.body AS last_body
            FROM chat_memberships m JOIN chat_rooms r ON r.id = m.room_id
            LEFT JOIN chat_messages lm ON lm.id = (SELECT MAX(y.id) FROM chat_messages y
                                                   WHERE y.room_id = r.id AND y.state = 'VISIBLE')
            LEFT JOIN accounts la ON la.id = lm.author_id
            WHERE m.account_id = ? AND m.followed
            ORDER BY r.last_activity_at DESC, r.id DESC LIMIT 100
            """;
    private static final String UNREAD_IN_ROOM = """
            SELECT m.account_id,
                   (SELECT COUNT(*) FROM chat_messages x WHERE x.room_id = m.room_id AND x.id > m.last_read_id
                        AND x.state = 'VISIBLE' AND x.author_id <> m.account_id) AS unread
            FROM chat_memberships m
            WHERE m.room_id = :room AND m.followed AND m.account_id IN (:accounts)
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final Clock clock;

    JdbcMemberships(JdbcClient jdbc, JdbcTemplate batches, Clock clock) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.clock = clock;
    }

    /** The reader has read the room up to the message, and follows it from now on if not a member yet. */
    public void readUpTo(long accountId, long roomId, long messageId) {
        if (jdbc.sql(READ_UP_TO).params(messageId, accountId, roomId).update() > 0) {
            return; // a member already: the usual case, one statement
        }
        jdbc.sql(JOIN_ROOM).params(accountId, roomId, StoredTimes.now(clock)).update();
        jdbc.sql(READ_UP_TO).params(messageId, accountId, roomId).update();
    }

    /** A reader has read a room up to a message. */
    record ReadUpTo(long accountId, long roomId, long messageId) {
    }

    /**
     * {@link #readUpTo} for several, one batch (in the order of rooms, then readers: two batches touch the rows they
     * share in the same order); only a reader not yet a member of the room costs statements of their own.
     */
    void readUpTo(List<ReadUpTo> reads) {
        Map<ReadUpTo, Long> newest = new TreeMap<>(Comparator.comparingLong(ReadUpTo::roomId)
                .thenComparingLong(ReadUpTo::accountId));
        for (ReadUpTo read : reads) { // one row per reader and room, up to their newest message
            newest.merge(new ReadUpTo(read.accountId(), read.roomId(), 0), read.messageId(), Math::max);
        }
        List<ReadUpTo> rows = newest.entrySet().stream()
                .map(row -> new ReadUpTo(row.getKey().accountId(), row.getKey().roomId(), row.getValue())).toList();
        int[] updated = batches.batchUpdate(READ_UP_TO, rows.stream()
                .map(row -> new Object[] {row.messageId(), row.accountId(), row.roomId()}).toList());
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) { // not a member yet
                readUpTo(rows.get(i).accountId(), rows.get(i).roomId(), rows.get(i).messageId());
            }
        }
    }

    public void setFollowed(long accountId, long roomId, boolean followed) {
        jdbc.sql(JOIN_ROOM).params(accountId, roomId, StoredTimes.now(clock)).update();
        jdbc.sql("UPDATE chat_memberships SET followed = ? WHERE account_id = ? AND room_id = ?")
                .params(followed, accountId, roomId).update();
    }

    public long lastReadId(long accountId, long roomId) {
        return jdbc.sql("SELECT last_read_id FROM chat_memberships WHERE account_id = ? AND room_id = ?")
                .params(accountId, roomId).query(Long.class).optional().orElse(0L);
    }

    /**
     * A room a reader follows, as stored: its title as the room was opened (an article room's page shows the
     * headline as it reads now), its newest visible message and the reader's count of unread ones.
     */
    record FollowedRoom(long id, RoomKind kind, String edition, Long articleId, String slug, String title,
                        long lastMessageId, Instant lastActivityAt, long lastReadId, long unread, String lastAuthor,
                        String lastBody) {
    }

    /** The rooms the reader follows, newest activity first (at most 100). */
    List<FollowedRoom> followed(long accountId) {
        return jdbc.sql(READER_ROOMS).params(accountId).query((rs, n) -> new FollowedRoom(rs.getLong("id"),
                RoomKind.valueOf(rs.getString("kind")), rs.getString("edition"), rs.getObject("article_id", Long.class),
                rs.getString("slug"), rs.getString("title"), rs.getLong("last_message_id"),
                StoredTimes.instant(rs, "last_activity_at"), rs.getLong("last_read_id"), rs.getLong("unread"),
                rs.getString("last_author"), rs.getString("last_body"))).list();
    }

    /** The unread counts in the room of those of the readers who follow it (the others are not in the answer). */
    Map<Long, Long> unreadIn(long roomId, Collection<Long> accountIds) {
        Map<Long, Long> unread = new HashMap<>();
        List<Long> all = List.copyOf(accountIds);
        for (int from = 0; from < all.size(); from += 500) {
            jdbc.sql(UNREAD_IN_ROOM).param("room", roomId).param("accounts", all.subList(from,
                            Math.min(all.size(), from + 500)))
                    .query((RowCallbackHandler) rs -> unread.put(rs.getLong("account_id"), rs.getLong("unread")));
        }
        return unread;
    }
}
