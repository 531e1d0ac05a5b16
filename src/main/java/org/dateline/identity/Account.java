package org.dateline.identity;

import java.time.Instant;

/** An account as other modules see it; never carries the password hash. */
public record Account(long id, String email, String displayName, Role role, boolean active,
                      boolean mustChangePassword, Instant createdAt) {
}
