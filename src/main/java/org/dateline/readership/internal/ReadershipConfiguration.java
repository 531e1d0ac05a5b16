package org.dateline.readership.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReadershipSettings.class)
class ReadershipConfiguration {

    /** Old view marks go on every node's schedule (deleting them twice deletes nothing more). */
    @Bean
    SchedulingConfigurer viewerForgetting(ForgetViewers forgetViewers, ReadershipSettings settings) {
        return tasks -> tasks.addFixedDelayTask(new FixedDelayTask(forgetViewers::forget, settings.forgetInterval(),
                Duration.ofMinutes(2)));
    }

    /** Each node writes the views per hour it counted, every few seconds. */
    @Bean
    SchedulingConfigurer hourlyViewsWriting(HourlyViews hourly) {
        return tasks -> tasks.addFixedDelayTask(new FixedDelayTask(hourly::flushQuietly, HourlyViews.FLUSH_EVERY,
                HourlyViews.FLUSH_EVERY));
    }

    /** Every node offers to rank most read; the database lets one a slot ({@link RankMostRead}). */
    @Bean
    SchedulingConfigurer mostReadRanking(RankMostRead ranking) {
        return tasks -> tasks.addFixedDelayTask(new FixedDelayTask(ranking::tick, RankMostRead.TICK, RankMostRead.TICK));
    }
}
