package org.dateline.platform.limits;

import org.dateline.platform.SettingRules;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a cluster on PostgreSQL shares its rate limits ({@code dateline.rate-limits.*}; the embedded H2 default keeps
 * them in memory and reads none of this).
 *
 * @param tolerancePercent the share of a limit (rounded down) that a node may hand out for one key before it tells
 *                         the database: a cluster of N nodes then lets through at most the limit plus N times that
 *                         share, and charges the excess to the key later. 0: every check asks the database
 */
@ConfigurationProperties("dateline.rate-limits")
record RateLimitSettings(@DefaultValue("10") int tolerancePercent) {

    RateLimitSettings {
        SettingRules.atLeast(0, "dateline.rate-limits.tolerance-percent", tolerancePercent);
        if (tolerancePercent > 100) {
            throw new IllegalArgumentException(
                    "dateline.rate-limits.tolerance-percent must be at most 100, not " + tolerancePercent);
        }
    }

    /** The tokens of a limit of {@code capacity} a node may hand out for one key unknown to the database. */
    long unsynchronized(int capacity) {
        return (long) capacity * tolerancePercent / 100;
    }
}
