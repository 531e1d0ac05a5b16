package org.dateline.livefeed;

import org.dateline.content.ContentQueries;
import org.dateline.editions.Editions;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class LivefeedConfiguration {

    /** Right after the page cache filter: streams skip sessions, security and MVC. */
    @Bean
    FilterRegistrationBean<NewsfeedStreamFilter> newsfeedStreamFilter(Editions editions, ContentQueries content,
                                                                     NewsfeedStreams streams) {
        FilterRegistrationBean<NewsfeedStreamFilter> registration = new FilterRegistrationBean<>(
                new NewsfeedStreamFilter(editions, content, streams));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        registration.addUrlPatterns("/*");
        registration.setAsyncSupported(true);
        return registration;
    }
}
