package org.dateline.alerts.internal.delivery;

import org.dateline.newsroom.StoryAlerts;
import org.springframework.stereotype.Component;

/** The newsroom's alert counts of a story, from the alert outbox (withdrawn alerts are not counted). */
@Component
class AlertCounts implements StoryAlerts {

    private final JdbcAlerts alerts;

    AlertCounts(JdbcAlerts alerts) {
        this.alerts = alerts;
    }

    @Override
    public Counts counts(long storyId) {
        JdbcAlerts.Counts counts = alerts.counts(storyId);
        return new Counts(counts.queued(), counts.sent(), counts.failed());
    }
}
