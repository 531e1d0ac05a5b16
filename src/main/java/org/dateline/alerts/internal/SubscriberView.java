package org.dateline.alerts.internal;

import java.util.List;
import java.util.stream.IntStream;

/**
 * What a subscriber's page shows: their subscriptions and digest settings, with where its forms post and the proof
 * they carry ({@code token}: the signed link's, on the page reached by that link; empty on the account page, whose
 * forms carry the CSRF token instead). Public for the compiled templates.
 */
public record SubscriberView(String action, String token, String address, int digestHour, String zone,
                             List<SubscriptionRow> rows) {

    public List<Integer> hours() {
        return IntStream.range(0, 24).boxed().toList();
    }
}
