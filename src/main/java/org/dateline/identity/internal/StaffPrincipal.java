package org.dateline.identity.internal;

import java.util.Collection;
import java.util.List;

import org.dateline.identity.Actor;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The logged-in account as Spring Security holds it in the session: the actor, never the password hash after login. */
class StaffPrincipal implements UserDetails, CredentialsContainer {

    private final Actor actor;
    private final boolean active;
    private String passwordHash;

    StaffPrincipal(Actor actor, boolean active, String passwordHash) {
        this.actor = actor;
        this.active = active;
        this.passwordHash = passwordHash;
    }

    Actor actor() {
        return actor;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(actor.role().authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return actor.email();
    }

    @Override
    public boolean isEnabled() {
        return active;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
