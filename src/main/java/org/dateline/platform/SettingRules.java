package org.dateline.platform;

import java.time.Duration;

/**
 * The checks a settings record makes of itself in its compact constructor: a wrong value stops the start, with a
 * message that names the property, instead of a throttle that lets nothing through or a loop that never sleeps.
 */
public final class SettingRules {

    private SettingRules() {
    }

    public static void atLeast(long least, String property, long value) {
        if (value < least) {
            throw new IllegalArgumentException(property + " must be at least " + least + ", not " + value);
        }
    }

    public static void positive(String property, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(property + " must be longer than zero, not " + value);
        }
    }

    public static void notNegative(String property, Duration value) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException(property + " must be zero or longer, not " + value);
        }
    }
}
