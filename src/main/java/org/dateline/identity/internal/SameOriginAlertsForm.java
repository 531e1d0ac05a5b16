package org.dateline.identity.internal;

import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The subscription forms that need no CSRF token. {@code POST /{edition}/subscribe} is sent from cached pages, the
 * same for every reader, which hold no token: it passes when the browser says it comes from this site's own page
 * ({@link SameOriginPost#fromThisSite}), so another site cannot make its visitors' browsers subscribe their accounts
 * (a visitor's address is confirmed by mail anyway). So do the forms of the pages that signed links open
 * ({@code /alerts/confirm/*}, {@code /alerts/manage/**}): the link's signature is their proof, and the origin check
 * keeps them from being posted from elsewhere. RFC 8058's one-click unsubscribe ({@code POST /alerts/unsubscribe/*})
 * is posted by mail providers from anywhere, so it needs no origin: its signed link alone decides.
 */
final class SameOriginAlertsForm implements RequestMatcher {

    private static final Pattern FROM_OUR_PAGES = Pattern.compile("/[a-z]{2}/subscribe|/alerts/(confirm|manage)/.+");
    private static final Pattern FROM_ANYWHERE = Pattern.compile("/alerts/unsubscribe/[^/]+");

    @Override
    public boolean matches(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod())) {
            return false;
        }
        String path = request.getRequestURI();
        return FROM_ANYWHERE.matcher(path).matches()
                || FROM_OUR_PAGES.matcher(path).matches() && SameOriginPost.fromThisSite(request);
    }
}
