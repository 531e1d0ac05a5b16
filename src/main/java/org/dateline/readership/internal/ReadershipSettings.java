package org.dateline.readership.internal;

import java.time.Duration;

import org.dateline.platform.SettingRules;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Readership settings ({@code dateline.readership.*}; environment variables {@code DATELINE_READERSHIP_*}).
 *
 * @param viewsPerAddressPerMinute views one client address may send per minute, per node (beyond it: 429, nothing
 *                                 counted). A reader opens far fewer pages, an office behind one address rarely more;
 *                                 a load test from one machine raises it
 * @param forgetInterval           how often view marks and salts older than yesterday are deleted
 */
@ConfigurationProperties("dateline.readership")
record ReadershipSettings(@DefaultValue("120") int viewsPerAddressPerMinute,
                          @DefaultValue("1h") Duration forgetInterval) {

    ReadershipSettings {
        SettingRules.atLeast(1, "dateline.readership.views-per-address-per-minute", viewsPerAddressPerMinute);
        SettingRules.positive("dateline.readership.forget-interval", forgetInterval);
    }
}
