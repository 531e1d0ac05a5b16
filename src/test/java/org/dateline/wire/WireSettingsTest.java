package org.dateline.wire;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dateline.testing.SettingsBinding.fromEnvironmentVariables;
import static org.dateline.testing.SettingsBinding.fromProperties;

class WireSettingsTest {

    @Test
    void refusesLocalFeedsAndPollsByDefault() {
        assertThat(fromProperties("dateline.wire", WireSettings.class, Map.of()))
                .isEqualTo(new WireSettings(false, true, true));
    }

    @Test
    void bindsTheEnvironmentVariablesOfTheReadme() {
        assertThat(fromEnvironmentVariables("dateline.wire", WireSettings.class,
                Map.of("DATELINE_WIRE_ALLOW_LOCAL_FEEDS", "true", "DATELINE_WIRE_POLL_FEEDS", "false",
                        "DATELINE_WIRE_FETCH_PICTURES", "false")))
                .isEqualTo(new WireSettings(true, false, false));
    }
}
