package org.dateline.platform;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatelineSettings.class)
class PlatformConfiguration {

    /** One clock for the whole application, so that time-dependent rules are tested without sleeping. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
