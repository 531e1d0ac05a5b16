package org.dateline.changes.internal;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

/** Wakes the tailer early: after a local commit, or when PostgreSQL notifies of another node's commit. */
@Component
class Wakeup {

    private final Semaphore signals = new Semaphore(0);

    void signal() {
        signals.release();
    }

    /** Waits for a signal or the timeout, then forgets any further signals: one read catches them all up. */
    void await(Duration timeout) throws InterruptedException {
        if (signals.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            signals.drainPermits();
        }
    }
}
