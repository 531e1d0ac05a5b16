package org.dateline.platform;

import java.time.Clock;

import org.dateline.platform.web.ForwardedHeaders;
import org.dateline.platform.web.SiteCookies;
import org.dateline.platform.web.TextWithoutNul;
import org.dateline.platform.web.UnreadBodies;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.jetty.ConfigurableJettyWebServerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
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
    WebServerFactoryCustomizer<ConfigurableJettyWebServerFactory> forwardedHeaders(DatelineSettings settings) {
        return factory -> ForwardedHeaders.forProxies(settings.trustedProxies())
                .ifPresent(headers -> factory.addServerCustomizers(headers::addTo));
    }

    /**
     * Two departures from Jetty's defaults. Redirects name the scheme, host and port the client asked for (behind a
     * trusted proxy, the proxy's word), as the servlet specification describes, rather than a relative
     * {@code Location}. An encoded control character in the path ({@code %0a}, {@code %1b}) reaches the application,
     * whose firewall (Spring Security's) refuses the dangerous ones and whose routes refuse the rest, with a 400 on a
     * connection that stays open: Jetty's own refusal closes the connection before reading the request's body, and a
     * client still sending it may lose the answer.
     */
    @Bean
    WebServerFactoryCustomizer<ConfigurableJettyWebServerFactory> httpConfiguration() {
        UriCompliance uris = UriCompliance.DEFAULT.with("DEFAULT_WITH_CONTROL_CHARACTERS",
                UriCompliance.Violation.SUSPICIOUS_PATH_CHARACTERS);
        return factory -> factory.addServerCustomizers(server -> {
            for (Connector connector : server.getConnectors()) {
                for (ConnectionFactory connection : connector.getConnectionFactories()) {
                    if (connection instanceof HttpConfiguration.ConnectionFactory http) {
                        http.getHttpConfiguration().setRelativeRedirectAllowed(false);
                        http.getHttpConfiguration().setUriCompliance(uris);
                    }
                }
            }
        });
    }

    /**
     * One selector per core unless {@code server.jetty.threads.selectors} says otherwise: the fast paths (pictures in
     * memory) answer on the selector thread that read the request, as nginx answers on its worker per core, and
     * Jetty's own default (half the cores) leaves one core of two idle under their load.
     */
    @Bean
    WebServerFactoryCustomizer<ConfigurableJettyWebServerFactory> selectorPerCore(Environment environment) {
        return factory -> {
            Integer configured = environment.getProperty("server.jetty.threads.selectors", Integer.class);
            if (configured == null || configured < 1) {
                factory.setSelectors(Runtime.getRuntime().availableProcessors());
            }
        };
    }

    /**
     * {@code SameSite} and {@code Secure} of every cookie the servlet API sets, decided in one place: ahead of Spring
     * Security, after the fast paths (pictures, the page cache, the newsfeed stream), which set none.
     */
    @Bean
    FilterRegistrationBean<SiteCookies> siteCookies() {
        FilterRegistrationBean<SiteCookies> registration = new FilterRegistrationBean<>(new SiteCookies());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 4);
        return registration;
    }

    /** A request body the application did not read is read before the exchange ends ({@link UnreadBodies}). */
    @Bean
    FilterRegistrationBean<UnreadBodies> unreadBodies() {
        FilterRegistrationBean<UnreadBodies> registration = new FilterRegistrationBean<>(new UnreadBodies());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }

    /** Text with a NUL is refused naming the field ({@link TextWithoutNul}). */
    @Bean
    JsonMapperBuilderCustomizer textWithoutNul() {
        return builder -> builder.addModule(new SimpleModule("text-without-nul")
                .addDeserializer(String.class, new TextWithoutNul()));
    }
}
