package org.dateline.alerts.internal;

/** One subscription as a subscriber's page and the account page list it. Public for the compiled templates. */
public record SubscriptionRow(long id, String what, String delivery, boolean pending) {
}
