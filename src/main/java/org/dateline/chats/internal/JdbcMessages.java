package org.dateline.chats.internal;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dateline.chats.Message;
import org.dateline.chats.MessageHtml;
import org.dateline.chats.MessageState;
import org.dateline.chats.MessageView;
import org.dateline.chats.Quote;
import org.dateline.content.ChatPaths;
import org.dateline.platform.jdbc.BatchInsert;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Messages in the database ({@code chat_messages}): stored, edited, removed, read as readers see them (with their
 * reactions' counts), and the change-log positions at which each became visible and last changed. Public for the
 * module's use cases.
 */
@Repository
public class JdbcMessages {

    private static final String MESSAGE_COLUMNS = """
            SELECT id, room_id, author_id, body, reply_to, state, created_at, edited_at, deleted_at FROM chat_messages
            """;
    private static final String VIEW_COLUMNS = """
            SELECT m.id, m.room_id, r.edition, m.author_id, a.display_name, m.body, m.reply_to, m.state, m.created_at,
                   m.edited_at, q.state AS quoted_state, q.body AS quoted_body, qa.display_name AS quoted_author
            FROM chat_messages m JOIN chat_rooms r ON r.id = m.room_id JOIN accounts a ON a.id = m.author_id
                 LEFT JOIN chat_messages q ON q.id = m.reply_to LEFT JOIN accounts qa ON qa.id = q.author_id
            """;
    private static final String INSERT_MESSAGE = """
            INSERT INTO chat_messages (room_id, author_id, body, reply_to, state, created_at) VALUES (?, ?, ?, ?, ?, ?)
            """;
    private static final String STAMP_SHOWN = "UPDATE chat_messages SET last_change = ?, shown_change = ? WHERE id = ?";
    private static final String CHANGED_SINCE = """
            SELECT id, shown_change, last_change, state FROM chat_messages
            WHERE room_id = ? AND last_change > ? ORDER BY last_change, id LIMIT ?
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final JdbcReactions reactions;
    private final Clock clock;

    JdbcMessages(JdbcClient jdbc, JdbcTemplate batches, JdbcReactions reactions, Clock clock) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.reactions = reactions;
        this.clock = clock;
    }

    public Optional<Message> findMessage(long id) {
        return jdbc.sql(MESSAGE_COLUMNS + " WHERE id = ?").params(id).query((rs, n) -> new Message(rs.getLong("id"),
                rs.getLong("room_id"), rs.getLong("author_id"), rs.getString("body"),
                rs.getObject("reply_to", Long.class), MessageState.valueOf(rs.getString("state")),
                StoredTimes.instant(rs, "created_at"), StoredTimes.instant(rs, "edited_at"),
                StoredTimes.instant(rs, "deleted_at"))).optional();
    }

    /** Inserts the messages, one batch of statements; their ids, in the order of the messages. */
    long[] insertMessages(List<NewMessage> messages) {
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
        return StoredTimes.now(clock).toInstant();
    }

    public void updateBody(long messageId, String body) {
        jdbc.sql("UPDATE chat_messages SET body = ?, edited_at = ? WHERE id = ?")
                .params(body, StoredTimes.now(clock), messageId).update();
    }

    public void remove(long messageId, MessageState state) {
        jdbc.sql("UPDATE chat_messages SET state = ?, deleted_at = ? WHERE id = ?")
                .params(state.name(), StoredTimes.now(clock), messageId).update();
    }

    public void setState(long messageId, MessageState state) {
        jdbc.sql("UPDATE chat_messages SET state = ? WHERE id = ?").params(state.name(), messageId).update();
    }

    /** When the reader last posted in the room (any state), for slow mode. */
    public Optional<Instant> lastPostedAt(long accountId, long roomId) {
        return jdbc.sql("SELECT MAX(created_at) FROM chat_messages WHERE author_id = ? AND room_id = ?")
                .params(accountId, roomId).query((rs, n) -> StoredTimes.instant(rs, 1)).optional();
    }

    // ---- as readers see them ----

    /** How a reply to the message quotes it now; empty when there is no such message or it shows nothing. */
    public Optional<Quote> quote(long messageId) {
        return jdbc.sql("SELECT m.state, m.body, a.display_name FROM chat_messages m JOIN accounts a ON a.id = m.author_id"
                        + " WHERE m.id = ?").params(messageId)
                .query((rs, n) -> Optional.ofNullable(Quote.of(MessageState.valueOf(rs.getString("state")),
                        rs.getString("display_name"), rs.getString("body")))).optional().flatMap(q -> q);
    }

    /** A visible message. */
    public Optional<MessageView> message(long messageId) {
        return views(VIEW_COLUMNS + " WHERE m.id = ? AND m.state = 'VISIBLE'", messageId).stream().findFirst();
    }

    /** A message whatever its state, for its author's acknowledgement and the moderators. */
    public Optional<MessageView> anyMessage(long messageId) {
        return views(VIEW_COLUMNS + " WHERE m.id = ?", messageId).stream().findFirst();
    }

    /** Held messages waiting for a moderator, oldest first. */
    public List<MessageView> held(int limit) {
        return views(VIEW_COLUMNS + " WHERE m.state = 'HELD' ORDER BY m.id LIMIT ?", limit);
    }

    /** Up to {@code limit} visible messages of the room before the message id {@code before}, newest first. */
    List<MessageView> newestFirst(long roomId, long before, int limit) {
        return views(VIEW_COLUMNS + " WHERE m.room_id = ? AND m.id < ? AND m.state = 'VISIBLE' ORDER BY m.id DESC LIMIT ?",
                roomId, before, limit);
    }

    /** Visible messages after the id, oldest first; when more than the limit, the newest ones. */
    List<MessageView> after(long roomId, long afterId, int limit) {
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

    // ---- change positions, for reconnecting clients (ChatChanges stamps them) ----

    void lockMessage(long messageId) {
        jdbc.sql("SELECT id FROM chat_messages WHERE id = ? FOR UPDATE").params(messageId).query(Long.class)
                .optional();
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

    /**
     * A message of a room that changed after a position, as it is now.
     *
     * @param shownChange where it became visible; null if it never was
     * @param view        the message as readers see it now, or null when it is no longer visible
     */
    record ChangedMessage(long id, Long shownChange, long lastChange, MessageView view) {
    }

    /** The room's messages changed after the position, in the order of their last change; at most {@code limit}. */
    List<ChangedMessage> changedSince(long roomId, long position, int limit) {
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
                   MessageState state, Instant created, Instant edited, Quote quote) {
        }
        List<Row> rows = statement.query((rs, n) -> {
            String quoted = rs.getString("quoted_state");
            return new Row(rs.getLong("id"), rs.getLong("room_id"), rs.getString("edition"), rs.getLong("author_id"),
                    rs.getString("display_name"), rs.getString("body"), rs.getObject("reply_to", Long.class),
                    MessageState.valueOf(rs.getString("state")), StoredTimes.instant(rs, "created_at"),
                    StoredTimes.instant(rs, "edited_at"), quoted == null ? null : Quote.of(MessageState.valueOf(quoted),
                            rs.getString("quoted_author"), rs.getString("quoted_body")));
        }).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, Map<String, Integer>> counts = reactions.counts(rows.stream().map(Row::id).toList());
        return rows.stream().map(r -> new MessageView(r.id(), r.roomId(), r.edition(), r.authorId(), r.author(),
                r.body(), MessageHtml.render(r.body()), r.replyTo(), r.created(), r.edited(),
                counts.getOrDefault(r.id(), Map.of()), ChatPaths.permalink(r.edition(), r.id()), r.state(), r.quote()))
                .toList();
    }
}
