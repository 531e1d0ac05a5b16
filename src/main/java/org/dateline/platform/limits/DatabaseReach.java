package org.dateline.platform.limits;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the shared buckets may be asked: while the database answers, always; after it failed to, one check every
 * pause (10 s) tries it again and the others take this node's own buckets at once, instead of each waiting for the
 * connection pool to give up. One log line when the database stops answering, one when it answers again.
 */
final class DatabaseReach {

    static final Duration PAUSE = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

    private final long pauseNanos;
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicLong nextTry = new AtomicLong();

    DatabaseReach(Duration pause) {
        this.pauseNanos = pause.toNanos();
    }

    /** True when this check is to ask the database. */
    boolean mayAsk() {
        if (!down.get()) {
            return true;
        }
        long now = System.nanoTime();
        long next = nextTry.get();
        return now - next >= 0 && nextTry.compareAndSet(next, now + pauseNanos);
    }

    void answered() {
        if (down.get() && down.compareAndSet(true, false)) {
            log.info("Rate limits: the database answers again; the cluster shares its limits again");
        }
    }

    void failed(RuntimeException e) {
        nextTry.set(System.nanoTime() + pauseNanos);
        if (down.compareAndSet(false, true)) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            log.warn("Rate limits: the database does not answer ({}: {}); this node limits on its own, in memory, "
                    + "until it does (tried again every {} s)", cause.getClass().getSimpleName(), cause.getMessage(),
                    Duration.ofNanos(pauseNanos).toSeconds());
        }
    }
}
