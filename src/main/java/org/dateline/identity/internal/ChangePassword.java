package org.dateline.identity.internal;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.dateline.identity.Account;
import org.dateline.identity.AccountResult;
import org.dateline.identity.PasswordPolicy;
import org.dateline.identity.ReaderPages;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A logged-in reader or staff member changes their password (staff also when made to at their first login). Whoever
 * may have learnt the old one loses every login it gave: the remembered logins and the account's other sessions, on
 * every node. The session the change is made in stays; the caller gives it a new id.
 */
@Service
class ChangePassword {

    sealed interface Result {
    }

    /** Changed; this many other sessions of the account ended. */
    record Changed(int otherSessionsEnded) implements Result {
    }

    record Refused(List<AccountResult.Problem> problems) implements Result {
    }

    private final JdbcAccounts accounts;
    private final AccountSessions sessions;

    ChangePassword(JdbcAccounts accounts, AccountSessions sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    @Transactional
    public Result change(long accountId, String currentPassword, String newPassword, String currentSessionId) {
        Account account = accounts.find(accountId).orElse(null);
        if (account == null || !accounts.passwordMatches(accountId, currentPassword)) {
            return refused(new AccountResult.Problem("currentPassword", "wrong_password",
                    "The current password is not right."));
        }
        Optional<AccountResult.Problem> weak = PasswordPolicy.check(newPassword, account.email());
        if (weak.isPresent()) {
            return refused(weak.get());
        }
        if (newPassword.equals(currentPassword)) {
            return refused(new AccountResult.Problem("password", "password_unchanged",
                    "Choose a password different from the current one."));
        }
        accounts.setPassword(accountId, newPassword);
        return new Changed(sessions.endAllBut(accountId, currentSessionId));
    }

    /**
     * What follows a change in the request it was made in: the kept session gets a new id, so that whoever learnt
     * the old id along with the old password does not share it, and the next page hears how many other sessions
     * ended ({@link ReaderPages#OTHER_SESSIONS_ENDED}).
     */
    static void afterChange(Changed changed, HttpServletRequest request, RedirectAttributes next) {
        request.changeSessionId();
        next.addFlashAttribute(ReaderPages.OTHER_SESSIONS_ENDED, changed.otherSessionsEnded());
    }

    private static Refused refused(AccountResult.Problem problem) {
        return new Refused(List.of(problem));
    }
}
