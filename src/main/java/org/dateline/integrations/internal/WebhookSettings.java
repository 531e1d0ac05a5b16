package org.dateline.integrations.internal;

import java.time.Duration;

import org.dateline.platform.SettingRules;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Integrations settings ({@code dateline.webhooks.*}; environment variables {@code DATELINE_WEBHOOKS_*}).
 *
 * @param interval how often each node looks for due webhook deliveries: the longest a delivery waits after its
 *                 change before its first attempt
 */
@ConfigurationProperties("dateline.webhooks")
record WebhookSettings(@DefaultValue("500ms") Duration interval) {

    WebhookSettings {
        SettingRules.positive("dateline.webhooks.interval", interval);
    }
}
