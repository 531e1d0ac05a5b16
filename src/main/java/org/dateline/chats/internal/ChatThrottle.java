package org.dateline.chats.internal;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.springframework.stereotype.Component;

/**
 * Rate limits of chats, per account and per client address: messages (brand-new accounts get fewer), reactions,
 * and later reports. Buckets live on this node (a cluster of N nodes allows N times as much, as with login) and
 * are forgotten when idle. The message allowances are settings ({@link ChatSettings.Rate}); the defaults are the limits.
 */
@Component
public class ChatThrottle {

    public enum Action {
        MESSAGE, REACTION, REPORT
    }

    static final int REACTIONS_PER_MINUTE = 60;
    static final int REACTIONS_PER_ADDRESS_PER_MINUTE = 180;
    static final int REPORTS_PER_HOUR = 20;

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(200_000)
            .expireAfterAccess(Duration.ofMinutes(15)).build();
    private final ChatSettings.Rate rates;

    ChatThrottle(ChatSettings settings) {
        this.rates = settings.rate();
    }

    /**
     * Takes one token from the account's and the address's bucket; false when either is empty. A refusal takes
     * nothing: an address crowded by other accounts costs this account none of its own allowance.
     */
    public boolean tryAcquire(Action action, long accountId, boolean newAccount, String address) {
        Bucket account = buckets.get(action + ":a:" + accountId + (newAccount ? ":new" : ""),
                k -> perMinute(accountLimit(action, newAccount), action == Action.REPORT ? Duration.ofHours(1)
                        : Duration.ofMinutes(1)));
        Bucket client = buckets.get(action + ":ip:" + (address == null ? "" : address),
                k -> perMinute(addressLimit(action), Duration.ofMinutes(1)));
        if (!account.tryConsume(1)) {
            return false;
        }
        if (client.tryConsume(1)) {
            return true;
        }
        account.addTokens(1); // given back
        return false;
    }

    private int accountLimit(Action action, boolean newAccount) {
        return switch (action) {
            case MESSAGE -> newAccount ? rates.newAccountMessagesPerMinute() : rates.messagesPerMinute();
            case REACTION -> REACTIONS_PER_MINUTE;
            case REPORT -> REPORTS_PER_HOUR;
        };
    }

    private int addressLimit(Action action) {
        return switch (action) {
            case MESSAGE -> rates.messagesPerAddressPerMinute();
            case REACTION -> REACTIONS_PER_ADDRESS_PER_MINUTE;
            case REPORT -> REPORTS_PER_HOUR;
        };
    }

    private static Bucket perMinute(int capacity, Duration period) {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
                .build();
    }
}
