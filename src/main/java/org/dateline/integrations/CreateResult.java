package org.dateline.integrations;

import java.util.List;

/** The outcome of creating an integration. */
public sealed interface CreateResult {

    /**
     * Created. The token and the webhook secret are in clear only here, to be shown once: the token is stored as its
     * SHA-256 alone. {@code webhookSecret} is null without a webhook.
     */
    record Created(Integration integration, String token, String webhookSecret) implements CreateResult {
    }

    record Rejected(List<IntegrationProblem> problems) implements CreateResult {
    }
}
