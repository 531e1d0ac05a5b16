/**
 * The live newsfeed: a server-sent-events stream per edition ({@code GET /{edition}/newsfeed/stream}), one
 * {@code item} event per newly published article, an {@code entry} event per entry posted to or corrected on a live
 * story of the edition ({@code entry-removed} when one is deleted; the live story's page picks its own), and older
 * items by date cursor ({@code GET /{edition}/newsfeed/items?before=}).
 * <p>
 * Each stream opens with a {@code breaking} event, the edition's breaking bar (the story marked breaking news, or
 * none), and sends it again whenever it changes: the bar reaches every open page while cached pages stay cached.
 * <p>
 * Consumes the change log ({@code article.published}, {@code article.removed}, {@code live.entry},
 * {@code article.breaking}, and {@code article.updated} of the story in the bar) on every node, so a reader connected
 * to any node hears of a publish, an entry or a change made on any other. Publishes nothing.
 */
package org.dateline.livefeed;
