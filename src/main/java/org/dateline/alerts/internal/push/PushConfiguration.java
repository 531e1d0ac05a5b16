package org.dateline.alerts.internal.push;

import java.time.Clock;

import org.dateline.platform.web.BaseUrl;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Web Push sender of the application, with the cluster's VAPID key and the push settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PushSettings.class)
class PushConfiguration {

    @Bean
    PushSender pushSender(VapidKeys keys, PushSettings settings, BaseUrl baseUrl, Clock clock) {
        // The base URL is known once the server listens: asked at each send.
        return new WebPushSender(keys::pair, () -> settings.contact().isEmpty() ? baseUrl.get() : settings.contact(),
                settings.allowLocal(), settings.timeout(), clock);
    }
}
