package org.dateline.platform.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.Rfc6265CookieProcessor;

/**
 * The one place that decides the attributes of every cookie set through the servlet API ({@code addCookie}: the
 * remember-me cookie, the reader hint, the cookies a logout clears): {@code SameSite=Lax} unless the cookie names its
 * own, and {@code Secure} whenever the request is secure, on TLS here or at a trusted proxy ({@link ForwardedHeaders}).
 * {@code HttpOnly} stays with whoever makes the cookie, since only its maker knows whether a script must read it.
 * The session cookie (Spring Session) and the CSRF cookie write their headers themselves, by the same rule: their
 * {@code SameSite} is set in {@code application.yml} and the security configuration, {@code Secure} follows the
 * request.
 */
public final class SiteCookies extends Rfc6265CookieProcessor {

    public SiteCookies() {
        setSameSiteCookies("lax");
    }

    @Override
    public String generateHeader(Cookie cookie, HttpServletRequest request) {
        if (request != null && request.isSecure() && !cookie.getSecure()) {
            Cookie secure = (Cookie) cookie.clone();
            secure.setSecure(true);
            return super.generateHeader(secure, request);
        }
        return super.generateHeader(cookie, request);
    }
}
