package org.dateline.identity;

import java.util.Optional;

/** The actor of the current request, if a staff member is logged in. */
public interface CurrentActor {

    Optional<Actor> get();
}
