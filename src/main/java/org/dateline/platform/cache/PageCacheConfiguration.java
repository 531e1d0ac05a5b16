package org.dateline.platform.cache;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class PageCacheConfiguration {

    /**
     * First in the chain but for the pictures' filter (whose paths it never sees): a hit never reaches Spring
     * Security, sessions or MVC.
     */
    @Bean
    FilterRegistrationBean<PageCacheFilter> pageCacheFilter(PageCache cache) {
        FilterRegistrationBean<PageCacheFilter> registration = new FilterRegistrationBean<>(new PageCacheFilter(cache));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
