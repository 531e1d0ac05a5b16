package org.dateline.chats.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dateline.chats.ChatKeys;
import org.dateline.chats.ChatQueries;
import org.dateline.chats.ChatResult;
import org.dateline.chats.Conversation;
import org.dateline.chats.Message;
import org.dateline.chats.MessageHtml;
import org.dateline.chats.MessagePage;
import org.dateline.chats.MessageState;
import org.dateline.chats.MessageView;
import org.dateline.chats.Reaction;
import org.dateline.chats.ReaderRoom;
import org.dateline.chats.Refusal;
import org.dateline.chats.Room;
import org.dateline.chats.RoomKind;
import org.dateline.chats.RoomState;
import org.dateline.content.Article;
import org.dateline.content.ArticleState;
import org.dateline.content.ContentQueries;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Rooms, messages, reactions and memberships in the database; the read side of {@link ChatQueries}. */
@Repository
public class JdbcChats implements ChatQueries {

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
    private static final String MESSAGE_COLUMNS = """
            SELECT id, room_id, author_id, body, reply_to, state, created_at, edited_at, deleted_at FROM chat_messages
            """;
    private static final String VIEW_COLUMNS = """
            SELECT m.id, m.room_id, r.edition, m.author_id, a.display_name, m.body, m.reply_to, m.state, m.created_at,
                   m.edited_at
            FROM chat_messages m JOIN chat_rooms r ON r.id = m.room_id JOIN accounts a ON a.id = m.author_id
            """;
    private static final String INSERT_MESSAGE = """
            INSERT INTO chat_messages (room_id, author_id, body, reply_to, state, created_at) VALUES (?, ?, ?, ?, ?, ?)
            """;
    private static final String TOUCH_ROOM = """
            UPDATE chat_rooms SET last_message_id = GREATEST(last_message_id, ?), last_activity_at = ? WHERE id = ?
            """;
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
                        AND x.state = 'VISIBLE' AND x.author_id <> m.account_id) AS unread
            FROM chat_memberships m JOIN chat_rooms r ON r.id = m.room_id
            WHERE m.account_id = ? AND m.followed
            ORDER BY r.last_activity_at DESC, r.id DESC LIMIT 100
            """;
    private static final String ADD_REACTION = """
            INSERT INTO chat_reactions (message_id, account_id, emoji, created_at) VALUES (?, ?, ?, ?)
            ON CONFLICT DO NOTHING
            """;

    private final JdbcClient jdbc;
    private final ContentQueries content;
    private final Clock clock;
    private final TransactionTemplate separately;

    JdbcChats(JdbcClient jdbc, ContentQueries content, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.content = content;
        this.clock = clock;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    // ---- rooms ----

    @Override
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

    public void setRoomState(long roomId, RoomState state) {
        jdbc.sql("UPDATE chat_rooms SET state = ? WHERE id = ?").params(state.name(), roomId).update();
    }

    @Override
    public Optional<Room> topic(String edition, String slug) {
        return jdbc.sql(ROOM_COLUMNS + " WHERE edition = ? AND slug = ?").params(edition, slug).query(this::mapRoom)
                .optional().map(this::withArticleState);
    }

    public void insertRoom(RoomKind kind, String edition, Long articleId, String slug, String title, Long createdBy) {
        Timestamp now = now();
        String shortTitle = title.length() > 200 ? title.substring(0, 200) : title;
        jdbc.sql(INSERT_ROOM).params(kind.name(), edition, articleId, slug, shortTitle, createdBy, now, now).update();
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
                instant(rs, "last_activity_at"), rs.getInt("slow_mode_seconds"), rs.getBoolean("premoderated"), false);
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

    // ---- messages ----

    public Optional<Message> findMessage(long id) {
        return jdbc.sql(MESSAGE_COLUMNS + " WHERE id = ?").params(id).query((rs, n) -> new Message(rs.getLong("id"),
                rs.getLong("room_id"), rs.getLong("author_id"), rs.getString("body"),
                rs.getObject("reply_to", Long.class), MessageState.valueOf(rs.getString("state")),
                instant(rs, "created_at"), instant(rs, "edited_at"), instant(rs, "deleted_at"))).optional();
    }

    public long insertMessage(long roomId, long authorId, String body, Long replyTo, MessageState state) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql(INSERT_MESSAGE).params(roomId, authorId, body, replyTo, state.name(),
                now()).update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    public void touchRoom(long roomId, long messageId) {
        jdbc.sql(TOUCH_ROOM).params(messageId, now(), roomId).update();
    }

    public void updateBody(long messageId, String body) {
        jdbc.sql("UPDATE chat_messages SET body = ?, edited_at = ? WHERE id = ?")
                .params(body, now(), messageId).update();
    }

    public void remove(long messageId, MessageState state) {
        jdbc.sql("UPDATE chat_messages SET state = ?, deleted_at = ? WHERE id = ?")
                .params(state.name(), now(), messageId).update();
    }

    @Override
    public Optional<MessageView> message(long messageId) {
        List<MessageView> views = views(VIEW_COLUMNS + " WHERE m.id = ? AND m.state = 'VISIBLE'", messageId);
        return views.stream().findFirst();
    }

    /** A message whatever its state, for its author's acknowledgement and the moderators. */
    public Optional<MessageView> anyMessage(long messageId) {
        return views(VIEW_COLUMNS + " WHERE m.id = ?", messageId).stream().findFirst();
    }

    /** Held messages waiting for a moderator, oldest first. */
    public List<MessageView> held(int limit) {
        return views(VIEW_COLUMNS + " WHERE m.state = 'HELD' ORDER BY m.id LIMIT ?", limit);
    }

    /** When the reader last posted in the room (any state), for slow mode. */
    public Optional<Instant> lastPostedAt(long accountId, long roomId) {
        return jdbc.sql("SELECT MAX(created_at) FROM chat_messages WHERE author_id = ? AND room_id = ?")
                .params(accountId, roomId).query((rs, n) -> instant(rs, 1)).optional();
    }

    public void setState(long messageId, MessageState state) {
        jdbc.sql("UPDATE chat_messages SET state = ? WHERE id = ?").params(state.name(), messageId).update();
    }

    public void setRules(long roomId, int slowModeSeconds, boolean premoderated) {
        jdbc.sql("UPDATE chat_rooms SET slow_mode_seconds = ?, premoderated = ? WHERE id = ?")
                .params(slowModeSeconds, premoderated, roomId).update();
    }

    @Override
    public Conversation conversation(long articleId, int limit) {
        return roomOfArticle(articleId).map(room -> conversation(room, limit))
                .orElseGet(() -> new Conversation(articleId, null, true, List.of(), null, ChatKeys.article(articleId)));
    }

    @Override
    public Conversation conversation(Room room, int limit) {
        List<MessageView> newest = newestFirst(room.id(), Long.MAX_VALUE, limit + 1);
        Long older = null;
        if (newest.size() > limit) {
            newest = newest.subList(0, limit);
            older = newest.get(limit - 1).id();
        }
        List<MessageView> oldestFirst = new ArrayList<>(newest);
        Collections.reverse(oldestFirst);
        return new Conversation(room.articleId(), room.id(), room.state() == RoomState.OPEN, List.copyOf(oldestFirst),
                older, room.articleId() != null ? ChatKeys.article(room.articleId()) : ChatKeys.room(room.id()));
    }

    @Override
    public ChatResult<MessagePage> history(long roomId, Long before, int limit) {
        Optional<Room> room = room(roomId);
        if (room.isEmpty()) {
            return ChatResult.refused(Refusal.ROOM_NOT_FOUND);
        }
        if (room.get().articleRemoved()) {
            return ChatResult.refused(Refusal.ARTICLE_REMOVED);
        }
        List<MessageView> page = newestFirst(roomId, before == null ? Long.MAX_VALUE : before, limit + 1);
        Long next = null;
        if (page.size() > limit) {
            page = page.subList(0, limit);
            next = page.get(limit - 1).id();
        }
        return ChatResult.done(new MessagePage(roomId, List.copyOf(page), next));
    }

    @Override
    public List<MessageView> after(long roomId, long afterId, int limit) {
        // the newest ones when more than the limit are missing: those are the ones next to what the reader sees
        List<MessageView> newest = new ArrayList<>(views(VIEW_COLUMNS
                + " WHERE m.room_id = ? AND m.id > ? AND m.state = 'VISIBLE' ORDER BY m.id DESC LIMIT ?",
                roomId, afterId, limit));
        Collections.reverse(newest);
        return newest;
    }

    private List<MessageView> newestFirst(long roomId, long before, int limit) {
        return views(VIEW_COLUMNS + " WHERE m.room_id = ? AND m.id < ? AND m.state = 'VISIBLE' ORDER BY m.id DESC LIMIT ?",
                roomId, before, limit);
    }

    @Override
    public Optional<String> locate(long messageId) {
        return findMessage(messageId).filter(m -> m.state() == MessageState.VISIBLE)
                .flatMap(m -> room(m.roomId()))
                .filter(r -> !r.articleRemoved())
                .flatMap(r -> r.articleId() == null ? Optional.of(topicPath(r))
                        : content.article(r.articleId()).map(Article::path))
                .map(path -> path + "#m" + messageId);
    }

    private List<MessageView> views(String sql, Object... params) {
        record Row(long id, long roomId, String edition, long authorId, String author, String body, Long replyTo,
                   MessageState state, Instant created, Instant edited) {
        }
        List<Row> rows = jdbc.sql(sql).params(params).query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("room_id"),
                rs.getString("edition"), rs.getLong("author_id"), rs.getString("display_name"), rs.getString("body"),
                rs.getObject("reply_to", Long.class), MessageState.valueOf(rs.getString("state")),
                instant(rs, "created_at"), instant(rs, "edited_at"))).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, Map<String, Integer>> reactions = reactionCounts(rows.stream().map(Row::id).toList());
        return rows.stream().map(r -> new MessageView(r.id(), r.roomId(), r.edition(), r.authorId(), r.author(),
                r.body(), MessageHtml.render(r.body()), r.replyTo(), r.created(), r.edited(),
                reactions.getOrDefault(r.id(), Map.of()), "/" + r.edition() + "/chat/m/" + r.id(), r.state())).toList();
    }

    // ---- reactions ----

    /** Sets the reader's reaction; true when something changed. */
    public boolean react(long messageId, long accountId, Reaction reaction) {
        Timestamp now = now();
        if (jdbc.sql(ADD_REACTION).params(messageId, accountId, reaction.code(), now).update() > 0) {
            return true;
        }
        return jdbc.sql("UPDATE chat_reactions SET emoji = ?, created_at = ? WHERE message_id = ? AND account_id = ? "
                + "AND emoji <> ?").params(reaction.code(), now, messageId, accountId, reaction.code()).update() > 0;
    }

    public boolean unreact(long messageId, long accountId) {
        return jdbc.sql("DELETE FROM chat_reactions WHERE message_id = ? AND account_id = ?")
                .params(messageId, accountId).update() > 0;
    }

    public Map<String, Integer> reactionCounts(long messageId) {
        return reactionCounts(List.of(messageId)).getOrDefault(messageId, Map.of());
    }

    private Map<Long, Map<String, Integer>> reactionCounts(List<Long> messageIds) {
        Map<Long, Map<String, Integer>> raw = new HashMap<>();
        jdbc.sql("SELECT message_id, emoji, COUNT(*) AS n FROM chat_reactions WHERE message_id IN (:ids) "
                        + "GROUP BY message_id, emoji")
                .param("ids", messageIds)
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                    raw.computeIfAbsent(rs.getLong("message_id"), k -> new HashMap<>())
                            .put(rs.getString("emoji"), rs.getInt("n"));
                });
        Map<Long, Map<String, Integer>> ordered = new HashMap<>();
        raw.forEach((id, counts) -> {
            Map<String, Integer> inOrder = new LinkedHashMap<>();
            for (Reaction reaction : Reaction.values()) {
                Integer n = counts.get(reaction.code());
                if (n != null && n > 0) {
                    inOrder.put(reaction.code(), n);
                }
            }
            ordered.put(id, Collections.unmodifiableMap(inOrder));
        });
        return ordered;
    }

    // ---- membership ----

    /** The reader has read the room up to the given message (and follows it, unless they chose not to). */
    public void readUpTo(long accountId, long roomId, long messageId) {
        jdbc.sql(JOIN_ROOM).params(accountId, roomId, now()).update();
        jdbc.sql(READ_UP_TO).params(messageId, accountId, roomId).update();
    }

    public void setFollowed(long accountId, long roomId, boolean followed) {
        jdbc.sql(JOIN_ROOM).params(accountId, roomId, now()).update();
        jdbc.sql("UPDATE chat_memberships SET followed = ? WHERE account_id = ? AND room_id = ?")
                .params(followed, accountId, roomId).update();
    }

    public long lastReadId(long accountId, long roomId) {
        return jdbc.sql("SELECT last_read_id FROM chat_memberships WHERE account_id = ? AND room_id = ?")
                .params(accountId, roomId).query(Long.class).optional().orElse(0L);
    }

    @Override
    public List<ReaderRoom> roomsOf(long accountId) {
        record Row(long id, RoomKind kind, String edition, Long articleId, String slug, String title, long last,
                   Instant activity, long read, long unread) {
        }
        List<Row> rows = jdbc.sql(READER_ROOMS).params(accountId).query((rs, n) -> new Row(rs.getLong("id"),
                RoomKind.valueOf(rs.getString("kind")), rs.getString("edition"), rs.getObject("article_id", Long.class),
                rs.getString("slug"), rs.getString("title"), rs.getLong("last_message_id"),
                instant(rs, "last_activity_at"), rs.getLong("last_read_id"), rs.getLong("unread"))).list();
        List<ReaderRoom> rooms = new ArrayList<>();
        for (Row row : rows) {
            String url;
            if (row.articleId() != null) {
                Optional<Article> article = content.article(row.articleId());
                if (article.isEmpty()) {
                    continue; // the story left the site, and its conversation with it
                }
                url = article.get().path() + "#chat";
            } else {
                url = "/" + row.edition() + "/chat/" + row.slug() + "#chat";
            }
            rooms.add(new ReaderRoom(row.id(), row.kind(), row.edition(), row.title(), url, row.last(),
                    row.activity(), row.read(), row.unread()));
        }
        return rooms;
    }

    /** Millisecond precision, as every stored time: pages print it in {@code datetime}, which allows no more. */
    private Timestamp now() {
        return Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MILLIS));
    }

    /** The public page of a topic room. */
    public static String topicPath(Room room) {
        return "/" + room.edition() + "/chat/" + room.slug();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
