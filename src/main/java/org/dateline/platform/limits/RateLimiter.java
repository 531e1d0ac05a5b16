package org.dateline.platform.limits;

import java.time.Duration;
import java.util.Optional;

import io.github.bucket4j.distributed.proxy.ExpiredEntriesCleaner;
import io.github.bucket4j.distributed.proxy.ProxyManager;

/**
 * Makes the rate limits of every module, so that they hold for the whole cluster: on PostgreSQL their buckets live in
 * the database that the nodes share ({@link SharedBuckets}, within the tolerance of {@link RateLimitSettings}); on the
 * embedded H2 default, which has one node, in memory ({@link LocalBuckets}). Should PostgreSQL stop answering, each
 * node limits on its own in memory until it answers again ({@link DatabaseReach}): the limits loosen to one allowance
 * per node, never to none, and a request is never refused only because the limits could not be asked.
 */
public final class RateLimiter {

    private final Optional<SharedTable> shared;
    private final RateLimitSettings settings;
    private final DatabaseReach reach;

    /** Bucket4j's proxy over the shared table, and the same object as the deleter of its expired rows. */
    record SharedTable(ProxyManager<String> proxies, ExpiredEntriesCleaner cleaner) {
    }

    RateLimiter(Optional<SharedTable> shared, RateLimitSettings settings) {
        this(shared, settings, DatabaseReach.PAUSE);
    }

    /** @param retryPause how long after the database failed to answer it is asked again */
    RateLimiter(Optional<SharedTable> shared, RateLimitSettings settings, Duration retryPause) {
        this.shared = shared;
        this.settings = settings;
        this.reach = new DatabaseReach(retryPause);
    }

    /** Buckets in this process's memory only, as on one node (unit tests of a throttle). */
    public static RateLimiter inMemory() {
        return new RateLimiter(Optional.empty(), new RateLimitSettings(0));
    }

    /**
     * A limit of {@code capacity} per {@code period} for each key, refilled evenly over the period.
     *
     * @param name names the limit among all of the application's (a key counts separately under each name)
     */
    public RateLimit limit(String name, int capacity, Duration period) {
        if (shared.isEmpty()) {
            return new LocalBuckets(capacity, period);
        }
        return new SharedBuckets(name, capacity, period, settings.unsynchronized(capacity), shared.get().proxies(),
                reach);
    }

    /** Deletes up to {@code batch} rows of buckets that are full again; 0 when the buckets live in memory. */
    int deleteExpired(int batch) {
        return shared.map(table -> table.cleaner().removeExpired(batch)).orElse(0);
    }
}
