package org.dateline.platform.limits;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * A limit whose buckets live in this node's memory: all of them on the embedded H2 default (one node), and the
 * stand-in for the database's while PostgreSQL does not answer. A bucket left alone for a whole period is full
 * again, the same as a new one, so it is forgotten then.
 */
final class LocalBuckets implements RateLimit {

    private final int capacity;
    private final Duration period;
    private final Cache<String, Bucket> buckets;

    LocalBuckets(int capacity, Duration period) {
        this.capacity = capacity;
        this.period = period;
        this.buckets = Caffeine.newBuilder().maximumSize(200_000).expireAfterAccess(period).build();
    }

    @Override
    public boolean tryTake(String key) {
        return bucket(key).tryConsume(1);
    }

    @Override
    public void giveBack(String key) {
        bucket(key).addTokens(1);
    }

    private Bucket bucket(String key) {
        return buckets.get(key, k -> Bucket.builder().addLimit(bandwidth(capacity, period)).build());
    }

    static Bandwidth bandwidth(int capacity, Duration period) {
        return Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build();
    }
}
