package org.dateline.identity;

import java.util.List;
import java.util.Optional;

/** Staff (and later reader) accounts. Passwords are checked against {@link PasswordPolicy} and stored as bcrypt. */
public interface Accounts {

    Optional<Account> find(long id);

    Optional<Account> byEmail(String email);

    List<Account> staff();

    boolean anyAdmin();

    AccountResult createStaff(String email, String displayName, Role role, String password, boolean mustChangePassword);

    AccountResult changePassword(long accountId, String currentPassword, String newPassword);

    /** Deactivated accounts cannot log in; their open sessions end at their next request. */
    void setActive(long accountId, boolean active);
}
