package org.dateline.alerts.internal.push;

import java.time.Duration;

import org.dateline.platform.SettingRules;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Web Push settings ({@code dateline.alerts.push.*}; environment variables {@code DATELINE_ALERTS_PUSH_*}).
 *
 * @param allowLocal                  send to push endpoints at http and at loopback, private and link-local
 *                                    addresses. Off by default, so that a stranger's subscription cannot make the
 *                                    server post inside its own network; tests with a local push service switch it on
 * @param contact                     the VAPID {@code sub} claim: how a push service's operator reaches the site's
 *                                    (a {@code mailto:} or {@code https:} URL); empty, the site's base URL
 * @param subscribesPerAddressPerHour browser subscriptions (and unsubscriptions) one client address may send per hour
 * @param timeout                     how long one request to a push service may take before it is tried again later
 */
@ConfigurationProperties("dateline.alerts.push")
record PushSettings(@DefaultValue("false") boolean allowLocal, @DefaultValue("") String contact,
                    @DefaultValue("30") int subscribesPerAddressPerHour, @DefaultValue("10s") Duration timeout) {

    PushSettings {
        SettingRules.atLeast(1, "dateline.alerts.push.subscribes-per-address-per-hour", subscribesPerAddressPerHour);
        SettingRules.positive("dateline.alerts.push.timeout", timeout);
        if (!contact.isEmpty() && !contact.startsWith("mailto:") && !contact.startsWith("https:")) {
            throw new IllegalArgumentException("dateline.alerts.push.contact must be a mailto: or https: URL, not "
                    + contact);
        }
    }
}
