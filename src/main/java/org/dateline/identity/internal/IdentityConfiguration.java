package org.dateline.identity.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentitySettings.class)
class IdentityConfiguration {

    /** Deleted accounts are erased on every node (it is idempotent), as often as the settings say. */
    @Bean
    SchedulingConfigurer accountErasure(DeleteAccount deleteAccount, IdentitySettings settings) {
        return tasks -> tasks.addFixedDelayTask(new FixedDelayTask(deleteAccount::eraseExpired,
                settings.readers().eraseInterval(), settings.readers().eraseInitialDelay()));
    }
}
