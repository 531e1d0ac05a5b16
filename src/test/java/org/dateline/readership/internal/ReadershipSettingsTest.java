package org.dateline.readership.internal;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dateline.testing.SettingsBinding.fromEnvironmentVariables;
import static org.dateline.testing.SettingsBinding.fromProperties;

class ReadershipSettingsTest {

    @Test
    void allowsTwoViewsASecondPerAddressByDefault() {
        ReadershipSettings settings = fromProperties("dateline.readership", ReadershipSettings.class, Map.of());

        assertThat(settings).isEqualTo(new ReadershipSettings(120, Duration.ofHours(1), Duration.ofMinutes(1)));
    }

    @Test
    void bindsTheEnvironmentVariableOfTheReadme() {
        ReadershipSettings settings = fromEnvironmentVariables("dateline.readership", ReadershipSettings.class,
                Map.of("DATELINE_READERSHIP_VIEWSPERADDRESSPERMINUTE", "1000"));

        assertThat(settings.viewsPerAddressPerMinute()).isEqualTo(1000);
    }

    @Test
    void refusesAMostReadIntervalOfZero() {
        assertThatThrownBy(() -> fromProperties("dateline.readership", ReadershipSettings.class,
                Map.of("dateline.readership.most-read-interval", "0s")))
                .rootCause().hasMessageContaining("dateline.readership.most-read-interval");
    }

    @Test
    void refusesAnAllowanceOfZero() {
        assertThatThrownBy(() -> fromProperties("dateline.readership", ReadershipSettings.class,
                Map.of("dateline.readership.views-per-address-per-minute", "0")))
                .rootCause().hasMessage("dateline.readership.views-per-address-per-minute must be at least 1, not 0");
    }
}
