package org.dateline.identity;

import java.util.Set;

/**
 * A caller of the HTTP API other than the bootstrap admin token: an integration, known by its name and the scopes it
 * was granted (names such as {@code articles:write}, see {@link Scopes#NAMES}).
 */
public record ApiClient(long id, String name, Set<String> scopes) {

    public ApiClient {
        scopes = Set.copyOf(scopes);
    }
}
