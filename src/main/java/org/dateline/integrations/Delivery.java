package org.dateline.integrations;

import java.time.Instant;

/**
 * One webhook delivery: an article event for one integration, and how its attempts went.
 *
 * @param lastStatus the HTTP status of the last attempt, null when it got no answer (see {@code lastError})
 */
public record Delivery(long id, long integrationId, String event, long articleId, DeliveryStatus status, int attempts,
                       Integer lastStatus, String lastError, Instant nextAttemptAt, Instant createdAt,
                       Instant deliveredAt) {
}
