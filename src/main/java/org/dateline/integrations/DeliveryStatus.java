package org.dateline.integrations;

/** Where a webhook delivery stands. */
public enum DeliveryStatus {
    /** Waiting for its first attempt or a retry. */
    PENDING,
    /** The receiver answered 2xx. */
    DELIVERED,
    /** Given up: every attempt failed, or the integration was revoked before it went out. */
    FAILED
}
