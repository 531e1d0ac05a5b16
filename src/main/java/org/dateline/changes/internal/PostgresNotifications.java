package org.dateline.changes.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.dateline.platform.jdbc.DatabaseKind;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, one connection per node listens on the change log's channel and wakes the tailer when any node
 * commits a change. On other databases it does nothing and the tailer polls.
 */
@Component
class PostgresNotifications {

    private static final Logger log = LoggerFactory.getLogger(PostgresNotifications.class);

    private final DataSource dataSource;
    private final DatabaseKind database;
    private final Wakeup wakeup;
    private volatile boolean running;
    private Thread thread;

    PostgresNotifications(DataSource dataSource, DatabaseKind database, Wakeup wakeup) {
        this.dataSource = dataSource;
        this.database = database;
        this.wakeup = wakeup;
    }

    void start() {
        if (!database.isPostgres()) {
            return;
        }
        running = true;
        thread = new Thread(this::listen, "change-notifications");
        thread.setDaemon(true);
        thread.start();
    }

    void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + JdbcChangeLog.CHANNEL);
                }
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                wakeup.signal(); // anything committed while we were not listening
                try {
                    while (running) {
                        PGNotification[] received = pg.getNotifications(1000);
                        if (received != null && received.length > 0) {
                            wakeup.signal();
                        }
                    }
                } finally {
                    // The connection goes back to the pool: it must not keep collecting notifications there.
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("UNLISTEN *");
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    log.warn("Lost the change notification connection; reconnecting", e);
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException interrupted) {
                        return;
                    }
                }
            }
        }
    }
}
