package org.dateline.identity.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.dateline.identity.Account;
import org.dateline.identity.AccountResult;
import org.dateline.identity.PasswordPolicy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Forgot password": a single-use link valid for an hour, sent only when the address has an account, with the same
 * answer either way. Setting the new password through the link also proves the address, so it confirms it; and it
 * ends every login of the account (remembered logins, and sessions on every node), since whoever knew the old
 * password may be one of them. Staff accounts reset the same way.
 */
@Service
class ResetPassword {

    private final JdbcAccounts accounts;
    private final JdbcAccountTokens tokens;
    private final ReaderMails mails;
    private final AccountSessions sessions;

    ResetPassword(JdbcAccounts accounts, JdbcAccountTokens tokens, ReaderMails mails, AccountSessions sessions) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.mails = mails;
        this.sessions = sessions;
    }

    @Transactional
    public void request(String email, Locale locale) {
        Optional<Account> account = accounts.byEmail(email).filter(a -> !a.erased());
        if (account.isPresent()) {
            Account a = account.get();
            mails.passwordReset(a.email(), a.displayName(), tokens.issue(a.id(), AccountToken.Purpose.RESET), locale);
        } else {
            AccountToken.hash(AccountToken.generate()); // about the work of issuing one
        }
    }

    /** Whether the link still works, to show the form or say why not. */
    public TokenOutcome check(String token) {
        var stored = tokens.find(token, AccountToken.Purpose.RESET).orElse(null);
        if (stored == null) {
            return new TokenOutcome.Invalid();
        }
        return stored.redemption(tokens.now()) == AccountToken.Redemption.VALID
                ? new TokenOutcome.Done(stored.accountId()) : new TokenOutcome.Spent();
    }

    @Transactional
    public TokenOutcome complete(String token, String password) {
        var stored = tokens.find(token, AccountToken.Purpose.RESET).orElse(null);
        if (stored == null) {
            return new TokenOutcome.Invalid();
        }
        if (stored.redemption(tokens.now()) != AccountToken.Redemption.VALID) {
            return new TokenOutcome.Spent();
        }
        Account account = accounts.find(stored.accountId()).filter(a -> !a.erased()).orElse(null);
        if (account == null) {
            return new TokenOutcome.Spent();
        }
        Optional<AccountResult.Problem> weak = PasswordPolicy.check(password, account.email());
        if (weak.isPresent()) {
            return new TokenOutcome.Refused(List.of(weak.get()));
        }
        if (!tokens.redeem(stored.id())) {
            return new TokenOutcome.Spent();
        }
        accounts.setPassword(account.id(), password);
        accounts.confirmEmail(account.id());
        return new TokenOutcome.PasswordSet(sessions.endAll(account.id()));
    }
}
