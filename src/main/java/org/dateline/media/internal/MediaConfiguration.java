package org.dateline.media.internal;

import org.dateline.media.Picture;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jetty.ConfigurableJettyWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MediaSettings.class)
class MediaConfiguration {

    /** A rendition held in memory is answered before the servlet layer ({@link PictureHandler}). */
    @Bean
    WebServerFactoryCustomizer<ConfigurableJettyWebServerFactory> pictureHandler(Renditions renditions) {
        return factory -> factory.addServerCustomizers(server -> {
            server.setHandler(new PictureHandler(renditions, server.getHandler()));
            server.setDynamic(false); // the handler tree is fixed from here: Jetty may use the hit path's type
        });
    }

    /** Ahead of the page cache and everything else: rendition bytes never meet the framework. */
    @Bean
    FilterRegistrationBean<PictureFilter> pictureFilter(Renditions renditions) {
        FilterRegistrationBean<PictureFilter> registration = new FilterRegistrationBean<>(new PictureFilter(renditions));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns(Picture.PATH_PREFIX + "*");
        return registration;
    }
}
