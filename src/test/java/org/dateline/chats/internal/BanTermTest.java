package org.dateline.chats.internal;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BanTermTest {

    private final Instant now = Instant.parse("2026-11-29T10:00:00Z");

    @Test
    void fixedTermsAreAnHourADayAWeekAndThirtyDays() {
        assertThat(BanTerm.of("1h", null, now)).contains(Duration.ofHours(1));
        assertThat(BanTerm.of("1d", "", now)).contains(Duration.ofDays(1));
        assertThat(BanTerm.of("7d", null, now)).contains(Duration.ofDays(7));
        assertThat(BanTerm.of("30d", "2030-01-01T00:00", now)).contains(Duration.ofDays(30));
    }

    @Test
    void customEndIsReadAsUtc() {
        assertThat(BanTerm.of("custom", "2026-11-30T12:30", now)).contains(Duration.ofHours(26).plusMinutes(30));
        assertThat(BanTerm.of("custom", " 2026-11-29T09:00 ", now)).contains(Duration.ofHours(-1));
    }

    @Test
    void unknownChoiceOrUnreadableEndMakesNoTerm() {
        assertThat(BanTerm.of("forever", null, now)).isEmpty();
        assertThat(BanTerm.of(null, null, now)).isEmpty();
        assertThat(BanTerm.of("custom", "", now)).isEmpty();
        assertThat(BanTerm.of("custom", "tomorrow", now)).isEmpty();
    }
}
