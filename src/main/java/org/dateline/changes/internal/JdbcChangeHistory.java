package org.dateline.changes.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.dateline.changes.Change;
import org.dateline.changes.ChangeHistory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcChangeHistory implements ChangeHistory {

    private static final String SELECT_AFTER = """
            SELECT position, created_at, kind, edition, subject_id, surrogate_keys
            FROM change_log WHERE position > ? ORDER BY position LIMIT ?
            """;

    private final JdbcClient jdbc;

    JdbcChangeHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Change> after(long position, int limit) {
        return jdbc.sql(SELECT_AFTER).params(position, limit).query((rs, n) -> new Change(
                rs.getLong("position"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("kind"),
                rs.getString("edition"),
                (Long) rs.getObject("subject_id", Long.class),
                keys(rs.getString("surrogate_keys")))).list();
    }

    @Override
    public long oldest() {
        return jdbc.sql("SELECT COALESCE(MIN(position), 0) FROM change_log").query(Long.class).single();
    }

    private static Set<String> keys(String joined) {
        return joined == null || joined.isBlank() ? Set.of()
                : Arrays.stream(joined.split(" ")).collect(Collectors.toUnmodifiableSet());
    }
}
