package org.dateline.readership.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Deletes view marks and salts older than yesterday (UTC), every {@link ReadershipSettings#forgetInterval} (scheduled
 * by {@link ReadershipConfiguration}); the totals stay.
 */
@Component
public class ForgetViewers {

    private static final Logger log = LoggerFactory.getLogger(ForgetViewers.class);

    private final JdbcArticleViews views;
    private final Clock clock;

    ForgetViewers(JdbcArticleViews views, Clock clock) {
        this.views = views;
        this.clock = clock;
    }

    public int forget() {
        LocalDate yesterday = LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(1);
        int deleted = views.forgetBefore(yesterday);
        if (deleted > 0) {
            log.info("Forgot {} view marks of days before {}", deleted, yesterday);
        }
        return deleted;
    }
}
