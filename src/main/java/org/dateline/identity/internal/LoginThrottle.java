package org.dateline.identity.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.dateline.platform.limits.RateLimit;
import org.dateline.platform.limits.RateLimiter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows password guessing: each login attempt takes a token from the caller's address bucket and from the named
 * account's bucket; an empty bucket answers the login form with "too many attempts" before any password is
 * checked. The limits hold for the whole cluster ({@link RateLimiter}).
 */
class LoginThrottle extends OncePerRequestFilter {

    static final int PER_ACCOUNT_PER_15_MINUTES = 10;

    private final String path;
    private final String usernameParameter;
    private final String throttled;
    private final RateLimit byAddress;
    private final RateLimit byAccount;

    /** The staff login form. */
    LoginThrottle(RateLimiter limiter, int perAddressPerMinute) {
        this(limiter, "/login", "username", "/login?throttled", perAddressPerMinute);
    }

    LoginThrottle(RateLimiter limiter, String path, String usernameParameter, String throttled,
                  int perAddressPerMinute) {
        this.path = path;
        this.usernameParameter = usernameParameter;
        this.throttled = throttled;
        this.byAddress = limiter.limit("login" + path + ".address", perAddressPerMinute, Duration.ofMinutes(1));
        this.byAccount = limiter.limit("login" + path + ".account", PER_ACCOUNT_PER_15_MINUTES,
                Duration.ofMinutes(15));
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && path.equals(request.getRequestURI()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String email = request.getParameter(usernameParameter);
        if (!byAddress.tryTake(request.getRemoteAddr())
                || !byAccount.tryTake(email == null ? "" : email.strip().toLowerCase(Locale.ROOT))) {
            response.sendRedirect(throttled + ReaderLogin.langQuery(request, "&"));
            return;
        }
        chain.doFilter(request, response);
    }
}
