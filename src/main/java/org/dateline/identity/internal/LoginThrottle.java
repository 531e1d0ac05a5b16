package org.dateline.identity.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows password guessing: each login attempt takes a token from the caller's address bucket and from the named
 * account's bucket; an empty bucket answers the login form with "too many attempts" before any password is
 * checked. Buckets are per node (a cluster multiplies the allowance by its size) and forgotten when idle.
 */
class LoginThrottle extends OncePerRequestFilter {

    static final int PER_ACCOUNT_PER_15_MINUTES = 10;

    private final String path;
    private final String usernameParameter;
    private final String throttled;
    private final int perAddressPerMinute;
    private final Cache<String, Bucket> byAddress = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(10)).build();
    private final Cache<String, Bucket> byAccount = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(30)).build();

    /** The staff login form. */
    LoginThrottle(int perAddressPerMinute) {
        this("/login", "username", "/login?throttled", perAddressPerMinute);
    }

    LoginThrottle(String path, String usernameParameter, String throttled, int perAddressPerMinute) {
        this.path = path;
        this.usernameParameter = usernameParameter;
        this.throttled = throttled;
        this.perAddressPerMinute = perAddressPerMinute;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && path.equals(request.getRequestURI()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String email = request.getParameter(usernameParameter);
        Bucket address = byAddress.get(request.getRemoteAddr(), k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perAddressPerMinute)
                        .refillGreedy(perAddressPerMinute, Duration.ofMinutes(1)).build()).build());
        Bucket account = byAccount.get(email == null ? "" : email.strip().toLowerCase(Locale.ROOT), k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(PER_ACCOUNT_PER_15_MINUTES)
                        .refillGreedy(PER_ACCOUNT_PER_15_MINUTES, Duration.ofMinutes(15)).build()).build());
        if (!address.tryConsume(1) || !account.tryConsume(1)) {
            response.sendRedirect(throttled + ReaderLogin.langQuery(request, "&"));
            return;
        }
        chain.doFilter(request, response);
    }
}
