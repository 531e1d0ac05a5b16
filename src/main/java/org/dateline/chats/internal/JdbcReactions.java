package org.dateline.chats.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dateline.chats.Reaction;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Readers' reactions to messages ({@code chat_reactions}): one per reader and message. Public for the use cases. */
@Repository
public class JdbcReactions {

    private static final String ADD_REACTION = """
            INSERT INTO chat_reactions (message_id, account_id, emoji, created_at) VALUES (?, ?, ?, ?)
            ON CONFLICT DO NOTHING
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcReactions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Sets the reader's reaction; true when something changed. */
    public boolean react(long messageId, long accountId, Reaction reaction) {
        Timestamp now = StoredTimes.now(clock);
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

    /** The message's counts by reaction code, only those above zero, in {@link Reaction} order. */
    public Map<String, Integer> reactionCounts(long messageId) {
        return counts(List.of(messageId)).getOrDefault(messageId, Map.of());
    }

    /** {@link #reactionCounts} of several messages, one query; a message nobody reacted to is not in the answer. */
    Map<Long, Map<String, Integer>> counts(List<Long> messageIds) {
        Map<Long, Map<String, Integer>> raw = new HashMap<>();
        jdbc.sql("SELECT message_id, emoji, COUNT(*) AS n FROM chat_reactions WHERE message_id IN (:ids) "
                        + "GROUP BY message_id, emoji")
                .param("ids", messageIds)
                .query((RowCallbackHandler) rs -> raw.computeIfAbsent(rs.getLong("message_id"), k -> new HashMap<>())
                        .put(rs.getString("emoji"), rs.getInt("n")));
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
}
