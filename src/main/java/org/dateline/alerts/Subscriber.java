package org.dateline.alerts;

import java.time.Instant;

/**
 * Who receives alerts: a reader's account ({@code accountId}), a visitor known by an email address, or a browser
 * known by its push subscription alone. {@code manageKey} signs the links in its mail ({@link ManageLinks}).
 */
public record Subscriber(long id, Long accountId, String email, String edition, String timeZone, int digestHour,
                         Instant confirmedAt, String manageKey) {

    public boolean confirmed() {
        return confirmedAt != null;
    }
}
