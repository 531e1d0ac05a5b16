package org.dateline.chats;

import java.time.Instant;

import org.dateline.identity.Role;

/**
 * The account acting in a room, as the policy sees it: fresh from the account table, not from the session.
 *
 * @param ban       the ban that keeps the reader out of the room at the moment, null when none does
 * @param createdAt when the account was made: brand-new accounts are slowed down
 */
public record Participant(long accountId, String displayName, Role role, boolean active, BanInForce ban,
                          Instant createdAt) {

    public boolean banned() {
        return ban != null;
    }
}
