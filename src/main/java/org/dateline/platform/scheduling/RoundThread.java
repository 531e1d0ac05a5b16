package org.dateline.platform.scheduling;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A periodic job's own thread. Spring's scheduler has one thread on Java 17, which every scheduled job shares: a job
 * whose round can be slow (a feed to fetch, a webhook receiver, a ranking that waits for another node) only hands the
 * round over here, so that it never holds up the others (the release of scheduled articles runs every 250 ms). A
 * round is not started while the last one runs. The round handles its own failures; the thread stops when closed.
 */
public final class RoundThread implements AutoCloseable {

    private final ExecutorService thread;
    private final AtomicBoolean busy = new AtomicBoolean();

    public RoundThread(String name) {
        this.thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread t = new Thread(runnable, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts the round on this thread unless one is under way or the thread is closed. @return whether it started */
    public boolean offer(Runnable round) {
        if (!busy.compareAndSet(false, true)) {
            return false;
        }
        try {
            thread.execute(() -> {
                try {
                    round.run();
                } finally {
                    busy.set(false);
                }
            });
            return true;
        } catch (RejectedExecutionException closed) {
            busy.set(false);
            return false;
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
