package org.dateline.chats.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dateline.chats.Room;
import org.dateline.chats.RoomKind;
import org.dateline.chats.RoomState;
import org.dateline.content.Article;
import org.dateline.content.ArticleState;
import org.dateline.content.ContentQueries;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rooms in the database ({@code chat_rooms}): article and topic rooms, their state and rules, their last activity and
 * the change-log position of their newest change. Public for the module's use cases.
 */
@Repository
public class JdbcRooms {

    private static final String ROOM_COLUMNS = """
            SELECT id, kind, edition, article_id, slug, title, state, last_message_id, last_activity_at,
                   slow_mode_seconds, premoderated
            FROM chat_rooms
            """;
    private static final String INSERT_ROOM = """
            INSERT INTO chat_rooms (kind, edition, article_id, slug, title, state, created_by, created_at,
                                    last_message_id, last_activity_at)
            VALUES (?, ?, ?, ?, ?, 'OPEN', ?, ?, 0, ?)
            """;
    private static final String TOUCH_ROOM = """
            UPDATE chat_rooms SET last_message_id = GREATEST(last_message_id, ?), last_activity_at = ? WHERE id = ?
            """;
    private static final String STAMP_ROOM = "UPDATE chat_rooms SET last_change = ? WHERE id = ?";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final ContentQueries content;
    private final Clock clock;
    private final TransactionTemplate separately;

    JdbcRooms(JdbcClient jdbc, JdbcTemplate batches, ContentQueries content, Clock clock,
              PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.content = content;
        this.clock = clock;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The room, whatever the state of its article ({@link Room#articleRemoved()} tells). */
    public Optional<Room> room(long roomId) {
        return jdbc.sql(ROOM_COLUMNS + " WHERE id = ?").params(roomId).query(this::mapRoom).optional()
                .map(this::withArticleState);
    }

    public Optional<Room> roomOfArticle(long articleId) {
        return jdbc.sql(ROOM_COLUMNS + " WHERE article_id = ?").params(articleId).query(this::mapRoom).optional()
                .map(this::withArticleState);
    }

    /**
     * The article's room, created on first use in a transaction of its own, so that two first messages racing for
     * it both end up in the one room (the loser of the unique key reads the winner's).
     */
    public Room articleRoom(Article article) {
        return roomOfArticle(article.id()).orElseGet(() -> {
            try {
                separately.executeWithoutResult(status -> insertRoom(RoomKind.ARTICLE, article.edition(), article.id(),
                        null, article.headline(), null));
            } catch (DuplicateKeyException raced) {
                // created meanwhile by another request
            }
            return roomOfArticle(article.id()).orElseThrow();
        });
    }

    /** The topic rooms of an edition, newest activity first. */
    List<Room> topics(String edition, int limit) {
        return jdbc.sql(ROOM_COLUMNS + " WHERE kind = 'TOPIC' AND edition = ? ORDER BY last_activity_at DESC, id DESC"
                + " LIMIT ?").params(edition, limit).query(this::mapRoom).list();
    }

    public Optional<Room> topic(String edition, String slug) {
        return jdbc.sql(ROOM_COLUMNS + " WHERE edition = ? AND slug = ?").params(edition, slug).query(this::mapRoom)
                .optional().map(this::withArticleState);
    }

    public void insertRoom(RoomKind kind, String edition, Long articleId, String slug, String title, Long createdBy) {
        Timestamp now = StoredTimes.now(clock);
        String shortTitle = title.length() > 200 ? title.substring(0, 200) : title;
        jdbc.sql(INSERT_ROOM).params(kind.name(), edition, articleId, slug, shortTitle, createdBy, now, now).update();
    }

    public void rename(long roomId, String title) {
        jdbc.sql("UPDATE chat_rooms SET title = ? WHERE id = ?").params(title, roomId).update();
    }

    /** The topic rooms of every edition, by edition, newest activity first. */
    public List<Room> allTopics(int limit) {
        return jdbc.sql(ROOM_COLUMNS + " WHERE kind = 'TOPIC' ORDER BY edition, last_activity_at DESC, id DESC LIMIT ?")
                .params(limit).query(this::mapRoom).list();
    }

    public void setRoomState(long roomId, RoomState state) {
        jdbc.sql("UPDATE chat_rooms SET state = ? WHERE id = ?").params(state.name(), roomId).update();
    }

    public void setRules(long roomId, int slowModeSeconds, boolean premoderated) {
        jdbc.sql("UPDATE chat_rooms SET slow_mode_seconds = ?, premoderated = ? WHERE id = ?")
                .params(slowModeSeconds, premoderated, roomId).update();
    }

    public void touchRoom(long roomId, long messageId) {
        jdbc.sql(TOUCH_ROOM).params(messageId, StoredTimes.now(clock), roomId).update();
    }

    /**
     * {@link #touchRoom} for several rooms, one batch, in the map's order (which is the order their rows are locked
     * in: ascending ids, for a {@link java.util.TreeMap}).
     *
     * @param newestMessage by room id
     */
    void touchRooms(Map<Long, Long> newestMessage) {
        Timestamp now = StoredTimes.now(clock);
        batches.batchUpdate(TOUCH_ROOM, newestMessage.entrySet().stream()
                .map(room -> new Object[] {room.getValue(), now, room.getKey()}).toList());
    }

    // ---- change positions, for reconnecting clients (ChatChanges stamps them) ----

    /** Waits for (and holds until commit) the room's row: the changes of one room are stamped one at a time. */
    void lockRoom(long roomId) {
        jdbc.sql("SELECT id FROM chat_rooms WHERE id = ? FOR UPDATE").params(roomId).query(Long.class).optional();
    }

    /** The rooms' newest change positions (by room id), one batch. */
    void stampRooms(Map<Long, Long> positions) {
        batches.batchUpdate(STAMP_ROOM, positions.entrySet().stream()
                .map(room -> new Object[] {room.getValue(), room.getKey()}).toList());
    }

    /** The position of the room's newest change, 0 for none (or none since positions were kept). */
    long lastChange(long roomId) {
        return jdbc.sql("SELECT last_change FROM chat_rooms WHERE id = ?").params(roomId).query(Long.class).optional()
                .orElse(0L);
    }

    /**
     * The row alone. A row mapper never queries: outside a transaction the nested query would take a second pooled
     * connection while the first is held, and enough concurrent callers (sockets subscribing) hold every connection
     * and wait for one another until the pool's timeout.
     */
    private Room mapRoom(ResultSet rs, int n) throws SQLException {
        return new Room(rs.getLong("id"), RoomKind.valueOf(rs.getString("kind")), rs.getString("edition"),
                rs.getObject("article_id", Long.class), rs.getString("slug"), rs.getString("title"),
                RoomState.valueOf(rs.getString("state")), rs.getLong("last_message_id"),
                StoredTimes.instant(rs, "last_activity_at"), rs.getInt("slow_mode_seconds"),
                rs.getBoolean("premoderated"), false);
    }

    /** Whether an article room's article is still live, asked once the room's row is read. */
    private Room withArticleState(Room room) {
        if (room.articleId() == null
                || content.state(room.articleId()).filter(ArticleState.LIVE::equals).isPresent()) {
            return room;
        }
        return new Room(room.id(), room.kind(), room.edition(), room.articleId(), room.slug(), room.title(),
                room.state(), room.lastMessageId(), room.lastActivityAt(), room.slowModeSeconds(), room.premoderated(),
                true);
    }
}
