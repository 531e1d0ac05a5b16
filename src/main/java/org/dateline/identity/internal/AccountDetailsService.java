package org.dateline.identity.internal;

import org.dateline.identity.Actor;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads an account for form login. Only staff accounts may log in until readers have their own login. */
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
                .orElseThrow(() -> new UsernameNotFoundException("no staff account"));
    }
}
