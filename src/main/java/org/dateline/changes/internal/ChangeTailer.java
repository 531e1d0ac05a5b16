package org.dateline.changes.internal;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.dateline.changes.Change;
import org.dateline.changes.ChangeHistory;
import org.dateline.changes.ChangeListener;
import org.dateline.platform.DatelineSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tails the change log on this node and hands each entry, in order, to every {@link ChangeListener}.
 * <p>
 * Positions come from an identity column, so a transaction that commits late can leave a hole below entries already
 * visible. The tailer stops at such a hole and waits for it to fill; only when it has waited the gap timeout (or the
 * entry after the hole is older than a minute) does it treat the hole as a rolled-back transaction and move on.
 */
@Component
class ChangeTailer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChangeTailer.class);
    private static final int BATCH = 500;
    private static final Duration STALE_HOLE = Duration.ofMinutes(1);
    /**
     * How often the position is written down at most. A restarted node hands on again what came after it (at most
     * this much): its caches, sockets and streams are new then, and the index takes an article twice alike. Written
     * after every batch, it was a commit of its own many times a second under load.
     */
    private static final long STORE_EVERY_NANOS = 1_000_000_000L;
    private static final String SELECT_CURSOR = "SELECT position FROM change_cursors WHERE node_id = ?";
    private static final String UPDATE_CURSOR = "UPDATE change_cursors SET position = ?, updated_at = ? WHERE node_id = ?";
    private static final String INSERT_CURSOR = "INSERT INTO change_cursors (node_id, position, updated_at) VALUES (?, ?, ?)";
    private static final String PRUNE = "DELETE FROM change_log WHERE created_at < ?";

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Clock clock;
    private final Wakeup wakeup;
    private final ObjectProvider<ChangeListener> listeners;
    /** Looked up once, at start (every listener is a singleton by then): not for every change. */
    private volatile List<ChangeListener> listening = List.of();
    private final String nodeId;
    private final ChangesSettings settings;
    private final PostgresNotifications notifications;
    private final ChangeHistory history;

    private volatile boolean running;
    private volatile long position;
    private long storedPosition = -1;
    private long storedAt;
    /**
     * When this node first saw each hole it has not passed yet, by the position of the change above the hole: holes
     * seen in one read age together, so several rolled-back transactions in a row cost one gap timeout, not one each.
     */
    private final java.util.NavigableMap<Long, Instant> holesSeen = new java.util.TreeMap<>();
    private Thread thread;
    /** The tailer thread's connection while changes keep coming ({@link #catchUp}). */
    private Connection held;

    ChangeTailer(JdbcClient jdbc, DataSource dataSource, Clock clock, Wakeup wakeup,
                 ObjectProvider<ChangeListener> listeners, DatelineSettings node, ChangesSettings settings,
                 PostgresNotifications notifications, ChangeHistory history) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.clock = clock;
        this.wakeup = wakeup;
        this.listeners = listeners;
        this.nodeId = node.effectiveNodeId();
        this.settings = settings;
        this.notifications = notifications;
        this.history = history;
    }

    @Override
    public void start() {
        position = jdbc.sql(SELECT_CURSOR).params(nodeId).query(Long.class).optional().orElseGet(this::startingPoint);
        listening = listeners.orderedStream().toList();
        running = true;
        notifications.start();
        thread = new Thread(this::run, "change-tailer");
        thread.setDaemon(true);
        thread.start();
        log.info("Change log tailer of node {} starts after position {}", nodeId, position);
    }

    /** A node that never ran has nothing in its caches to correct: it starts at the head of the log. */
    private long startingPoint() {
        long head = jdbc.sql("SELECT COALESCE(MAX(position), 0) FROM change_log").query(Long.class).single();
        jdbc.sql(INSERT_CURSOR).params(nodeId, head, Timestamp.from(clock.instant())).update();
        return head;
    }

    @Override
    public void stop() {
        running = false;
        notifications.stop();
        if (thread != null) {
            wakeup.signal();
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (thread == null || !thread.isAlive()) {
            try {
                storePosition(true);
            } catch (RuntimeException e) {
                log.warn("Could not write down the change log position {} of node {}", position, nodeId, e);
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The last position this node has handed to its listeners. */
    long position() {
        return position;
    }

    private void run() {
        try {
            while (running) {
                try {
                    boolean more = catchUp();
                    if (!more) {
                        storePosition(false); // idle: what was skipped under load is written down now
                        wakeup.await(settings.pollInterval());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    if (running) {
                        log.warn("Change log read failed; retrying", e);
                        sleepQuietly(settings.pollInterval());
                    }
                }
            }
        } finally {
            release();
        }
    }

    /**
     * Reads and dispatches one batch; true when a full batch suggests more is waiting.
     * <p>
     * The batch runs on one pooled connection bound to this thread, which the listeners' own reads share (a chat
     * frame reads the message it announces). Each statement still commits on its own. Without it every such read
     * queued for a connection again, behind all the request threads waiting on the pool, and under load delivery
     * fell behind by tens of seconds. The connection is kept from batch to batch while there are changes, and given
     * back once a read finds none: under load, asking the pool for it at every wakeup put the tailer in the same
     * queue again (a thread dump caught it there, deliveries seconds behind).
     */
    boolean catchUp() {
        if (TransactionSynchronizationManager.hasResource(dataSource)) {
            return readAndDispatch(); // called where a connection is already bound (inside a transaction)
        }
        if (held == null) {
            held = DataSourceUtils.getConnection(dataSource);
        }
        long before = position;
        TransactionSynchronizationManager.bindResource(dataSource, new ConnectionHolder(held));
        boolean more;
        try {
            more = readAndDispatch();
        } catch (RuntimeException e) { // perhaps the connection broke: the next read takes another
            TransactionSynchronizationManager.unbindResource(dataSource);
            release();
            throw e;
        }
        TransactionSynchronizationManager.unbindResource(dataSource);
        if (position == before) {
            release(); // nothing new: idle, perhaps for long
        }
        return more;
    }

    private void release() {
        if (held != null) {
            DataSourceUtils.releaseConnection(held, dataSource);
            held = null;
        }
    }

    private boolean readAndDispatch() {
        List<Change> batch = history.after(position, BATCH);
        long before = position;
        Instant now = clock.instant();
        long below = position;
        for (Change change : batch) {
            if (change.position() != below + 1) {
                holesSeen.putIfAbsent(change.position(), now);
            }
            below = change.position();
        }
        for (Change change : batch) {
            boolean hole = change.position() != position + 1;
            if (hole && waitsAtHole(change)) {
                break; // an earlier transaction may still commit into the hole
            }
            dispatch(change);
            position = change.position();
        }
        holesSeen.headMap(position, true).clear(); // passed: filled, or given up as rolled back
        storePosition(false);
        return batch.size() == BATCH && position != before;
    }

    /**
     * Whether to keep waiting at the hole below this change. The hole's age counts from when this node first saw it:
     * counted from the time of the change after it, a tailer more than the gap timeout behind (under load) took every
     * transaction still committing for a rolled-back one and skipped it, and its change was never delivered. A
     * change older than a minute (a backlog after a restart) does not wait: no transaction stays open that long
     * between taking its position and committing.
     */
    private boolean waitsAtHole(Change change) {
        Instant now = clock.instant();
        if (change.at().isBefore(now.minus(STALE_HOLE))) {
            return false;
        }
        Instant seen = holesSeen.computeIfAbsent(change.position(), above -> now);
        return now.isBefore(seen.plus(settings.gapTimeout()));
    }

    private void dispatch(Change change) {
        for (ChangeListener listener : listening) {
            try {
                listener.onChange(change);
            } catch (RuntimeException e) {
                log.error("Change listener {} failed on change {}", listener.getClass().getSimpleName(),
                        change.position(), e);
            }
        }
    }

    /** Writes the position down when it moved and (unless {@code now}) the last write is a while ago. */
    private void storePosition(boolean now) {
        long at = System.nanoTime();
        if (position == storedPosition || !now && storedPosition >= 0 && at - storedAt < STORE_EVERY_NANOS) {
            return;
        }
        long written = position;
        Timestamp time = Timestamp.from(clock.instant());
        if (jdbc.sql(UPDATE_CURSOR).params(written, time, nodeId).update() == 0) {
            jdbc.sql(INSERT_CURSOR).params(nodeId, written, time).update();
        }
        storedPosition = written;
        storedAt = at;
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Old entries go after the retention period; a node away longer than that starts afresh at the head. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void prune() {
        int removed = jdbc.sql(PRUNE).params(Timestamp.from(clock.instant().minus(settings.retention()))).update();
        if (removed > 0) {
            log.info("Pruned {} change log entries older than {}", removed, settings.retention());
        }
    }
}
