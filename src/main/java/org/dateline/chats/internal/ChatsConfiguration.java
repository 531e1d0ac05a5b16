package org.dateline.chats.internal;

import java.time.Clock;

import org.dateline.chats.ChatPolicy;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChatSettings.class)
class ChatsConfiguration {

    @Bean
    ChatPolicy chatPolicy(Clock clock) {
        return new ChatPolicy(clock);
    }
}
