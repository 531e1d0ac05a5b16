package org.dateline.identity.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.dateline.identity.Actor;
import org.dateline.identity.ApiClient;
import org.dateline.identity.ApiTokens;
import org.dateline.identity.Role;
import org.dateline.identity.Scopes;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>}: the configured bootstrap admin token (compared in constant
 * time; it holds every scope), else an integration token through {@link ApiTokens} (its scopes and those they
 * include, {@link Scopes#granted}: the stored scopes stay as they were given). An unknown token
 * leaves the request anonymous, which the API chain answers with 401. Tokens are never logged.
 * <p>
 * The actor of a token: the bootstrap token acts as an administrator; an integration acts as an editor named
 * "Integration: &lt;name&gt;" (account id 0, no email). Its scopes, not its role, decide what the API lets it do;
 * the role only matters to use cases that check a policy, where an integration may do what an editor may and never
 * manage staff.
 */
class AdminTokenFilter extends OncePerRequestFilter {

    private final byte[] token;
    private final ObjectProvider<ApiTokens> apiTokens;

    AdminTokenFilter(IdentitySettings settings, ObjectProvider<ApiTokens> apiTokens) {
        this.token = settings.adminApiEnabled() ? settings.adminToken().getBytes(StandardCharsets.UTF_8) : null;
        this.apiTokens = apiTokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String presented = header.substring(7).trim();
            if (!presented.isEmpty()) {
                authenticate(presented);
            }
        }
        chain.doFilter(request, response);
    }

    private void authenticate(String presented) {
        if (token != null && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), token)) {
            signIn(new ApiPrincipal(new Actor(0, "", "Admin token", Role.ADMIN)),
                    Scopes.NAMES.stream().map(Scopes::authority).toList());
            return;
        }
        Optional<ApiClient> client = Optional.ofNullable(apiTokens.getIfAvailable())
                .flatMap(tokens -> tokens.authenticate(presented));
        client.ifPresent(c -> signIn(new ApiPrincipal(new Actor(0, "", "Integration: " + c.name(), Role.EDITOR)),
                Scopes.granted(c.scopes()).stream().map(Scopes::authority).toList()));
    }

    private static void signIn(ApiPrincipal principal, List<String> authorities) {
        var authentication = UsernamePasswordAuthenticationToken.authenticated(principal, null,
                authorities.stream().map(SimpleGrantedAuthority::new).toList());
        SecurityContextHolder.getContext().setAuthentication(authentication);
    }

    /** The caller of an API request authenticated by a token; lives for one request (the API has no session). */
    record ApiPrincipal(Actor actor) {

        @Override
        public String toString() {
            return actor.displayName();
        }
    }
}
