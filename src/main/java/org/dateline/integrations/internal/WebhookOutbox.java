package org.dateline.integrations.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.dateline.newsroom.ArticleKilled;
import org.dateline.newsroom.ArticlePublished;
import org.dateline.newsroom.ArticleUnpublished;
import org.dateline.newsroom.ArticleUpdated;
import org.dateline.platform.web.BaseUrl;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns article events into webhook deliveries. The newsroom publishes its events inside the transaction of the
 * change, so these rows commit with the change or not at all (a transactional outbox): no webhook for a change that
 * rolled back, none lost to a crash after the commit. The event is raised once per cluster, by the node that made
 * the change, so each integration gets one row per event.
 * <p>
 * The body is fixed here, when the event happens: a retry an hour later still tells what happened then.
 */
@Component
class WebhookOutbox {

    static final String PUBLISHED = "article.published";
    static final String UPDATED = "article.updated";
    static final String CORRECTED = "article.corrected";
    static final String UNPUBLISHED = "article.unpublished";
    static final String KILLED = "article.killed";

    private final JdbcDeliveries deliveries;
    private final BaseUrl baseUrl;
    private final JsonMapper json;

    WebhookOutbox(JdbcDeliveries deliveries, BaseUrl baseUrl, JsonMapper json) {
        this.deliveries = deliveries;
        this.baseUrl = baseUrl;
        this.json = json;
    }

    @EventListener
    void on(ArticlePublished event) {
        enqueue(PUBLISHED, event.articleId(), event.edition(), event.path(), event.headline(), event.publishedAt(), null);
    }

    @EventListener
    void on(ArticleUpdated event) {
        enqueue(event.correction() == null ? UPDATED : CORRECTED, event.articleId(), event.edition(), event.path(),
                event.headline(), event.at(), event.correction());
    }

    @EventListener
    void on(ArticleUnpublished event) {
        enqueue(UNPUBLISHED, event.articleId(), event.edition(), event.path(), event.headline(), event.at(), null);
    }

    @EventListener
    void on(ArticleKilled event) {
        enqueue(KILLED, event.articleId(), event.edition(), event.path(), event.headline(), event.at(), null);
    }

    private void enqueue(String kind, long articleId, String edition, String path, String headline, Instant at,
                         String correction) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", kind);
        body.put("id", articleId);
        body.put("edition", edition);
        body.put("url", baseUrl.of(path));
        body.put("headline", headline);
        body.put("occurredAt", at.toString());
        if (correction != null) {
            body.put("correction", correction);
        }
        deliveries.enqueue(kind, articleId, json.writeValueAsString(body), at);
    }
}
