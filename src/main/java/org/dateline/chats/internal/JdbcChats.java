package org.dateline.chats.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

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
import org.dateline.content.ChatPaths;
import org.dateline.content.ContentQueries;
import org.dateline.platform.jdbc.BatchInsert;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
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
    private static final String STAMP_ROOM = "UPDATE chat_rooms SET last_change = ? WHERE id = ?";
    private static final String STAMP_SHOWN = "UPDATE chat_messages SET last_change = ?, shown_change = ? WHERE id = ?";
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
    private static final String CHANGED_SINCE = """
            SELECT id, shown_change, last_change, state FROM chat_messages
            WHERE room_id = ? AND last_change > ? ORDER BY last_change, id LIMIT ?
            """;
    private static final String UNREAD_IN_ROOM = """
            SELECT m.account_id,
                   (SELECT COUNT(*) FROM chat_messages x WHERE x.room_id = m.room_id AND x.id > m.last_read_id
                        AND x.state = 'VISIBLE' AND x.author_id <> m.account_id) AS unread
            FROM chat_memberships m
            WHERE m.room_id = :room AND m.followed AND m.account_id IN (:accounts)
            """;
    private static final String ADD_REACTION = """
            INSERT INTO chat_reactions (message_id, account_id, emoji, created_at) VALUES (?, ?, ?, ?)
            ON CONFLICT DO NOTHING
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final ContentQueries content;
    private final Clock clock;
    private final TransactionTemplate separately;

    JdbcChats(JdbcClient jdbc, JdbcTemplate batches, ContentQueries content, Clock clock,
              PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.batches = batches;
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
    public List<Room> topics(String edition, int limit) {
        return jdbc.sql(ROOM_COLUMNS + " WHERE kind = 'TOPIC' AND edition = ? ORDER BY last_activity_at DESC, id DESC"
                + " LIMIT ?").params(edition, limit).query(this::mapRoom).list();
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

    /** Inserts the messages, one batch of statements; their ids, in the order of the messages. */
    public long[] insertMessages(List<NewMessage> messages) {
        return BatchInsert.keys(batches, INSERT_MESSAGE, "id", messages, (statement, message) -> {
            statement.setLong(1, message.room().id());
            statement.setLong(2, message.authorId());
            statement.setString(3, message.body());
            statement.setObject(4, message.replyTo(), Types.BIGINT);
            statement.setString(5, message.state().name());
            statement.setTimestamp(6, Timestamp.from(message.createdAt()));
        });
    }

    /** Now, as stored: to the millisecond. */
    public Instant timestamp() {
        return now().toInstant();
    }

    public void touchRoom(long roomId, long messageId) {
        jdbc.sql(TOUCH_ROOM).params(messageId, now(), roomId).update();
    }

    /**
     * {@link #touchRoom} for several rooms, one batch, in the map's order (which is the order their rows are locked
     * in: ascending ids, for a {@link java.util.TreeMap}).
     *
     * @param newestMessage by room id
     */
    void touchRooms(Map<Long, Long> newestMessage) {
        Timestamp now = now();
        batches.batchUpdate(TOUCH_ROOM, newestMessage.entrySet().stream()
                .map(room -> new Object[] {room.getValue(), now, room.getKey()}).toList());
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
                .orElseGet(() -> new Conversation(articleId, null, true, List.of(), null, ChatKeys.article(articleId),
                        0));
    }

    @Override
    public Conversation conversation(Room room, int limit) {
        long lastChange = lastChange(room.id()); // read before the messages: whatever changes meanwhile comes again
        List<MessageView> newest = newestFirst(room.id(), Long.MAX_VALUE, limit + 1);
        Long older = null;
        if (newest.size() > limit) {
            newest = newest.subList(0, limit);
            older = newest.get(limit - 1).id();
        }
        List<MessageView> oldestFirst = new ArrayList<>(newest);
        Collections.reverse(oldestFirst);
        return new Conversation(room.articleId(), room.id(), room.state() == RoomState.OPEN, List.copyOf(oldestFirst),
                older, room.articleId() != null ? ChatKeys.article(room.articleId()) : ChatKeys.room(room.id()),
                lastChange);
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

    /** Up to {@code each} visible messages on either side of a message in its room, oldest first. */
    public List<MessageView> around(long roomId, long messageId, int each) {
        List<MessageView> before = new ArrayList<>(newestFirst(roomId, messageId, each));
        Collections.reverse(before);
        before.addAll(views(VIEW_COLUMNS + " WHERE m.room_id = ? AND m.id > ? AND m.state = 'VISIBLE' ORDER BY m.id LIMIT ?",
                roomId, messageId, each));
        return before;
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
                .flatMap(r -> r.articleId() == null ? Optional.of(ChatPaths.topicRoom(r.edition(), r.slug()))
                        : content.article(r.articleId()).map(Article::path))
                .map(path -> ChatPaths.atMessage(path, messageId));
    }

    // ---- change positions, for reconnecting clients (ChatChanges stamps them) ----

    /** Waits for (and holds until commit) the room's row: the changes of one room are stamped one at a time. */
    void lockRoom(long roomId) {
        jdbc.sql("SELECT id FROM chat_rooms WHERE id = ? FOR UPDATE").params(roomId).query(Long.class).optional();
    }

    void lockMessage(long messageId) {
        jdbc.sql("SELECT id FROM chat_messages WHERE id = ? FOR UPDATE").params(messageId).query(Long.class)
                .optional();
    }

    /** The rooms' newest change positions (by room id), one batch. */
    void stampRooms(Map<Long, Long> positions) {
        batches.batchUpdate(STAMP_ROOM, positions.entrySet().stream()
                .map(room -> new Object[] {room.getValue(), room.getKey()}).toList());
    }

    /** Messages became visible at the positions (the i-th message at the i-th position), one batch. */
    void stampShown(long[] messageIds, long[] positions) {
        List<Object[]> rows = new ArrayList<>(messageIds.length);
        for (int i = 0; i < messageIds.length; i++) {
            rows.add(new Object[] {positions[i], positions[i], messageIds[i]});
        }
        batches.batchUpdate(STAMP_SHOWN, rows);
    }

    /** A visible message changed at the position. */
    void stampChanged(long messageId, long position) {
        jdbc.sql("UPDATE chat_messages SET last_change = ? WHERE id = ?").params(position, messageId).update();
    }

    /** The position of the room's newest change, 0 for none (or none since positions were kept). */
    public long lastChange(long roomId) {
        return jdbc.sql("SELECT last_change FROM chat_rooms WHERE id = ?").params(roomId).query(Long.class).optional()
                .orElse(0L);
    }

    /**
     * A message of a room that changed after a position, as it is now.
     *
     * @param shownChange where it became visible; null if it never was
     * @param view        the message as readers see it now, or null when it is no longer visible
     */
    public record ChangedMessage(long id, Long shownChange, long lastChange, MessageView view) {
    }

    /** The room's messages changed after the position, in the order of their last change; at most {@code limit}. */
    public List<ChangedMessage> changedSince(long roomId, long position, int limit) {
        record Row(long id, Long shown, long last, MessageState state) {
        }
        List<Row> rows = jdbc.sql(CHANGED_SINCE).params(roomId, position, limit)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getObject("shown_change", Long.class),
                        rs.getLong("last_change"), MessageState.valueOf(rs.getString("state")))).list();
        List<Long> visible = rows.stream().filter(r -> r.state() == MessageState.VISIBLE).map(Row::id).toList();
        Map<Long, MessageView> views = new HashMap<>();
        if (!visible.isEmpty()) {
            views(jdbc.sql(VIEW_COLUMNS + " WHERE m.id IN (:ids)").param("ids", visible))
                    .forEach(v -> views.put(v.id(), v));
        }
        return rows.stream().map(r -> new ChangedMessage(r.id(), r.shown(), r.last(), views.get(r.id()))).toList();
    }

    private List<MessageView> views(String sql, Object... params) {
        return views(jdbc.sql(sql).params(params));
    }

    private List<MessageView> views(JdbcClient.StatementSpec statement) {
        record Row(long id, long roomId, String edition, long authorId, String author, String body, Long replyTo,
                   MessageState state, Instant created, Instant edited) {
        }
        List<Row> rows = statement.query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("room_id"),
                rs.getString("edition"), rs.getLong("author_id"), rs.getString("display_name"), rs.getString("body"),
                rs.getObject("reply_to", Long.class), MessageState.valueOf(rs.getString("state")),
                instant(rs, "created_at"), instant(rs, "edited_at"))).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, Map<String, Integer>> reactions = reactionCounts(rows.stream().map(Row::id).toList());
        return rows.stream().map(r -> new MessageView(r.id(), r.roomId(), r.edition(), r.authorId(), r.author(),
                r.body(), MessageHtml.render(r.body()), r.replyTo(), r.created(), r.edited(),
                reactions.getOrDefault(r.id(), Map.of()), ChatPaths.permalink(r.edition(), r.id()), r.state()))
                .toList();
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
    /** The reader has read the room up to the message, and follows it from now on if not a member yet. */
    public void readUpTo(long accountId, long roomId, long messageId) {
        if (jdbc.sql(READ_UP_TO).params(messageId, accountId, roomId).update() > 0) {
            return; // a member already: the usual case, one statement
        }
        jdbc.sql(JOIN_ROOM).params(accountId, roomId, now()).update();
        jdbc.sql(READ_UP_TO).params(messageId, accountId, roomId).update();
    }

    /** A reader has read a room up to a message. */
    public record ReadUpTo(long accountId, long roomId, long messageId) {
    }

    /**
     * {@link #readUpTo} for several, one batch (in the order of rooms, then readers: two batches touch the rows they
     * share in the same order); only a reader not yet a member of the room costs statements of their own.
     */
    public void readUpTo(List<ReadUpTo> reads) {
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
                   Instant activity, long read, long unread, String lastAuthor, String lastBody) {
        }
        List<Row> rows = jdbc.sql(READER_ROOMS).params(accountId).query((rs, n) -> new Row(rs.getLong("id"),
                RoomKind.valueOf(rs.getString("kind")), rs.getString("edition"), rs.getObject("article_id", Long.class),
                rs.getString("slug"), rs.getString("title"), rs.getLong("last_message_id"),
                instant(rs, "last_activity_at"), rs.getLong("last_read_id"), rs.getLong("unread"),
                rs.getString("last_author"), rs.getString("last_body"))).list();
        List<ReaderRoom> rooms = new ArrayList<>();
        for (Row row : rows) {
            link(row.articleId(), row.edition(), row.slug(), row.title()).ifPresent(link -> rooms.add(new ReaderRoom(
                    row.id(), row.kind(), row.edition(), link.title(), link.url(), row.last(), row.activity(),
                    row.read(), row.unread(), row.lastAuthor(), ReaderRoom.preview(row.lastBody()))));
        }
        return rooms;
    }

    /** A room's title and address as a reader's list of rooms shows them. */
    public record RoomLink(String title, String url) {
    }

    public Optional<RoomLink> link(Room room) {
        return link(room.articleId(), room.edition(), room.slug(), room.title());
    }

    /** Empty when the room's story left the site (its conversation with it). */
    private Optional<RoomLink> link(Long articleId, String edition, String slug, String title) {
        if (articleId == null) {
            return Optional.of(new RoomLink(title, ChatPaths.atConversation(ChatPaths.topicRoom(edition, slug))));
        }
        // the headline as it reads now, not as it read when the room opened
        return content.article(articleId).map(article -> new RoomLink(article.headline(),
                ChatPaths.atConversation(article.path())));
    }

    /** The unread counts in the room of those of the readers who follow it (the others are not in the answer). */
    public Map<Long, Long> unreadIn(long roomId, java.util.Collection<Long> accountIds) {
        Map<Long, Long> unread = new HashMap<>();
        List<Long> all = List.copyOf(accountIds);
        for (int from = 0; from < all.size(); from += 500) {
            jdbc.sql(UNREAD_IN_ROOM).param("room", roomId).param("accounts", all.subList(from,
                            Math.min(all.size(), from + 500)))
                    .query((org.springframework.jdbc.core.RowCallbackHandler) rs ->
                            unread.put(rs.getLong("account_id"), rs.getLong("unread")));
        }
        return unread;
    }

    /** Millisecond precision, as every stored time: pages print it in {@code datetime}, which allows no more. */
    private Timestamp now() {
        return Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MILLIS));
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
