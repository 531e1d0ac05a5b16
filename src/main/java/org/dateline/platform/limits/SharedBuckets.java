package org.dateline.platform.limits;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.proxy.BucketNotFoundException;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimization;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;

/**
 * A limit whose buckets live in the database (table {@code rate_limit_buckets}), one row per key, shared by every
 * node: Bucket4j's PostgreSQL proxy locks the row ({@code SELECT ... FOR UPDATE}), takes the token and writes the
 * state back in one short transaction of its own.
 * <p>
 * Cost: with a tolerance ({@link RateLimitSettings#unsynchronized}) of k tokens, this node's copy of a key's bucket
 * hands out up to k tokens before it writes them to the row (Bucket4j's delaying optimization), and a period at
 * most; a key's first check on this node, and every k + 1-th, asks the database. The excess over the limit is then at
 * most k per node, and it is charged to the key when the node next writes. Without a tolerance, every check asks
 * (requests on the same key at once share one transaction).
 * <p>
 * Rows hold a hash of the key (an address, an email address), not the key, and the time at which the bucket is
 * full again ({@code expires_at}): {@link ExpiredBuckets} deletes those.
 */
final class SharedBuckets implements RateLimit {

    private final String prefix;
    private final BucketConfiguration configuration;
    private final ProxyManager<String> proxies;
    private final Optimization optimization;
    private final Cache<String, Bucket> buckets;
    private final LocalBuckets fallback;
    private final DatabaseReach reach;

    SharedBuckets(String name, int capacity, Duration period, long unsynchronized, ProxyManager<String> proxies,
                  DatabaseReach reach) {
        // Settings are part of the row's id: a node started with other settings neither uses nor resets these rows.
        this.prefix = name + "/" + capacity + "/" + period.toSeconds() + "s:";
        this.configuration = BucketConfiguration.builder().addLimit(LocalBuckets.bandwidth(capacity, period)).build();
        this.proxies = proxies;
        this.optimization = unsynchronized > 0
                ? Optimizations.delaying(new DelayParameters(unsynchronized, period))
                : Optimizations.batching();
        this.buckets = Caffeine.newBuilder().maximumSize(200_000).expireAfterAccess(period).build();
        this.fallback = new LocalBuckets(capacity, period);
        this.reach = reach;
    }

    @Override
    public boolean tryTake(String key) {
        return ask(key, bucket -> bucket.tryConsume(1), () -> fallback.tryTake(key));
    }

    @Override
    public void giveBack(String key) {
        ask(key, bucket -> {
            bucket.addTokens(1);
            return true;
        }, () -> {
            fallback.giveBack(key);
            return true;
        });
    }

    /**
     * Asks the key's shared bucket; this node's own when the database does not answer. Bucket4j 8.17 does not
     * create a missing row for requests that arrive together on one key (its batching fails them all with
     * {@link BucketNotFoundException}, on a key's first use or after {@link ExpiredBuckets} deleted the row): they
     * ask again through a proxy without batching, which creates it.
     */
    private boolean ask(String key, Predicate<Bucket> action, BooleanSupplier onItsOwn) {
        if (!reach.mayAsk()) {
            return onItsOwn.getAsBoolean();
        }
        try {
            boolean answer;
            try {
                answer = action.test(bucket(key));
            } catch (RuntimeException failed) {
                if (!missing(failed)) {
                    throw failed;
                }
                answer = action.test(proxies.builder().build(id(key), () -> configuration));
            }
            reach.answered();
            return answer;
        } catch (RuntimeException unanswered) { // whatever it was, limiting never fails the request
            reach.failed(unanswered);
            return onItsOwn.getAsBoolean();
        }
    }

    private static boolean missing(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BucketNotFoundException) {
                return true;
            }
        }
        return false;
    }

    private Bucket bucket(String key) {
        return buckets.get(key, k -> proxies.builder().withOptimization(optimization)
                .build(id(k), () -> configuration));
    }

    private String id(String key) {
        return prefix + digest(key);
    }

    /** 128 bits of SHA-256: the row names the key without holding it. */
    static String digest(String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
