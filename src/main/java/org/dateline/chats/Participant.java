package org.dateline.chats;

import java.time.Instant;

import org.dateline.identity.Role;

/**
 * The account acting in a room, as the policy sees it: fresh from the account table, not from the session.
 *
 * @param banned    a current ban from chats (bans come with moderation; false until then)
 * @param createdAt when the account was made: brand-new accounts are slowed down
 */
public record Participant(long accountId, String displayName, Role role, boolean active, boolean banned,
                          Instant createdAt) {
}
