package org.dateline.identity.internal;

import java.util.Locale;

import org.dateline.identity.Account;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Following the confirmation link confirms the address; a new link can be asked for, with the usual silence. */
@Service
class ConfirmEmail {

    private final JdbcAccounts accounts;
    private final JdbcAccountTokens tokens;
    private final ReaderMails mails;

    ConfirmEmail(JdbcAccounts accounts, JdbcAccountTokens tokens, ReaderMails mails) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.mails = mails;
    }

    @Transactional
    public TokenOutcome confirm(String token) {
        var stored = tokens.find(token, AccountToken.Purpose.CONFIRM).orElse(null);
        if (stored == null) {
            return new TokenOutcome.Invalid();
        }
        if (stored.redemption(tokens.now()) != AccountToken.Redemption.VALID || !tokens.redeem(stored.id())) {
            return new TokenOutcome.Spent();
        }
        accounts.confirmEmail(stored.accountId());
        return new TokenOutcome.Done(stored.accountId());
    }

    /** Sends a new link when the address has an unconfirmed, live account; nothing otherwise. Same answer either way. */
    @Transactional
    public void resend(String email, Locale locale) {
        accounts.byEmail(email).filter(a -> !a.confirmed() && !a.deleted()).ifPresent((Account account) ->
                mails.confirmation(account.email(), account.displayName(),
                        tokens.issue(account.id(), AccountToken.Purpose.CONFIRM), locale));
    }
}
