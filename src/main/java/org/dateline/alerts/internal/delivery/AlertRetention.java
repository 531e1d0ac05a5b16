package org.dateline.alerts.internal.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.IntSupplier;

import org.dateline.alerts.internal.JdbcSubscriptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Deletes what alerts no longer need, every {@link AlertSettings#pruneInterval()} on every node: sent, failed and
 * withdrawn alerts, digests and then their jobs older than {@link AlertSettings#retention()}; visitors' subscriptions
 * that waited for a confirmation longer than {@link AlertSettings#confirmExpiry()} (their link no longer works), and
 * visitors who never confirmed and asked for nothing since. Each delete names rows by primary key, found through an
 * index, a batch at a time in its own short transaction, and re-checks its condition: nodes running it at once
 * delete each row once and wait on nobody for long. A run stops after {@link #BATCHES} batches of a kind; the next
 * run goes on.
 */
@Component
class AlertRetention {

    private static final Logger log = LoggerFactory.getLogger(AlertRetention.class);
    static final int BATCH = 500;
    static final int BATCHES = 20;
    private static final List<String> FINAL = List.of("SENT", "FAILED", "WITHDRAWN");
    private static final List<String> CHANNELS = List.of("EMAIL", "PUSH", "DIGEST");

    private final JdbcAlerts alerts;
    private final JdbcSubscriptions subscriptions;
    private final AlertSettings settings;
    private final Clock clock;

    AlertRetention(JdbcAlerts alerts, JdbcSubscriptions subscriptions, AlertSettings settings, Clock clock) {
        this.alerts = alerts;
        this.subscriptions = subscriptions;
        this.settings = settings;
        this.clock = clock;
    }

    /** One run; how many rows it deleted. */
    int prune() {
        Instant now = clock.instant();
        Instant old = now.minus(settings.retention());
        int deleted = 0;
        for (String status : FINAL) {
            for (String channel : CHANNELS) {
                deleted += batches(() -> alerts.pruneAlerts(status, channel, old, BATCH));
            }
            deleted += batches(() -> alerts.pruneDigests(status, old, BATCH));
        }
        deleted += batches(() -> alerts.pruneJobs(old, BATCH));
        deleted += batches(() -> subscriptions.prunePending(now.minus(settings.confirmExpiry()), BATCH));
        if (deleted > 0) {
            log.info("Deleted {} alert rows past their retention and expired subscriptions", deleted);
        }
        return deleted;
    }

    /** The scheduled run: a failure is logged, and the next run tries again. */
    void scheduled() {
        try {
            prune();
        } catch (RuntimeException e) {
            log.warn("Pruning old alerts failed; the next run tries again", e);
        }
    }

    private static int batches(IntSupplier batch) {
        int deleted = 0;
        for (int i = 0; i < BATCHES; i++) {
            int n = batch.getAsInt();
            deleted += n;
            if (n == 0) {
                break;
            }
        }
        return deleted;
    }
}
