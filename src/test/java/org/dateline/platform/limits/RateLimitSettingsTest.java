package org.dateline.platform.limits;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dateline.testing.SettingsBinding.fromEnvironmentVariables;
import static org.dateline.testing.SettingsBinding.fromProperties;

class RateLimitSettingsTest {

    @Test
    void aNodeMayHandOutATenthOfALimitUnwrittenAndLimitsUnderTenAreExact() {
        RateLimitSettings settings = fromProperties("dateline.rate-limits", RateLimitSettings.class, Map.of());

        assertThat(settings.tolerancePercent()).isEqualTo(10);
        assertThat(settings.unsynchronized(120)).isEqualTo(12);
        assertThat(settings.unsynchronized(10)).isEqualTo(1);
        assertThat(settings.unsynchronized(9)).isZero();
    }

    @Test
    void bindsTheEnvironmentVariableOfTheReadme() {
        RateLimitSettings settings = fromEnvironmentVariables("dateline.rate-limits", RateLimitSettings.class,
                Map.of("DATELINE_RATELIMITS_TOLERANCEPERCENT", "0"));

        assertThat(settings.unsynchronized(1_000_000)).isZero();
    }

    @Test
    void refusesAShareBelowNothingOrAboveTheWhole() {
        assertThatThrownBy(() -> fromProperties("dateline.rate-limits", RateLimitSettings.class,
                Map.of("dateline.rate-limits.tolerance-percent", "-1")))
                .rootCause().hasMessage("dateline.rate-limits.tolerance-percent must be at least 0, not -1");
        assertThatThrownBy(() -> fromProperties("dateline.rate-limits", RateLimitSettings.class,
                Map.of("dateline.rate-limits.tolerance-percent", "101")))
                .rootCause().hasMessage("dateline.rate-limits.tolerance-percent must be at most 100, not 101");
    }
}
