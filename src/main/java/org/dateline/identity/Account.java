package org.dateline.identity;

import java.time.Instant;
import java.util.Locale;

/**
 * An account as other modules see it; never carries the password hash.
 *
 * @param confirmed whether the owner proved the email address (staff accounts are confirmed when made)
 * @param deletedAt when the owner deleted the account; it can be restored for {@link #RESTORE_DAYS} days, then it is
 *                  erased; null while the account lives
 * @param erased    the personal data is gone; the row (its id) stays so that what the account wrote can still say
 *                  "deleted account"
 */
public record Account(long id, String email, String displayName, Role role, boolean active,
                      boolean mustChangePassword, Instant createdAt, boolean confirmed, Instant deletedAt,
                      boolean erased) {

    public static final int RESTORE_DAYS = 30;

    /** Deleted, whether still restorable or erased: show it as "deleted account". */
    public boolean deleted() {
        return deletedAt != null || erased;
    }

    /** Up to two letters for the avatar: the first letters of the first and last words of the name. */
    public String initials() {
        return initials(displayName);
    }

    public static String initials(String name) {
        if (name == null || name.isBlank()) {
            return "?";
        }
        String[] words = name.strip().split("\\s+");
        String first = words[0].substring(0, words[0].offsetByCodePoints(0, 1));
        if (words.length == 1) {
            return first.toUpperCase(Locale.ROOT);
        }
        String last = words[words.length - 1];
        return (first + last.substring(0, last.offsetByCodePoints(0, 1))).toUpperCase(Locale.ROOT);
    }
}
