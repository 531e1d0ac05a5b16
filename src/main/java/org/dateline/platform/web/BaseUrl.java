package org.dateline.platform.web;

import org.dateline.platform.DatelineSettings;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The public origin of the site, for canonical URLs, feeds and sitemaps. Configured ({@code DATELINE_BASE_URL}), or
 * {@code http://localhost:<port>}. Never taken from request headers: cached pages would carry a forged host.
 */
@Component
public class BaseUrl {

    private final String configured;
    private volatile String local = "http://localhost:8080";

    public BaseUrl(DatelineSettings settings) {
        String base = settings.baseUrl();
        this.configured = base == null || base.isBlank() ? null : base.replaceAll("/+$", "");
    }

    @EventListener
    void onStarted(WebServerInitializedEvent event) {
        local = "http://localhost:" + event.getWebServer().getPort();
    }

    public String get() {
        return configured != null ? configured : local;
    }

    /** The absolute URL of a path that starts with a slash. */
    public String of(String path) {
        return get() + path;
    }
}
