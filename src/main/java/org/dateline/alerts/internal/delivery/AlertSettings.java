package org.dateline.alerts.internal.delivery;

import java.time.Duration;

import org.dateline.platform.SettingRules;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Alert delivery settings ({@code dateline.alerts.*}; environment variables {@code DATELINE_ALERTS_*}).
 *
 * @param interval   how often each node looks for alert work: the longest an alert waits before its first attempt
 * @param batch      how many alerts one sender claims at a time (one SMTP connection sends them)
 * @param senders    how many batches a node sends at once
 * @param retryFirst the wait after the first failed attempt; later waits grow from it (×4, ×20, ×120, ×720), and the
 *                   sixth failure gives up
 * @param lease      how long a claim holds: longer than any batch takes, so a live holder never loses it
 */
@ConfigurationProperties("dateline.alerts")
record AlertSettings(@DefaultValue("500ms") Duration interval, @DefaultValue("200") int batch,
                     @DefaultValue("4") int senders, @DefaultValue("30s") Duration retryFirst,
                     @DefaultValue("5m") Duration lease) {

    static final int[] RETRY_FACTORS = {1, 4, 20, 120, 720};

    AlertSettings {
        SettingRules.positive("dateline.alerts.interval", interval);
        SettingRules.positive("dateline.alerts.retry-first", retryFirst);
        SettingRules.positive("dateline.alerts.lease", lease);
        if (batch < 1 || batch > 5000 || senders < 1 || senders > 64) {
            throw new IllegalArgumentException("dateline.alerts.batch must be 1..5000 and dateline.alerts.senders"
                    + " 1..64");
        }
    }

    /** The wait before the next attempt after {@code failedAttempts} failures; null when it is time to give up. */
    Duration retryAfter(int failedAttempts) {
        if (failedAttempts < 1 || failedAttempts > RETRY_FACTORS.length) {
            return null;
        }
        return retryFirst.multipliedBy(RETRY_FACTORS[failedAttempts - 1]);
    }
}
