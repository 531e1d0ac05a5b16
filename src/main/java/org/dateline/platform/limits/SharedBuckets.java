package org.dateline.platform.limits;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.BooleanSupplier;
import java.util.concurrent.locks.ReentrantLock;
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
 * Cost: with a tolerance ({@link RateLimitSettings#unsynchronized}) of k tokens, this node hands out the first k
 * tokens of a key it has not written yet without asking; the k + 1-th check writes them and reads the row (creating
 * it costs three short transactions, Bucket4j's), and from then on this node's copy of the bucket hands out up to k
 * tokens before it writes them (Bucket4j's delaying optimization), and a period at most. So a reader who sends fewer
 * than k + 1 views a minute to a node costs the database nothing, and the excess over the limit is at most k per node
 * (charged to the key when the node next writes, or forgotten with the key after a period without checks). Without
 * a tolerance, every check asks (requests on the same key at once share one transaction).
 * <p>
 * Rows hold a hash of the key (an address, an email address), not the key, and the time at which the bucket is
 * full again ({@code expires_at}): {@link ExpiredBuckets} deletes those.
 */
final class SharedBuckets implements RateLimit {

    private final String prefix;
    private final BucketConfiguration configuration;
    private final ProxyManager<String> proxies;
    private final Optimization optimization;
    private final long unsynchronized;
    private final Cache<String, Key> keys;
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
        this.unsynchronized = unsynchronized;
        this.keys = Caffeine.newBuilder().maximumSize(200_000).expireAfterAccess(period).build();
        this.fallback = new LocalBuckets(capacity, period);
        this.reach = reach;
    }

    /**
     * One key's bucket on this node: Bucket4j's proxy, and before the key's first write the tokens handed out without
     * one (at most the tolerance), so that a reader who reads a story or two costs the database nothing.
     */
    private final class Key {
        final Bucket proxy;
        private final ReentrantLock lock = new ReentrantLock();
        private long unwritten;
        private volatile boolean written = unsynchronized == 0;

        Key(String key) {
            this.proxy = proxies.builder().withOptimization(optimization).build(id(key), () -> configuration);
        }

        /** Takes a token before the first write; false once the tolerance is used up, when the proxy takes over. */
        boolean takeUnwritten() {
            if (written) {
                return false;
            }
            lock.lock();
            try {
                if (written) {
                    return false;
                }
                if (unwritten < unsynchronized) {
                    unwritten++;
                    return true;
                }
                if (unwritten > 0) {
                    proxy.consumeIgnoringRateLimits(unwritten); // the first write: what was handed out is charged
                    unwritten = 0;
                }
                written = true;
                return false;
            } finally {
                lock.unlock();
            }
        }

        boolean giveBackUnwritten() {
            lock.lock();
            try {
                if (written || unwritten == 0) {
                    return false;
                }
                unwritten--;
                return true;
            } finally {
                lock.unlock();
            }
        }
    }

    @Override
    public boolean tryTake(String key) {
        return ask(key, entry -> entry.takeUnwritten() || entry.proxy.tryConsume(1), () -> fallback.tryTake(key));
    }

    @Override
    public void giveBack(String key) {
        ask(key, entry -> {
            if (!entry.giveBackUnwritten()) {
                entry.proxy.addTokens(1);
            }
            return true;
        }, () -> {
            fallback.giveBack(key);
            return true;
        });
    }

    /**
     * Asks the key's shared bucket; this node's own when the database does not answer. Bucket4j 8.17 does not
     * create a missing row for requests that arrive together on one key (its batching fails them all with
     * {@link BucketNotFoundException}, on a key's first write or after {@link ExpiredBuckets} deleted the row): a
     * proxy without batching creates it, and they ask again.
     */
    private boolean ask(String key, Predicate<Key> action, BooleanSupplier onItsOwn) {
        if (!reach.mayAsk()) {
            return onItsOwn.getAsBoolean();
        }
        try {
            boolean answer;
            Key entry = keys.get(key, Key::new);
            try {
                answer = action.test(entry);
            } catch (RuntimeException failed) {
                if (!missing(failed)) {
                    throw failed;
                }
                // a proxy without batching creates the row, then the same once more
                proxies.builder().build(id(key), () -> configuration).getAvailableTokens();
                answer = action.test(entry);
            }
            if (entry.written) { // else it was this node's share, and the database was not asked
                reach.answered();
            }
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
