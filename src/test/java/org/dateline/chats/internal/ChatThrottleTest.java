package org.dateline.chats.internal;

import java.util.function.IntPredicate;
import java.util.stream.IntStream;

import org.dateline.chats.internal.ChatThrottle.Action;
import org.dateline.platform.limits.RateLimiter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChatThrottleTest {

    private static long allowed(int attempts, IntPredicate attempt) {
        return IntStream.range(0, attempts).filter(attempt).count();
    }

    @Test
    void defaultsAllowEightMessagesAMinutePerAccount() {
        ChatThrottle throttle = new ChatThrottle(ChatSettings.DEFAULTS, RateLimiter.inMemory());
        assertThat(allowed(20, i -> throttle.tryAcquire(Action.MESSAGE, 1, false, "10.0.0.1"))).isEqualTo(8);
    }

    @Test
    void defaultsSlowBrandNewAccountsToThree() {
        ChatThrottle throttle = new ChatThrottle(ChatSettings.DEFAULTS, RateLimiter.inMemory());
        assertThat(allowed(20, i -> throttle.tryAcquire(Action.MESSAGE, 1, true, "10.0.0.1"))).isEqualTo(3);
    }

    @Test
    void defaultsAllowSixtyMessagesAMinutePerAddressAcrossAccounts() {
        ChatThrottle throttle = new ChatThrottle(ChatSettings.DEFAULTS, RateLimiter.inMemory());
        assertThat(allowed(200, i -> throttle.tryAcquire(Action.MESSAGE, i, false, "10.0.0.1"))).isEqualTo(60);
    }

    @Test
    void aRefusalByTheAddressCostsTheAccountNothing() {
        ChatThrottle throttle = new ChatThrottle(ChatSettings.DEFAULTS, RateLimiter.inMemory());
        assertThat(allowed(60, i -> throttle.tryAcquire(Action.MESSAGE, 1000 + i, false, "10.0.0.1"))).isEqualTo(60);
        // the crowded address refuses account 1 again and again ...
        assertThat(allowed(20, i -> throttle.tryAcquire(Action.MESSAGE, 1, false, "10.0.0.1"))).isZero();
        // ... which still has its whole allowance from another address
        assertThat(allowed(20, i -> throttle.tryAcquire(Action.MESSAGE, 1, false, "10.0.0.2"))).isEqualTo(8);
    }

    @Test
    void configuredAllowancesReplaceTheDefaults() {
        ChatThrottle throttle = new ChatThrottle(new ChatSettings(0, 0, new ChatSettings.Rate(100, 50, 1000)),
                RateLimiter.inMemory());
        assertThat(allowed(300, i -> throttle.tryAcquire(Action.MESSAGE, 1, false, "10.0.0.1"))).isEqualTo(100);
        assertThat(allowed(300, i -> throttle.tryAcquire(Action.MESSAGE, 2, true, "10.0.0.2"))).isEqualTo(50);
        // 1,000 a minute refill about one every 60 ms while the loop runs
        assertThat(allowed(2000, i -> throttle.tryAcquire(Action.MESSAGE, 1000 + i, false, "10.0.0.3")))
                .isBetween(1000L, 1050L);
    }

    @Test
    void reactionsKeepTheirOwnLimits() {
        ChatThrottle throttle = new ChatThrottle(new ChatSettings(0, 0, new ChatSettings.Rate(1000, 1000, 100_000)),
                RateLimiter.inMemory());
        assertThat(allowed(100, i -> throttle.tryAcquire(Action.REACTION, 1, false, "10.0.0.1")))
                .isEqualTo(ChatThrottle.REACTIONS_PER_MINUTE);
    }

    @Test
    void refusesAnAllowanceBelowOnePerMinute() {
        assertThatThrownBy(() -> new ChatSettings.Rate(0, 3, 60)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChatSettings.Rate(8, 3, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
