package org.dateline.alerts;

import java.time.Instant;

/**
 * One thing a subscriber follows and how it reaches them.
 *
 * @param endedAt  when it ended (unsubscribed, failed), or, for a visitor's subscription still waiting for the
 *                 confirmation of their address, when it was asked for; null while it runs
 * @param endedWhy why it ended: {@link #PENDING} while it waits for the confirmation
 */
public record Subscription(long id, long subscriberId, Topic topic, String edition, long targetId, Delivery delivery,
                           Instant createdAt, Instant endedAt, String endedWhy) {

    /** {@code ended_why} of a visitor's subscription that waits for the confirmation of their address. */
    public static final String PENDING = "pending";
    /** {@code ended_why} of a subscription the subscriber ended. */
    public static final String UNSUBSCRIBED = "unsubscribed";

    public boolean active() {
        return endedAt == null;
    }

    public boolean pending() {
        return PENDING.equals(endedWhy);
    }
}
