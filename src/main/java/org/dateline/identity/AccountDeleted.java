package org.dateline.identity;

import java.time.Instant;

/**
 * A reader deleted their account. Raised inside the deletion's transaction, so a listener's writes commit or roll
 * back with it; modules drop what the account kept with them (subscriptions, say) that must not outlive it.
 */
public record AccountDeleted(long accountId, Instant at) {
}
