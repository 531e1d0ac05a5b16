package org.dateline.media.internal;

import org.dateline.media.Picture;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MediaSettings.class)
class MediaConfiguration {

    /** Ahead of the page cache and everything else: rendition bytes never meet the framework. */
    @Bean
    FilterRegistrationBean<PictureFilter> pictureFilter(Renditions renditions) {
        FilterRegistrationBean<PictureFilter> registration = new FilterRegistrationBean<>(new PictureFilter(renditions));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns(Picture.PATH_PREFIX + "*");
        return registration;
    }
}
