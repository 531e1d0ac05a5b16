package org.dateline.integrations;

import java.time.Clock;

import org.dateline.integrations.internal.JdbcIntegrations;
import org.springframework.stereotype.Service;

/**
 * Revokes an integration for good: its token fails from the next request on (tokens are looked up on every request),
 * no new deliveries are made for it, and pending ones are given up when their turn comes.
 */
@Service
public class RevokeIntegration {

    private final JdbcIntegrations integrations;
    private final Clock clock;

    RevokeIntegration(JdbcIntegrations integrations, Clock clock) {
        this.integrations = integrations;
        this.clock = clock;
    }

    /** False when there is no such integration; revoking a revoked one changes nothing and is not an error. */
    public boolean revoke(long id) {
        if (integrations.find(id).isEmpty()) {
            return false;
        }
        integrations.revoke(id, clock.instant());
        return true;
    }
}
