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
 * @param forgetInterval           how often view marks and salts older than yesterday (and views per hour older than
 *                                 two days) are deleted
 * @param mostReadInterval         how often the most-read lists are ranked afresh, by one node of the cluster: a page
 *                                 that shows one is at most this much behind the views (plus the few seconds another
 *                                 node keeps its counted views before writing them). Every node must have the same
 */
@ConfigurationProperties("dateline.readership")
record ReadershipSettings(@DefaultValue("120") int viewsPerAddressPerMinute,
                          @DefaultValue("1h") Duration forgetInterval,
                          @DefaultValue("1m") Duration mostReadInterval) {

    ReadershipSettings {
        SettingRules.atLeast(1, "dateline.readership.views-per-address-per-minute", viewsPerAddressPerMinute);
        SettingRules.positive("dateline.readership.forget-interval", forgetInterval);
        SettingRules.positive("dateline.readership.most-read-interval", mostReadInterval);
        if (mostReadInterval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("dateline.readership.most-read-interval must be at least 1s, not "
                    + mostReadInterval);
        }
    }
}
