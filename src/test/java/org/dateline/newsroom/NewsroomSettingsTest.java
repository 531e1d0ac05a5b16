package org.dateline.newsroom;

import java.time.Duration;
import java.util.Map;

import org.dateline.testing.SettingsBinding;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NewsroomSettingsTest {

    @Test
    void releasesEveryQuarterSecondAndLocksLapseAfterTwoMinutesByDefault() {
        NewsroomSettings settings = SettingsBinding.fromProperties("dateline.newsroom", NewsroomSettings.class,
                Map.of());
        assertThat(settings.releaseInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(settings.lockTimeout()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void bindsFromEnvironmentVariables() {
        NewsroomSettings settings = SettingsBinding.fromEnvironmentVariables("dateline.newsroom",
                NewsroomSettings.class, Map.of("DATELINE_NEWSROOM_LOCK_TIMEOUT", "5m"));
        assertThat(settings.lockTimeout()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void refusesAZeroLockTimeoutNamingTheProperty() {
        assertThatThrownBy(() -> SettingsBinding.fromProperties("dateline.newsroom", NewsroomSettings.class,
                Map.of("dateline.newsroom.lock-timeout", "0s")))
                .hasRootCauseMessage("dateline.newsroom.lock-timeout must be longer than zero, not PT0S");
    }
}
