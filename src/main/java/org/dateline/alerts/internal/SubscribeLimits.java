package org.dateline.alerts.internal;

import java.time.Duration;

import org.dateline.platform.limits.RateLimit;
import org.dateline.platform.limits.RateLimiter;
import org.springframework.stereotype.Component;

/**
 * Limits on what a stranger can make the site do: subscribe (which mails the address given), per caller address and
 * per email address, so that neither one client nor many can flood a mailbox; and confirm, per caller address. For
 * the whole cluster ({@link RateLimiter}).
 */
@Component
class SubscribeLimits {

    static final int SUBSCRIBE_PER_ADDRESS_PER_HOUR = 30;
    static final int SUBSCRIBE_PER_EMAIL_PER_HOUR = 5;
    static final int CONFIRM_PER_ADDRESS_PER_HOUR = 30;

    private final RateLimit subscribeByAddress;
    private final RateLimit subscribeByEmail;
    private final RateLimit confirmByAddress;

    SubscribeLimits(RateLimiter limiter) {
        this.subscribeByAddress = limiter.limit("alerts-subscribe.address", SUBSCRIBE_PER_ADDRESS_PER_HOUR,
                Duration.ofHours(1));
        this.subscribeByEmail = limiter.limit("alerts-subscribe.email", SUBSCRIBE_PER_EMAIL_PER_HOUR,
                Duration.ofHours(1));
        this.confirmByAddress = limiter.limit("alerts-confirm.address", CONFIRM_PER_ADDRESS_PER_HOUR,
                Duration.ofHours(1));
    }

    /** One subscribe from the caller to the (normalised) address; false, taking nothing, when either is spent. */
    boolean subscribe(String caller, String email) {
        if (!subscribeByAddress.tryTake(caller)) {
            return false;
        }
        if (!subscribeByEmail.tryTake(email)) {
            subscribeByAddress.giveBack(caller);
            return false;
        }
        return true;
    }

    boolean confirm(String caller) {
        return confirmByAddress.tryTake(caller);
    }
}
