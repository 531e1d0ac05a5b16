package org.dateline.platform.cache;

import org.dateline.platform.web.AssetAnswers;
import org.springframework.boot.jetty.ConfigurableJettyWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class PageCacheConfiguration {

    /** A cached page or an asset is answered before the servlet layer ({@link PageCacheHandler}). */
    @Bean
    WebServerFactoryCustomizer<ConfigurableJettyWebServerFactory> pageCacheHandler(PageCache cache,
                                                                                   AssetAnswers assets) {
        return factory -> factory.addServerCustomizers(server -> {
            server.setHandler(new PageCacheHandler(cache, assets, server.getHandler()));
            server.setDynamic(false); // the handler tree is fixed from here: Jetty may use the hit path's type
        });
    }

    /**
     * First in the chain but for the pictures' filter (whose paths it never sees): it stores a miss, and answers a
     * hit stored while the request was on its way past {@link PageCacheHandler}, before Spring Security, sessions or
     * MVC.
     */
    @Bean
    FilterRegistrationBean<PageCacheFilter> pageCacheFilter(PageCache cache) {
        FilterRegistrationBean<PageCacheFilter> registration = new FilterRegistrationBean<>(new PageCacheFilter(cache));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
