package org.dateline.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The one place that decides the attributes of every cookie set through the servlet API ({@code addCookie}: the
 * remember-me cookie, the reader hint, the cookies a logout clears): {@code SameSite=Lax} unless the cookie names its
 * own, and {@code Secure} whenever the request is secure, on TLS here or at a trusted proxy ({@link ForwardedHeaders}).
 * {@code HttpOnly} stays with whoever makes the cookie, since only its maker knows whether a script must read it.
 * The session cookie (Spring Session) and the CSRF cookie write their headers themselves, by the same rule: their
 * {@code SameSite} is set in {@code application.yml} and the security configuration, {@code Secure} follows the
 * request. Registered ahead of Spring Security; the fast paths before it (cached pages, pictures) set no cookies.
 */
public final class SiteCookies extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean secure = request.isSecure();
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void addCookie(Cookie cookie) {
                super.addCookie(decided(cookie, secure));
            }
        });
    }

    static Cookie decided(Cookie cookie, boolean secure) {
        if (cookie.getAttribute("SameSite") != null && (!secure || cookie.getSecure())) {
            return cookie;
        }
        Cookie decided = (Cookie) cookie.clone();
        if (decided.getAttribute("SameSite") == null) {
            decided.setAttribute("SameSite", "Lax");
        }
        if (secure) {
            decided.setSecure(true);
        }
        return decided;
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }
}
