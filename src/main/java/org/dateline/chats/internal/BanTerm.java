package org.dateline.chats.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How long a ban chosen in the moderation form lasts: one of the fixed terms, or until a moment the moderator enters
 * (a {@code datetime-local} value, read as UTC like every time on those pages). Empty when the choice makes no ban.
 */
final class BanTerm {

    static final Map<String, Duration> FIXED = Map.of("1h", Duration.ofHours(1), "1d", Duration.ofDays(1),
            "7d", Duration.ofDays(7), "30d", Duration.ofDays(30));
    /** The fixed terms in the order the form offers them. */
    static final List<String> TERMS = List.of("1h", "1d", "7d", "30d");
    static final String CUSTOM = "custom";

    private BanTerm() {
    }

    static Optional<Duration> of(String choice, String until, Instant now) {
        if (choice != null && FIXED.containsKey(choice)) {
            return Optional.of(FIXED.get(choice));
        }
        if (!CUSTOM.equals(choice) || until == null || until.isBlank()) {
            return Optional.empty();
        }
        try {
            Instant end = LocalDateTime.parse(until.strip()).toInstant(ZoneOffset.UTC);
            Duration duration = Duration.between(now, end);
            // the use case refuses what is not ahead of now or longer than its longest ban
            return Optional.of(duration);
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }
}
