package org.dateline.newsroom.internal;

import org.dateline.newsroom.NewsroomSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NewsroomSettings.class)
class NewsroomConfiguration {
}
