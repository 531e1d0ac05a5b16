package org.dateline.identity.internal;

import java.util.Optional;

import org.dateline.identity.Actor;
import org.dateline.identity.CurrentActor;
import org.dateline.identity.CurrentScopes;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

@Component
class SecurityContextActor implements CurrentActor, CurrentScopes {

    @Override
    public Optional<Actor> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal) {
            return Optional.of(principal.actor());
        }
        if (authentication != null && authentication.getPrincipal() instanceof AdminTokenFilter.ApiPrincipal principal) {
            return Optional.of(principal.actor());
        }
        return Optional.empty();
    }

    /** Only a token's authentication carries scopes; a session's roles never count as one. */
    @Override
    public boolean holds(String authority) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof AdminTokenFilter.ApiPrincipal
                && authentication.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
    }
}
