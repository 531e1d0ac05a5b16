package org.dateline.platform;

import java.time.Clock;

import org.dateline.platform.web.ForwardedHeaders;
import org.dateline.platform.web.SiteCookies;
import org.dateline.platform.web.TextWithoutNul;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatelineSettings.class)
class PlatformConfiguration {

    /** One clock for the whole application, so that time-dependent rules are tested without sleeping. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * A number or a boolean where a request body wants text is a client's mistake, not text: {@code "headline": 123}
     * is refused naming the field ({@code web.ApiErrors}) instead of being published as "123".
     */
    @Bean
    JsonMapperBuilderCustomizer textIsText() {
        return builder -> builder.withCoercionConfig(LogicalType.Textual, text -> text
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

    /** Forwarded headers believed from the trusted proxies only ({@code dateline.trusted-proxies}). */
    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> forwardedHeaders(DatelineSettings settings) {
        return factory -> ForwardedHeaders.valve(settings.trustedProxies()).ifPresent(factory::addEngineValves);
    }

    /** {@code SameSite} and {@code Secure} of every cookie the servlet API sets, decided in one place. */
    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> siteCookies() {
        return factory -> factory.addContextCustomizers(context -> context.setCookieProcessor(new SiteCookies()));
    }

    /** Text with a NUL is refused naming the field ({@link TextWithoutNul}). */
    @Bean
    JsonMapperBuilderCustomizer textWithoutNul() {
        return builder -> builder.addModule(new SimpleModule("text-without-nul")
                .addDeserializer(String.class, new TextWithoutNul()));
    }
}
