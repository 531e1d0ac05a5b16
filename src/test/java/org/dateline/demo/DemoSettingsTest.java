package org.dateline.demo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dateline.testing.SettingsBinding.fromEnvironmentVariables;
import static org.dateline.testing.SettingsBinding.fromProperties;

class DemoSettingsTest {

    @Test
    void loadsTheDemoOnAnEmptyDatabaseByDefault() {
        DemoSettings settings = fromProperties("dateline.demo", DemoSettings.class, Map.of());

        assertThat(settings).isEqualTo(new DemoSettings(true, 150, true));
    }

    @Test
    void environmentVariablesBindWithoutAnyMappingInApplicationYml() {
        DemoSettings settings = fromEnvironmentVariables("dateline.demo", DemoSettings.class,
                Map.of("DATELINE_DEMO_ON_EMPTY", "false", "DATELINE_DEMO_PER_EDITION", "7",
                        "DATELINE_DEMO_COMMUNITY", "false"));

        assertThat(settings).isEqualTo(new DemoSettings(false, 7, false));
    }

    @Test
    void refusesANegativeNumberOfStories() {
        assertThatThrownBy(() -> fromProperties("dateline.demo", DemoSettings.class,
                Map.of("dateline.demo.per-edition", "-1")))
                .rootCause().hasMessage("dateline.demo.per-edition must be at least 0, not -1");
    }
}
