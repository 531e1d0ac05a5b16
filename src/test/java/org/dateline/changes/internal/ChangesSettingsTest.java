package org.dateline.changes.internal;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dateline.testing.SettingsBinding.fromProperties;

class ChangesSettingsTest {

    @Test
    void pollsFourTimesASecondAndKeepsAWeekByDefault() {
        ChangesSettings settings = fromProperties("dateline.changes", ChangesSettings.class, Map.of());

        assertThat(settings).isEqualTo(new ChangesSettings(Duration.ofMillis(250), Duration.ofDays(7),
                Duration.ofSeconds(3)));
    }

    @Test
    void refusesAPollIntervalOfZero() {
        assertThatThrownBy(() -> fromProperties("dateline.changes", ChangesSettings.class,
                Map.of("dateline.changes.poll-interval", "0ms")))
                .rootCause().hasMessage("dateline.changes.poll-interval must be longer than zero, not PT0S");
    }
}
