package org.dateline.identity;

import java.time.Instant;

/**
 * A reader restored their deleted account within its restore window. Raised inside the restore's transaction; modules
 * bring back what {@link AccountDeleted} made them put aside (and only that).
 */
public record AccountRestored(long accountId, Instant at) {
}
