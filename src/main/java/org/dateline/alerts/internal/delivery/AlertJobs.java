package org.dateline.alerts.internal.delivery;

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
 * the number of followers: the worker expands it later. A kill or an unpublish withdraws, in its own transaction,
 * every alert of the story that has not gone out.
 */
@Component
class AlertJobs {

    private final JdbcAlerts alerts;

    AlertJobs(JdbcAlerts alerts) {
        this.alerts = alerts;
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
