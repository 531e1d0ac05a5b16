package org.dateline.alerts.internal.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AlertSettings.class)
class AlertDeliveryConfiguration {

    /** Every node looks for alert work; the guarded claims let only one node do each piece. */
    @Bean
    SchedulingConfigurer alertRounds(AlertWorker worker, AlertSettings settings) {
        return tasks -> tasks.addFixedDelayTask(new FixedDelayTask(worker::tick, settings.interval(),
                Duration.ofSeconds(2)));
    }

    /**
     * Every node prunes, first one interval after it starts (nothing is urgent, and a start is busy enough); the
     * deletes are idempotent, so two nodes at once delete each row once.
     */
    @Bean
    SchedulingConfigurer alertPruning(AlertRetention retention, AlertSettings settings) {
        return tasks -> tasks.addFixedDelayTask(new FixedDelayTask(retention::scheduled, settings.pruneInterval(),
                settings.pruneInterval()));
    }
}
