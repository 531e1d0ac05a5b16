package org.dateline.identity.internal;

import java.util.List;

import org.dateline.identity.AccountResult;

/** What following a mailed link came to. Controllers map each to a page and a status. */
sealed interface TokenOutcome {

    record Done(long accountId) implements TokenOutcome {
    }

    /** A reset link set the new password and ended every login of the account: this many live sessions. */
    record PasswordSet(int sessionsEnded) implements TokenOutcome {
    }

    /** Not a token of ours at all (400). */
    record Invalid() implements TokenOutcome {
    }

    /** A real token, but used or expired (410). */
    record Spent() implements TokenOutcome {
    }

    /** The token is good but the form is not (the new password breaks a rule); the token stays usable. */
    record Refused(List<AccountResult.Problem> problems) implements TokenOutcome {
    }
}
