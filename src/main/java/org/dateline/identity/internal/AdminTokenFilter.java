package org.dateline.identity.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.dateline.identity.Scopes;
import org.dateline.platform.DatelineSettings;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates {@code Authorization: Bearer <token>} against the configured admin token, in constant time. */
class AdminTokenFilter extends OncePerRequestFilter {

    /** The principal of a request with the bootstrap token, and who the use cases see acting. */
    static final String PRINCIPAL = "admin-token";
    static final org.dateline.identity.Actor ACTOR = new org.dateline.identity.Actor(0, "",
            "Admin API", org.dateline.identity.Role.ADMIN);

    private final byte[] token;

    AdminTokenFilter(DatelineSettings settings) {
        this.token = settings.adminApiEnabled() ? settings.adminToken().getBytes(StandardCharsets.UTF_8) : null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (token != null && header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            byte[] presented = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
            if (MessageDigest.isEqual(presented, token)) {
                var authentication = UsernamePasswordAuthenticationToken.authenticated(PRINCIPAL, null,
                        List.of(new SimpleGrantedAuthority(Scopes.ARTICLES_WRITE),
                                new SimpleGrantedAuthority(Scopes.WIRE_PUSH)));
                SecurityContextHolder.getContext().setAuthentication(authentication);
            }
        }
        chain.doFilter(request, response);
    }
}
