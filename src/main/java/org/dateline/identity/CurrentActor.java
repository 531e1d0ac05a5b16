package org.dateline.identity;

import java.util.Optional;

/**
 * The actor of the current request, if someone is logged in: a reader or a staff member. Empty for anonymous
 * requests, and for a session whose account was deleted or deactivated since it logged in.
 */
public interface CurrentActor {

    Optional<Actor> get();
}
