package org.dateline.alerts.internal.delivery;

import java.time.Duration;

import org.dateline.platform.SettingRules;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Alert settings ({@code dateline.alerts.*}; environment variables {@code DATELINE_ALERTS_*}). Public for the
 * subscription pages, which read the confirmation expiry and the limits.
 *
 * @param interval                      how often each node looks for alert work: the longest an alert waits before
 *                                      its first attempt
 * @param batch                         how many alerts one sender claims at a time (one SMTP connection sends them)
 * @param senders                       how many batches a node sends at once
 * @param retryFirst                    the wait after the first failed attempt; later waits grow from it (×4, ×20,
 *                                      ×120, ×720), and the sixth failure gives up
 * @param lease                         how long a claim holds: longer than any batch takes, so a live holder never
 *                                      loses it
 * @param retention                     how long sent, failed and withdrawn alerts (and their digests and jobs) are
 *                                      kept: the newsroom's counts of a story cover this long
 * @param confirmExpiry                 how long a visitor's confirmation link works; a visitor's subscriptions that
 *                                      wait for it longer are deleted
 * @param pruneInterval                 how often each node deletes what is past {@code retention} and
 *                                      {@code confirmExpiry} (idempotent, in small batches)
 * @param writesPerAddressPerHour       changes one client address may make per hour on subscribers' pages reached by
 *                                      signed links, and a logged-in reader's one-click subscribes
 * @param unsubscribesPerAddressPerHour RFC 8058 one-click unsubscribes one client address may post per hour: mail
 *                                      providers post them for all their users from few addresses, so far more
 */
@ConfigurationProperties("dateline.alerts")
public record AlertSettings(@DefaultValue("500ms") Duration interval, @DefaultValue("200") int batch,
                            @DefaultValue("4") int senders, @DefaultValue("30s") Duration retryFirst,
                            @DefaultValue("5m") Duration lease, @DefaultValue("30d") Duration retention,
                            @DefaultValue("7d") Duration confirmExpiry, @DefaultValue("1h") Duration pruneInterval,
                            @DefaultValue("60") int writesPerAddressPerHour,
                            @DefaultValue("1000") int unsubscribesPerAddressPerHour) {

    static final int[] RETRY_FACTORS = {1, 4, 20, 120, 720};

    public AlertSettings {
        SettingRules.positive("dateline.alerts.interval", interval);
        SettingRules.positive("dateline.alerts.retry-first", retryFirst);
        SettingRules.positive("dateline.alerts.lease", lease);
        SettingRules.positive("dateline.alerts.retention", retention);
        SettingRules.positive("dateline.alerts.confirm-expiry", confirmExpiry);
        SettingRules.positive("dateline.alerts.prune-interval", pruneInterval);
        SettingRules.atLeast(1, "dateline.alerts.writes-per-address-per-hour", writesPerAddressPerHour);
        SettingRules.atLeast(1, "dateline.alerts.unsubscribes-per-address-per-hour", unsubscribesPerAddressPerHour);
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
