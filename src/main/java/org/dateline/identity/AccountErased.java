package org.dateline.identity;

import java.time.Instant;

/**
 * A deleted account's restore window passed and its personal data was erased. Raised inside the erasure's
 * transaction, once per account; modules delete what they kept for a restore.
 */
public record AccountErased(long accountId, Instant at) {
}
