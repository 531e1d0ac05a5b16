package org.dateline.alerts.internal.delivery;

import java.time.Clock;
import java.time.Duration;

import org.dateline.newsroom.ArticleBreaking;
import org.dateline.newsroom.ArticleKilled;
import org.dateline.newsroom.ArticlePublished;
import org.dateline.newsroom.ArticleUnpublished;
import org.dateline.newsroom.ArticleUpdated;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns newsroom events into alert jobs. The newsroom raises them inside the transaction of the change, so a job
 * commits with the change or not at all (a transactional outbox), and costs the publish one small insert whatever
 * the number of followers: the worker expands it later. A story published with a time more than a day back (an
 * import of the archive, the demo content) is no news to anyone. A kill or an unpublish withdraws, in its own
 * transaction, every alert of the story that has not gone out.
 */
@Component
class AlertJobs {

    /** A story published with a time further back than this (an import of the archive) alerts nobody. */
    static final Duration NEWS_AGE = Duration.ofDays(1);

    private final JdbcAlerts alerts;
    private final Clock clock;

    AlertJobs(JdbcAlerts alerts, Clock clock) {
        this.alerts = alerts;
        this.clock = clock;
    }

    @EventListener
    void on(ArticleBreaking event) {
        if (event.breaking()) {
            alerts.addJob("BREAKING", event.articleId(), event.edition(), event.path(), event.headline(), null,
                    event.at());
        }
    }

    @EventListener
    void on(ArticlePublished event) {
        if (event.publishedAt().isBefore(clock.instant().minus(NEWS_AGE))) {
            return;
        }
        alerts.addJob("PUBLISHED", event.articleId(), event.edition(), event.path(), event.headline(), null,
                event.publishedAt());
    }

    @EventListener
    void on(ArticleUpdated event) {
        alerts.addJob(event.correction() == null ? "UPDATED" : "CORRECTED", event.articleId(), event.edition(),
                event.path(), event.headline(), event.correction(), event.at());
    }

    @EventListener
    void on(ArticleKilled event) {
        alerts.withdraw(event.articleId(), event.at());
    }

    @EventListener
    void on(ArticleUnpublished event) {
        alerts.withdraw(event.articleId(), event.at());
    }
}
