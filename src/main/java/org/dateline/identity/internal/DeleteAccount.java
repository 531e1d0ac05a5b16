package org.dateline.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.dateline.identity.Account;
import org.dateline.identity.AccountDeleted;
import org.dateline.identity.AccountErased;
import org.dateline.identity.AccountRestored;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A reader deletes their account with their password. For {@value Account#RESTORE_DAYS} days, logging in offers to
 * restore it; after that the erasure job removes the email, name and password hash and keeps the row, so that what
 * the account wrote shows as "deleted account".
 */
@Service
class DeleteAccount {

    private static final Logger log = LoggerFactory.getLogger(DeleteAccount.class);
    static final Duration RESTORE_WINDOW = Duration.ofDays(Account.RESTORE_DAYS);

    private final JdbcAccounts accounts;
    private final AccountSessions sessions;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    DeleteAccount(JdbcAccounts accounts, AccountSessions sessions, Clock clock, ApplicationEventPublisher events,
                  PlatformTransactionManager transactions) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.clock = clock;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * False when the password is not right. Every session of the account ends, on every device, and
     * {@link AccountDeleted} goes to the modules in this transaction.
     */
    @Transactional
    public boolean delete(long accountId, String password) {
        if (!accounts.passwordMatches(accountId, password)) {
            return false;
        }
        accounts.markDeleted(accountId);
        sessions.endAll(accountId);
        events.publishEvent(new AccountDeleted(accountId, clock.instant()));
        return true;
    }

    /**
     * False when there is nothing to restore (never deleted, or already erased). {@link AccountRestored} goes to the
     * modules in this transaction.
     */
    @Transactional
    public boolean restore(long accountId) {
        if (!accounts.restore(accountId)) {
            return false;
        }
        events.publishEvent(new AccountRestored(accountId, clock.instant()));
        return true;
    }

    /**
     * Erases every account whose restore window has passed. Idempotent; safe on every node at once. Runs every
     * {@code dateline.readers.erase-interval} ({@link IdentityConfiguration}).
     */
    public int eraseExpired() {
        List<Long> due = accounts.deletedBefore(clock.instant().minus(RESTORE_WINDOW));
        int erased = 0;
        for (long id : due) {
            // One transaction per account, with AccountErased in it; of nodes erasing at once, only the one whose
            // update took the row raises it.
            Boolean done = transaction.execute(status -> {
                boolean took = accounts.erase(id);
                if (took) {
                    events.publishEvent(new AccountErased(id, clock.instant()));
                }
                return took;
            });
            erased += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        if (erased > 0) {
            log.info("Erased the personal data of {} deleted account(s)", erased);
        }
        return erased;
    }
}
