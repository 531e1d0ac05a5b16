package org.dateline.alerts;

import java.util.Locale;
import java.util.Optional;

/** How a subscription reaches its subscriber: mail at once, the daily digest mail, or browser Web Push. */
public enum Delivery {
    EMAIL, DIGEST, PUSH;

    /** The delivery a form names, in any case; empty for anything else. */
    public static Optional<Delivery> parse(String value) {
        return parse(Delivery.class, value);
    }

    /** The constant a form names, in any case; empty for anything else. */
    static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
