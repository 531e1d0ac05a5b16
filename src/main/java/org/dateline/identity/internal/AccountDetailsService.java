package org.dateline.identity.internal;

import org.dateline.identity.Actor;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Loads an account for form login. Readers log in too (chats need them); the newsroom's own rules keep them out of
 * the newsroom.
 */
@Component
class AccountDetailsService implements UserDetailsService {

    private final JdbcAccounts accounts;

    AccountDetailsService(JdbcAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        return accounts.credentials(email)
                .filter(c -> c.role().isStaff())
                .map(c -> new AccountPrincipal(new Actor(c.id(), c.email(), c.displayName(), c.role()), c.active(),
                        c.passwordHash()))
                .orElseThrow(() -> new UsernameNotFoundException("no account"));
    }
}
