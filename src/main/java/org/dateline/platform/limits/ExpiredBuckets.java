package org.dateline.platform.limits;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Deletes the shared buckets that are full again ({@code expires_at} passed): they are the same as no row, and
 * without this every address that ever posted would keep one. Every node runs it; the delete skips rows another
 * node has locked, so nodes do not wait on each other.
 */
final class ExpiredBuckets {

    private static final Logger log = LoggerFactory.getLogger(ExpiredBuckets.class);
    static final int BATCH = 1_000;

    private final RateLimiter limiter;

    ExpiredBuckets(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    void scheduled() {
        try {
            deleteExpired();
        } catch (RuntimeException failure) { // the database is away: next time
            log.warn("Rate limits: expired buckets not deleted this time: {}", failure.getMessage());
        }
    }

    /** @return how many rows were deleted */
    int deleteExpired() {
        int total = 0;
        int deleted;
        do {
            deleted = limiter.deleteExpired(BATCH);
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }
}
