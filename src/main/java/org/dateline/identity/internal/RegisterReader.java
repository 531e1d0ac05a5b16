package org.dateline.identity.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.dateline.identity.Account;
import org.dateline.identity.AccountResult;
import org.dateline.identity.PasswordPolicy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A reader registers with email, name and password. Whether the address is new or already has an account, the answer
 * is the same ("check your mail") and takes about as long (a password hash either way, the mail sent in the
 * background); only the mail differs: a confirmation link, or "you already have an account".
 */
@Service
class RegisterReader {

    /** What the form shows: done (the same for a new and a known address), or problems with the fields. */
    sealed interface Result {
        record CheckYourMail() implements Result {
        }

        record Refused(List<AccountResult.Problem> problems) implements Result {
        }
    }

    private final JdbcAccounts accounts;
    private final JdbcAccountTokens tokens;
    private final ReaderMails mails;

    RegisterReader(JdbcAccounts accounts, JdbcAccountTokens tokens, ReaderMails mails) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.mails = mails;
    }

    @Transactional
    public Result register(String email, String displayName, String password, Locale locale) {
        String normalised = JdbcAccounts.normalise(email);
        List<AccountResult.Problem> problems = new ArrayList<>();
        JdbcAccounts.emailProblem(normalised).ifPresent(problems::add);
        JdbcAccounts.nameProblem(displayName).ifPresent(problems::add);
        PasswordPolicy.check(password, normalised).ifPresent(problems::add);
        if (!problems.isEmpty()) {
            return new Result.Refused(problems);
        }
        Optional<Account> existing = accounts.byEmail(normalised);
        if (existing.isPresent()) {
            accounts.spendPasswordTime(password);
            mails.alreadyRegistered(normalised, locale);
            return new Result.CheckYourMail();
        }
        Optional<Long> created = accounts.createReader(normalised, displayName, accounts.encode(password));
        if (created.isEmpty()) { // registered by a concurrent request a moment ago
            mails.alreadyRegistered(normalised, locale);
            return new Result.CheckYourMail();
        }
        String token = tokens.issue(created.get(), AccountToken.Purpose.CONFIRM);
        mails.confirmation(normalised, displayName.strip(), token, locale);
        return new Result.CheckYourMail();
    }
}
