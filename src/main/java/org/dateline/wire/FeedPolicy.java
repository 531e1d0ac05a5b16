package org.dateline.wire;

import java.util.Optional;

import org.dateline.identity.Actor;
import org.dateline.identity.Role;

/** Who may do what with polled feeds in the newsroom: every staff member sees them, editors and admins change them. */
final class FeedPolicy {

    private FeedPolicy() {
    }

    static boolean canManage(Optional<Actor> actor) {
        return actor.map(a -> a.role() == Role.EDITOR || a.role() == Role.ADMIN).orElse(false);
    }
}
