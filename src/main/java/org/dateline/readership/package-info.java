/**
 * Readership: how many readers viewed each article, counted so that one actor cannot inflate it. A view counts
 * once per viewer, article and day (UTC): a viewer is the reader's account when logged in, otherwise the client
 * address, kept only as a keyed hash under a salt of the day. Marks and salts older than yesterday are deleted, the
 * totals stay. Writes from strangers are rate limited per address. Repeats seen today, liveness and totals are
 * answered from each node's memory ({@code ViewMemory}); only a view that may count writes.
 * <p>
 * Most read: a view that counts also moves its article's views of the hour ({@code article_view_hours}, kept two
 * days). Once a minute one node of the cluster ({@code internal.RankMostRead}, which claims the minute in the
 * database) ranks the live articles by their views of the last 24 hours, ten per edition and ten per section, stores
 * the lists and, for each list that changed, logs {@code mostread.changed} with its key ({@link
 * org.dateline.readership.MostReadKeys}). Every node reads the stored lists ({@link org.dateline.readership.MostRead}).
 * <p>
 * API: {@link org.dateline.readership.ArticleViews} (count a view, read totals), {@link
 * org.dateline.readership.MostRead} (the stored lists, as {@link org.dateline.readership.Ranking}s) and
 * {@link org.dateline.readership.MostReadKeys}. HTTP: {@code POST /api/views/{id}}
 * (counts, answers the total) and {@code GET /api/views/{id}} (the total), called by the article page's
 * {@code views.js}; served by the readers' API security chain. Consumes {@code ContentQueries} (is the article
 * live? where is it?) and {@code CurrentActor} (is a reader logged in?); publishes {@code mostread.changed} to the
 * change log.
 * <p>
 * Settings: {@code internal.ReadershipSettings} ({@code dateline.readership.*}: views per address and minute, how
 * often old marks are forgotten, how often most read is ranked).
 */
package org.dateline.readership;
