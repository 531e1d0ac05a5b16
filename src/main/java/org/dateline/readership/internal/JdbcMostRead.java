package org.dateline.readership.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dateline.readership.Ranking;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Most read's tables: the views per article and hour are summed into scores, the rankings are stored per edition and
 * section, and the one row of {@code most_read_runs} says when the next ranking is due and who computed the last.
 */
@Repository
public class JdbcMostRead {

    /** Whose list: an edition's ({@link Ranking#WHOLE_EDITION}) or a section's. */
    record Scope(String edition, long sectionId) {
    }

    /** An article's views over the window, in thousandths of a view (the oldest hour counts in part). */
    record Score(long articleId, long perMille) {
    }

    private static final String SCORES = """
            SELECT article_id,
                   SUM(CASE WHEN view_hour = :oldest THEN CAST(views AS BIGINT) * :oldestPerMille
                            ELSE CAST(views AS BIGINT) * 1000 END) AS score
            FROM article_view_hours
            WHERE view_hour >= :oldest
            GROUP BY article_id
            """;
    private static final String CLAIM = """
            UPDATE most_read_runs SET due_at = ?, computed_at = ?, computed_by = ?, runs = runs + 1
            WHERE id = 1 AND due_at <= ?
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    JdbcMostRead(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /** A stored list, best first. */
    public List<Long> list(String edition, long sectionId) {
        return jdbc.sql("SELECT article_id FROM most_read WHERE edition = ? AND section_id = ? ORDER BY position")
                .params(edition, sectionId).query(Long.class).list();
    }

    /** An edition's list and one of its section's, in one query: a section's own first, then the edition's. */
    public Map<Long, List<Long>> sectionAndEdition(String edition, long sectionId) {
        Map<Long, List<Long>> lists = new LinkedHashMap<>();
        lists.put(sectionId, new ArrayList<>());
        lists.put(Ranking.WHOLE_EDITION, new ArrayList<>());
        jdbc.sql("SELECT section_id, article_id FROM most_read WHERE edition = ? AND section_id IN (?, ?)"
                        + " ORDER BY section_id, position")
                .params(edition, sectionId, Ranking.WHOLE_EDITION)
                .query(rs -> {
                    lists.get(rs.getLong("section_id")).add(rs.getLong("article_id"));
                });
        return lists;
    }

    /** Every stored list, by edition and section. */
    Map<Scope, List<Long>> all() {
        Map<Scope, List<Long>> lists = new LinkedHashMap<>();
        jdbc.sql("SELECT edition, section_id, article_id FROM most_read ORDER BY edition, section_id, position")
                .query(rs -> {
                    lists.computeIfAbsent(new Scope(rs.getString("edition"), rs.getLong("section_id")),
                            scope -> new ArrayList<>()).add(rs.getLong("article_id"));
                });
        return lists;
    }

    /** Stores a list in place of the one stored (none when it is empty). */
    void replace(Scope scope, List<Long> articleIds) {
        jdbc.sql("DELETE FROM most_read WHERE edition = ? AND section_id = ?")
                .params(scope.edition(), scope.sectionId()).update();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < articleIds.size(); i++) {
            rows.add(new Object[] {scope.edition(), scope.sectionId(), i + 1, articleIds.get(i)});
        }
        if (!rows.isEmpty()) {
            batches.batchUpdate("INSERT INTO most_read (edition, section_id, position, article_id) VALUES (?, ?, ?, ?)",
                    rows);
        }
    }

    /** Each article's views over the window; articles without any are left out. */
    List<Score> scores(ViewHours hours) {
        return jdbc.sql(SCORES).param("oldest", hours.oldest()).param("oldestPerMille", hours.oldestPerMille())
                .query((rs, n) -> new Score(rs.getLong("article_id"), rs.getLong("score"))).list()
                .stream().filter(score -> score.perMille() > 0).toList();
    }

    /**
     * Takes the ranking that is due at {@code now} for this node: of nodes asking at once exactly one moves
     * {@code due_at} to {@code next} (the others' update waits for its commit, then finds {@code due_at} in the
     * future). Inside the transaction that stores the ranking, so a node that fails midway leaves it due.
     *
     * @return whether this node computes now
     */
    boolean claim(Instant now, Instant next, String node) {
        return jdbc.sql(CLAIM).params(utc(next), utc(now), node, utc(now)).update() == 1;
    }

    /** When the next ranking is due. */
    Instant dueAt() {
        return jdbc.sql("SELECT due_at FROM most_read_runs WHERE id = 1").query(OffsetDateTime.class).single()
                .toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
