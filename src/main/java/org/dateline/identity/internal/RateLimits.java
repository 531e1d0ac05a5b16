package org.dateline.identity.internal;

import java.time.Duration;
import java.util.Locale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.springframework.stereotype.Component;

/**
 * Limits on the account forms that send mail (registration, password reset, new confirmation link): per caller address
 * and per email address, so that neither one client nor many clients can flood a mailbox or probe many addresses.
 * Per node, like {@link LoginThrottle}; idle buckets are forgotten.
 */
@Component
class RateLimits {

    enum Action {
        REGISTER, RESET, RESEND
    }

    private final int perAddressPerHour;
    private final int perEmailPerHour;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(200_000)
            .expireAfterAccess(Duration.ofHours(2)).build();

    RateLimits(IdentitySettings settings) {
        this.perAddressPerHour = settings.readers().perAddressPerHour();
        this.perEmailPerHour = settings.readers().perEmailPerHour();
    }

    /** Takes one attempt from both buckets; false when either is empty. */
    boolean tryAcquire(Action action, String address, String email) {
        Bucket byAddress = bucket(action + "|a|" + address, perAddressPerHour);
        Bucket byEmail = bucket(action + "|e|" + JdbcAccounts.normalise(email).toLowerCase(Locale.ROOT), perEmailPerHour);
        return byAddress.tryConsume(1) && byEmail.tryConsume(1);
    }

    private Bucket bucket(String key, int perHour) {
        return buckets.get(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perHour).refillGreedy(perHour, Duration.ofHours(1)).build())
                .build());
    }
}
