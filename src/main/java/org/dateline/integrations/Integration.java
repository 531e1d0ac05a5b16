package org.dateline.integrations;

import java.time.Instant;
import java.util.List;

/**
 * An integration as the newsroom and the API show it: never its token (only the first characters, to recognise it)
 * nor its webhook secret.
 */
public record Integration(long id, String name, List<String> scopes, String webhookUrl, boolean active,
                          String tokenHint, Instant createdAt, String createdBy, Instant revokedAt) {

    public Integration {
        scopes = List.copyOf(scopes);
    }
}
