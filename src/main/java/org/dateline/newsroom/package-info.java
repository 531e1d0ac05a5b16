/**
 * The newsroom: how stories get onto the site. Use cases {@link org.dateline.newsroom.PublishArticle} (now or at a
 * time), {@link org.dateline.newsroom.ReleaseArticle}, {@link org.dateline.newsroom.UpdateArticle} (update and
 * correct), {@link org.dateline.newsroom.UnpublishArticle} and {@link org.dateline.newsroom.KillArticle}, used by the
 * admin API, the newsroom pages and the demo loader.
 * <p>
 * Each writes its change log entry and publishes its application event ({@link org.dateline.newsroom.ArticlePublished},
 * {@link org.dateline.newsroom.ArticleUpdated}, {@link org.dateline.newsroom.ArticleUnpublished},
 * {@link org.dateline.newsroom.ArticleKilled}) <em>inside</em> the transaction of the change, once per cluster. A plain
 * {@code @EventListener} therefore runs in that transaction and commits or rolls back with it (the webhook outbox of
 * {@code integrations} relies on this); a listener that must see the change committed uses
 * {@code @TransactionalEventListener}.
 */
package org.dateline.newsroom;
