package org.dateline.identity.internal;

import java.net.URI;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * A {@code POST /api/views/{id}} that a browser says comes from this site's own page: {@code Sec-Fetch-Site:
 * same-origin}, or (from a browser that does not send it) an {@code Origin} naming this very host. Anything else
 * (another site, or no word either way) must bring the CSRF token as every other call does. A script outside a
 * browser can claim either header; what stops it inflating counts is that a view counts once per viewer and day.
 */
final class SameOriginView implements RequestMatcher {

    @Override
    public boolean matches(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/views/")) {
            return false;
        }
        return fromThisSite(request);
    }

    /** Whether the browser says the request comes from this site's own page (see above). */
    static boolean fromThisSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return "same-origin".equals(site.toLowerCase(Locale.ROOT));
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            String host = request.getServerName();
            int port = uri.getPort() == -1 ? ("https".equals(uri.getScheme()) ? 443 : 80) : uri.getPort();
            return host != null && host.equalsIgnoreCase(uri.getHost()) && port == request.getServerPort()
                    && uri.getScheme() != null && uri.getScheme().equalsIgnoreCase(request.getScheme());
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
