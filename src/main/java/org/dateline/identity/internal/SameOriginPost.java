package org.dateline.identity.internal;

import java.net.URI;
import java.util.Locale;
import java.util.function.Predicate;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * A {@code POST} to one of the given paths that a browser says comes from this site's own page: {@code
 * Sec-Fetch-Site: same-origin}, or (from a browser that does not send it) an {@code Origin} naming this very host.
 * Anything else (another site, or no word either way) must bring the CSRF token as every other call does. A script
 * outside a browser can claim either header: what guards each such call against it is its own (a view counts once
 * per viewer and day; a push subscription is limited per address, and ending one needs its secret).
 */
final class SameOriginPost implements RequestMatcher {

    private final Predicate<String> paths;

    /** @param paths which request URIs this matcher lets through */
    SameOriginPost(Predicate<String> paths) {
        this.paths = paths;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod()) || !paths.test(request.getRequestURI())) {
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
