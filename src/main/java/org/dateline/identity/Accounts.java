package org.dateline.identity;

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

    /** Deactivated accounts cannot log in; their open sessions end at their next request. */
    void setActive(long accountId, boolean active);
}
