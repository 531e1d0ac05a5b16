package org.dateline.integrations.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookSettings.class)
class IntegrationsConfiguration {

    /** Every node looks for due deliveries; the guarded claim lets only one node send each. */
    @Bean
    SchedulingConfigurer webhookRounds(DeliveryWorker worker, WebhookSettings settings) {
        return tasks -> tasks.addFixedDelayTask(new FixedDelayTask(worker::tick, settings.interval(),
                Duration.ofSeconds(2)));
    }
}
