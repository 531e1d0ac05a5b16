package org.dateline.platform.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Inserts rows as one JDBC batch (one round trip where the driver allows) and returns the keys they were given. */
public final class BatchInsert {

    /** Sets one row's parameters. */
    @FunctionalInterface
    public interface Row<T> {
        void set(PreparedStatement statement, T row) throws SQLException;
    }

    private BatchInsert() {
    }

    /**
     * @param keyColumn the generated column to return, whatever case the driver names it in
     * @return each row's generated key, in the order of the rows
     * @throws IllegalStateException when the driver returned another number of keys (the transaction rolls back)
     */
    public static <T> long[] keys(JdbcTemplate jdbc, String sql, String keyColumn, List<T> rows, Row<T> row) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.batchUpdate(connection -> connection.prepareStatement(sql, new String[] {keyColumn}),
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement statement, int i) throws SQLException {
                        row.set(statement, rows.get(i));
                    }

                    @Override
                    public int getBatchSize() {
                        return rows.size();
                    }
                }, keys);
        List<Map<String, Object>> list = keys.getKeyList();
        if (list.size() != rows.size()) {
            throw new IllegalStateException("Expected " + rows.size() + " generated keys, got " + list.size());
        }
        long[] ids = new long[rows.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = ((Number) list.get(i).values().iterator().next()).longValue();
        }
        return ids;
    }
}
