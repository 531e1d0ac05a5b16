package org.dateline.identity;

/**
 * The scopes of the API token of the current request, with the scopes they include ({@link Scopes#granted}); none
 * outside the API. For the few answers that depend on more than the path a scope reaches (which stories a read
 * shows); which calls a scope may make is decided by the security configuration alone.
 */
public interface CurrentScopes {

    /** @param authority a constant of {@link Scopes}, e.g. {@link Scopes#STORIES_READ} */
    boolean holds(String authority);
}
