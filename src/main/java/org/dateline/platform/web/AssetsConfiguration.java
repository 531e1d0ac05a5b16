package org.dateline.platform.web;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** This build's scripts and style sheets under their versioned addresses ({@link Assets}), cached for a year. */
@Configuration(proxyBeanMethods = false)
class AssetsConfiguration implements WebMvcConfigurer {

    /** The same files in memory, for the hit path in front of the servlet layer. */
    @Bean
    AssetAnswers assetAnswers() {
        return new AssetAnswers();
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler(Assets.versionedPattern())
                .addResourceLocations(Assets.LOCATION)
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .resourceChain(true);
    }
}
