package org.dateline.readership.internal;

import java.time.Duration;

import org.dateline.platform.limits.RateLimit;
import org.dateline.platform.limits.RateLimiter;
import org.springframework.stereotype.Component;

/**
 * Views a client address may send per minute ({@link ReadershipSettings#viewsPerAddressPerMinute}), for the whole
 * cluster ({@link RateLimiter}).
 */
@Component
public class ViewThrottle {

    private final RateLimit perAddress;

    ViewThrottle(ReadershipSettings settings, RateLimiter limiter) {
        this.perAddress = limiter.limit("views.address", settings.viewsPerAddressPerMinute(), Duration.ofMinutes(1));
    }

    public boolean tryAcquire(String address) {
        return perAddress.tryTake(address == null ? "" : address);
    }
}
