package org.dateline.identity;

import java.util.Optional;

/**
 * Resolves a bearer token presented to the API to the client it belongs to, on every request (so a revoked token
 * fails at the next one). Implemented by the module that owns integrations; identity's bearer filter asks it when
 * the token is not the bootstrap admin token. Implementations never log the token.
 */
public interface ApiTokens {

    Optional<ApiClient> authenticate(String token);
}
