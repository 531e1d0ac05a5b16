package org.dateline.identity.internal;

import java.time.Duration;
import java.util.Locale;

import org.dateline.platform.limits.RateLimit;
import org.dateline.platform.limits.RateLimiter;
import org.springframework.stereotype.Component;

/**
 * Limits on the account forms that send mail (registration, password reset, new confirmation link): per caller address
 * and per email address, so that neither one client nor many clients can flood a mailbox or probe many addresses.
 * For the whole cluster, like {@link LoginThrottle} ({@link RateLimiter}).
 */
@Component
class RateLimits {

    enum Action {
        REGISTER, RESET, RESEND
    }

    private final RateLimit byAddress;
    private final RateLimit byEmail;

    RateLimits(IdentitySettings settings, RateLimiter limiter) {
        this.byAddress = limiter.limit("mail-forms.address", settings.readers().perAddressPerHour(), Duration.ofHours(1));
        this.byEmail = limiter.limit("mail-forms.email", settings.readers().perEmailPerHour(), Duration.ofHours(1));
    }

    /** Takes one attempt from both buckets; false when either is empty. */
    boolean tryAcquire(Action action, String address, String email) {
        return byAddress.tryTake(action + "|" + address)
                && byEmail.tryTake(action + "|" + JdbcAccounts.normalise(email).toLowerCase(Locale.ROOT));
    }
}
