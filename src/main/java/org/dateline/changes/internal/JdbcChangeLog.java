package org.dateline.changes.internal;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.dateline.changes.Change;
import org.dateline.changes.ChangeLog;
import org.dateline.changes.CommitListener;
import org.dateline.platform.jdbc.BatchInsert;
import org.dateline.platform.jdbc.DatabaseKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
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
    private static final Logger log = LoggerFactory.getLogger(JdbcChangeLog.class);

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final Clock clock;
    private final Wakeup wakeup;
    private final DatabaseKind database;
    private final ObjectProvider<CommitListener> commitListeners;
    /** Resolved at the first commit: the listeners depend on stores that append to this log. */
    private volatile List<CommitListener> atCommit;

    JdbcChangeLog(JdbcClient jdbc, JdbcTemplate batches, Clock clock, Wakeup wakeup, DatabaseKind database,
                  ObjectProvider<CommitListener> commitListeners) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.clock = clock;
        this.wakeup = wakeup;
        this.database = database;
        this.commitListeners = commitListeners;
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
        List<Change> appended = notifyAtCommit();
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            appended.add(new Change(positions[i], now.toInstant(), entry.kind(), entry.edition(), entry.subjectId(),
                    Set.copyOf(entry.keys())));
        }
        return positions;
    }

    private static String joined(Collection<String> keys) {
        return String.join(" ", new TreeSet<>(keys));
    }

    /**
     * Once per transaction, however many changes it appends (a group of chat messages appends dozens).
     *
     * @return the transaction's appended changes so far, for this node's {@link CommitListener}s after the commit
     */
    @SuppressWarnings("unchecked")
    private List<Change> notifyAtCommit() {
        Object bound = TransactionSynchronizationManager.getResource(this);
        if (bound != null) {
            return (List<Change>) bound;
        }
        List<Change> appended = new ArrayList<>();
        TransactionSynchronizationManager.bindResource(this, appended);
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
                committed(appended);
                wakeup.signal(); // this node need not wait for a poll or a notification round trip
            }
        });
        return appended;
    }

    /** The transaction committed: it is stored whatever a listener does, so a failing one is logged, not thrown. */
    private void committed(List<Change> appended) {
        List<CommitListener> listeners = atCommit;
        if (listeners == null) {
            listeners = commitListeners.orderedStream().toList();
            atCommit = listeners;
        }
        for (CommitListener listener : listeners) {
            for (Change change : appended) {
                try {
                    listener.onChange(change);
                } catch (RuntimeException e) {
                    log.warn("Listener {} failed at the commit of change {} ({})", listener.getClass().getSimpleName(),
                            change.position(), change.kind(), e);
                }
            }
        }
    }

    @Override
    public long head() {
        return jdbc.sql(HEAD).query(Long.class).single();
    }
}
