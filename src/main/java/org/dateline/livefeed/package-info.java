/**
 * The live newsfeed: a server-sent-events stream per edition ({@code GET /{edition}/newsfeed/stream}), one
 * {@code item} event per newly published article, and older items by date cursor
 * ({@code GET /{edition}/newsfeed/items?before=}).
 * <p>
 * Consumes the change log ({@code article.published}) on every node, so a reader connected to any node hears of a
 * publish made on any other. Publishes nothing.
 */
package org.dateline.livefeed;
