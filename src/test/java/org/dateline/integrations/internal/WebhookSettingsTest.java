package org.dateline.integrations.internal;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dateline.testing.SettingsBinding.fromProperties;

class WebhookSettingsTest {

    @Test
    void looksForDueDeliveriesTwiceASecondByDefault() {
        assertThat(fromProperties("dateline.webhooks", WebhookSettings.class, Map.of()).interval())
                .isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void refusesANegativeInterval() {
        assertThatThrownBy(() -> fromProperties("dateline.webhooks", WebhookSettings.class,
                Map.of("dateline.webhooks.interval", "-1s")))
                .rootCause().hasMessage("dateline.webhooks.interval must be longer than zero, not PT-1S");
    }
}
