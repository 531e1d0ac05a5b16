package org.dateline.changes;

import java.time.Instant;
import java.util.Set;

/**
 * One entry of the change log: what kind of change, about which subject, and the surrogate keys of everything that
 * shows it (for example {@code article:42}, {@code section:7}, {@code edition:en}).
 */
public record Change(long position, Instant at, String kind, String edition, Long subjectId, Set<String> keys) {

    public Change {
        keys = Set.copyOf(keys);
    }
}
