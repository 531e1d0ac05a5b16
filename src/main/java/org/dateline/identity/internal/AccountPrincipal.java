package org.dateline.identity.internal;

import java.util.Collection;
import java.util.List;

import org.dateline.identity.Actor;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The logged-in account as Spring Security holds it in the session: the actor, never the password hash after login.
 * Whether the email is confirmed and whether the account is deleted are checked after the password (see
 * {@link ReaderLogin}), so that neither tells a stranger that an address has an account.
 */
class AccountPrincipal implements UserDetails, CredentialsContainer {

    private final Actor actor;
    private final boolean active;
    private final boolean confirmed;
    private final boolean deleted;
    private String passwordHash;

    AccountPrincipal(Actor actor, boolean active, String passwordHash) {
        this(actor, active, true, false, passwordHash);
    }

    AccountPrincipal(Actor actor, boolean active, boolean confirmed, boolean deleted, String passwordHash) {
        this.actor = actor;
        this.active = active;
        this.confirmed = confirmed;
        this.deleted = deleted;
        this.passwordHash = passwordHash;
    }

    static AccountPrincipal of(JdbcAccounts.Credentials c) {
        return new AccountPrincipal(new Actor(c.id(), c.email(), c.displayName(), c.role()), c.active(), c.confirmed(),
                c.deleted(), c.passwordHash());
    }

    /** The same login with a changed actor (a new display name), for the session. */
    AccountPrincipal withActor(Actor changed) {
        return new AccountPrincipal(changed, active, confirmed, deleted, null);
    }

    boolean confirmed() {
        return confirmed;
    }

    boolean deleted() {
        return deleted;
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
