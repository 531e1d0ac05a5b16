/**
 * Readership: how many readers viewed each article, counted so that one actor cannot inflate it. A view counts
 * once per viewer, article and day (UTC): a viewer is the reader's account when logged in, otherwise the client
 * address, kept only as a keyed hash under a salt of the day. Marks and salts older than yesterday are deleted, the
 * totals stay. Writes from strangers are rate limited per address. Repeats seen today, liveness and totals are
 * answered from each node's memory ({@code ViewMemory}); only a view that may count writes.
 * <p>
 * API: {@link org.dateline.readership.ArticleViews} (count a view, read totals). HTTP: {@code POST /api/views/{id}}
 * (counts, answers the total) and {@code GET /api/views/{id}} (the total), called by the article page's
 * {@code views.js}; served by the readers' API security chain. Consumes {@code ContentQueries} (is the article
 * live?) and {@code CurrentActor} (is a reader logged in?).
 * <p>
 * Settings: {@code internal.ReadershipSettings} ({@code dateline.readership.*}: views per address and minute, how
 * often old marks are forgotten).
 */
package org.dateline.readership;
