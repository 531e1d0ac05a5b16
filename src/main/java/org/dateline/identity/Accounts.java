package org.dateline.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Staff and reader accounts. Passwords are checked against {@link PasswordPolicy} and stored as bcrypt. Readers
 * register, confirm, reset and delete through the account pages ({@code /account/**}); this interface is what other
 * modules need to know about an account.
 */
public interface Accounts {

    Optional<Account> find(long id);

    Optional<Account> byEmail(String email);

    /**
     * The name to show next to what the account wrote, or empty when the account is deleted (restorable or erased)
     * or unknown: show "deleted account" then.
     */
    Optional<String> publicName(long id);

    List<Account> staff();

    boolean anyAdmin();

    AccountResult createStaff(String email, String displayName, Role role, String password, boolean mustChangePassword);

    /**
     * A confirmed account no one can log in to (its password is random and never kept): the demo's readers and its
     * community desk. The same one again when the address exists.
     */
    Account createWithoutLogin(String email, String displayName, Role role, Instant since);

    /** Deactivated accounts cannot log in; their open sessions end at their next request. */
    void setActive(long accountId, boolean active);
}
