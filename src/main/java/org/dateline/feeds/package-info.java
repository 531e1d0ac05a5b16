/**
 * What leaves the site for machines: RSS 2.0 and Atom per edition and per section, the sitemap index, article
 * sitemaps, the Google News sitemap of the last 48 hours, robots.txt, and single articles as IPTC ninjs and
 * NewsML-G2 for agencies' systems.
 * <p>
 * Reads through {@code ContentQueries} and {@code Editions}; every response is tagged for the page cache, so a
 * publish reaches the feeds and sitemaps as soon as the change log evicts them. Publishes and consumes no events.
 */
package org.dateline.feeds;
