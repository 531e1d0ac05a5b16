package org.dateline.changes.internal;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

import org.dateline.changes.ChangeLog;
import org.dateline.platform.jdbc.BatchInsert;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

@Repository
class JdbcChangeLog implements ChangeLog {

    private static final String INSERT = """
            INSERT INTO change_log (created_at, kind, edition, subject_id, surrogate_keys) VALUES (?, ?, ?, ?, ?)
            """;
    private static final String HEAD = "SELECT COALESCE(MAX(position), 0) FROM change_log";
    static final String CHANNEL = "dateline_changes";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final Clock clock;
    private final Wakeup wakeup;
    private final DatabaseKind database;

    JdbcChangeLog(JdbcClient jdbc, JdbcTemplate batches, Clock clock, Wakeup wakeup, DatabaseKind database) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.clock = clock;
        this.wakeup = wakeup;
        this.database = database;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public long append(String kind, String edition, Long subjectId, Collection<String> keys) {
        return appendAll(List.of(new Entry(kind, edition, subjectId, keys)))[0];
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public long[] appendAll(List<Entry> entries) {
        if (entries.isEmpty()) {
            return new long[0];
        }
        Timestamp now = Timestamp.from(clock.instant());
        long[] positions = BatchInsert.keys(batches, INSERT, "position", entries, (statement, entry) -> {
            statement.setTimestamp(1, now);
            statement.setString(2, entry.kind());
            statement.setString(3, entry.edition());
            statement.setObject(4, entry.subjectId(), Types.BIGINT);
            statement.setString(5, joined(entry.keys()));
        });
        notifyAtCommit();
        return positions;
    }

    private static String joined(Collection<String> keys) {
        return String.join(" ", new TreeSet<>(keys));
    }

    /** Once per transaction, however many changes it appends (a group of chat messages appends dozens). */
    private void notifyAtCommit() {
        if (TransactionSynchronizationManager.hasResource(this)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                if (database.isPostgres()) {
                    // Delivered to every listening node at commit, never for a rolled-back transaction.
                    jdbc.sql("NOTIFY " + CHANNEL).update();
                }
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(JdbcChangeLog.this);
            }

            @Override
            public void afterCommit() {
                wakeup.signal(); // this node need not wait for a poll or a notification round trip
            }
        });
    }

    @Override
    public long head() {
        return jdbc.sql(HEAD).query(Long.class).single();
    }
}
