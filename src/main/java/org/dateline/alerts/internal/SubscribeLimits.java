package org.dateline.alerts.internal;

import java.time.Duration;

import org.dateline.alerts.internal.delivery.AlertSettings;
import org.dateline.platform.limits.RateLimit;
import org.dateline.platform.limits.RateLimiter;
import org.springframework.stereotype.Component;

/**
 * Limits on what a stranger can make the site do: subscribe (which mails the address given), per caller address and
 * per email address, so that neither one client nor many can flood a mailbox; confirm, per caller address; the
 * changes on a subscriber's page and a logged-in reader's one-click subscribes, per caller address
 * ({@link AlertSettings#writesPerAddressPerHour()}); and RFC 8058 one-click unsubscribes, per caller address but far
 * more of them ({@link AlertSettings#unsubscribesPerAddressPerHour()}), since a mail provider posts its users' from
 * few addresses. Every one of these takes its token before the link's signature is checked, so a forged link costs
 * the same as a good one. For the whole cluster ({@link RateLimiter}).
 */
@Component
class SubscribeLimits {

    static final int SUBSCRIBE_PER_ADDRESS_PER_HOUR = 30;
    static final int SUBSCRIBE_PER_EMAIL_PER_HOUR = 5;
    static final int CONFIRM_PER_ADDRESS_PER_HOUR = 30;

    private final RateLimit subscribeByAddress;
    private final RateLimit subscribeByEmail;
    private final RateLimit confirmByAddress;
    private final RateLimit writeByAddress;
    private final RateLimit unsubscribeByAddress;

    SubscribeLimits(RateLimiter limiter, AlertSettings settings) {
        this.subscribeByAddress = limiter.limit("alerts-subscribe.address", SUBSCRIBE_PER_ADDRESS_PER_HOUR,
                Duration.ofHours(1));
        this.subscribeByEmail = limiter.limit("alerts-subscribe.email", SUBSCRIBE_PER_EMAIL_PER_HOUR,
                Duration.ofHours(1));
        this.confirmByAddress = limiter.limit("alerts-confirm.address", CONFIRM_PER_ADDRESS_PER_HOUR,
                Duration.ofHours(1));
        this.writeByAddress = limiter.limit("alerts-write.address", settings.writesPerAddressPerHour(),
                Duration.ofHours(1));
        this.unsubscribeByAddress = limiter.limit("alerts-unsubscribe.address",
                settings.unsubscribesPerAddressPerHour(), Duration.ofHours(1));
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

    /** One change on a subscriber's page, or one logged-in subscribe. */
    boolean write(String caller) {
        return writeByAddress.tryTake(caller);
    }

    /** One one-click unsubscribe. */
    boolean unsubscribe(String caller) {
        return unsubscribeByAddress.tryTake(caller);
    }
}
