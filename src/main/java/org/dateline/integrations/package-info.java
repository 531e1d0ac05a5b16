/**
 * Integrations: other systems that call the API with their own scoped bearer token and are told about article
 * changes by webhook.
 * <p>
 * API: {@link org.dateline.integrations.CreateIntegration}, {@link org.dateline.integrations.RevokeIntegration},
 * {@link org.dateline.integrations.IntegrationQueries}; the newsroom pages ({@code /newsroom/integrations}) and the admin
 * API ({@code /api/admin/integrations}, scope {@code integrations:manage}) live in {@code internal}. Implements
 * identity's {@link org.dateline.identity.ApiTokens}: a token is looked up by its SHA-256 on every request.
 * <p>
 * Consumes the newsroom's {@code ArticlePublished}, {@code ArticleUpdated} (a correction when it has a note),
 * {@code ArticleUnpublished} and {@code ArticleKilled} inside the transaction of the change and writes one outbox row
 * per active integration with a webhook (ARCHITECTURE §4, first kind: once per cluster). A worker on every node
 * claims due rows with a guarded update and a lease, so each delivery is attempted by one node at a time, and retries
 * with backoff.
 * <p>
 * Settings: {@code internal.WebhookSettings} ({@code dateline.webhooks.*}: how often each node looks for due
 * deliveries).
 */
package org.dateline.integrations;
