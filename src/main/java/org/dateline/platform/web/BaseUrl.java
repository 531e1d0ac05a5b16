package org.dateline.platform.web;

import org.dateline.platform.DatelineSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The public origin of the site, for canonical URLs, feeds and sitemaps. Configured ({@code DATELINE_BASE_URL}), or
 * {@code http://localhost:<port>}. Never taken from request headers: cached pages would carry a forged host.
 */
@Component
public class BaseUrl {

    private final String configured;
    private static final Logger log = LoggerFactory.getLogger(BaseUrl.class);

    private volatile String local = "http://localhost:8080";
    private volatile int port = 8080;

    public BaseUrl(DatelineSettings settings) {
        String base = settings.baseUrl();
        this.configured = base == null || base.isBlank() ? null : base.replaceAll("/+$", "");
    }

    @EventListener
    void onStarted(WebServerInitializedEvent event) {
        port = event.getWebServer().getPort();
        local = "http://localhost:" + port;
    }

    /** One line when everything that runs at start is done (the demo content loaded): where the site is. */
    @EventListener
    @Order(Ordered.LOWEST_PRECEDENCE)
    void onReady(ApplicationReadyEvent event) {
        if (configured == null) {
            log.info("Dateline is ready at {}/ (the newsroom: {}/newsroom)", local, local);
        } else {
            log.info("Dateline is ready at {}/ (the newsroom: {}/newsroom); this node listens on port {}", configured,
                    configured, port);
        }
    }

    public String get() {
        return configured != null ? configured : local;
    }

    /** The absolute URL of a path that starts with a slash. */
    public String of(String path) {
        return get() + path;
    }
}
