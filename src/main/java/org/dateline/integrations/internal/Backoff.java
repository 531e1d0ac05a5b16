package org.dateline.integrations.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * When a failed webhook delivery is tried again: 10 s, 30 s, 2 min, 10 min and 1 h after the first five failures;
 * the sixth failure gives up (FAILED). A receiver down for about an hour and a quarter still gets the event.
 */
final class Backoff {

    static final List<Duration> DELAYS = List.of(Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofHours(1));
    static final int MAX_ATTEMPTS = DELAYS.size() + 1;

    private Backoff() {
    }

    /** The wait before the next attempt after {@code failedAttempts} failures, or empty when it is time to give up. */
    static Optional<Duration> after(int failedAttempts) {
        if (failedAttempts < 1 || failedAttempts > DELAYS.size()) {
            return Optional.empty();
        }
        return Optional.of(DELAYS.get(failedAttempts - 1));
    }
}
