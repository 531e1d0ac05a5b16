/**
 * The newsroom: how stories get onto the site. For now one use case, {@link org.dateline.newsroom.PublishArticle},
 * used by the admin API and the demo loader; drafts, revisions, workflow, embargo, corrections and kills build on it.
 * <p>
 * Publishes {@link org.dateline.newsroom.ArticlePublished} (application event) and writes the change log entry
 * {@code article.published} in the publishing transaction.
 */
package org.dateline.newsroom;
