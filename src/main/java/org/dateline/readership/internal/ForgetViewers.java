package org.dateline.readership.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Deletes view marks and salts older than yesterday (UTC), and the views per hour older than two days (most read
 * looks back 24 hours), every {@link ReadershipSettings#forgetInterval} (scheduled by {@link ReadershipConfiguration});
 * the totals stay.
 */
@Component
public class ForgetViewers {

    private static final Logger log = LoggerFactory.getLogger(ForgetViewers.class);

    static final Duration HOURS_KEPT = Duration.ofDays(2);

    private final JdbcArticleViews views;
    private final Clock clock;

    ForgetViewers(JdbcArticleViews views, Clock clock) {
        this.views = views;
        this.clock = clock;
    }

    /** @return the view marks deleted */
    public int forget() {
        Instant now = clock.instant();
        LocalDate yesterday = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(1);
        int deleted = views.forgetBefore(yesterday);
        if (deleted > 0) {
            log.info("Forgot {} view marks of days before {}", deleted, yesterday);
        }
        views.forgetHoursBefore(ViewHours.hourOf(now.minus(HOURS_KEPT)));
        return deleted;
    }
}
