package org.dateline.platform.limits;

/**
 * One kind of allowance (say, chat messages per account and minute): a token bucket per key, made by
 * {@link RateLimiter#limit}. Where the buckets live (this node's memory, or the database shared by the cluster) is the
 * limiter's business, not the caller's.
 */
public interface RateLimit {

    /** Takes one token from the key's bucket; false, taking nothing, when it is empty. */
    boolean tryTake(String key);

    /** Puts back a token taken by {@link #tryTake} (a refusal further on took back the permission). */
    void giveBack(String key);
}
