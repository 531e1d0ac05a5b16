/**
 * The public site: edition home, section, article, tag, author and newsfeed pages, error pages, the SEO head
 * (canonical, JSON-LD {@code NewsArticle}, Open Graph, {@code hreflang}), the next-article loader, and the page
 * cache's eviction from the change log.
 * <p>
 * Reads only through {@code ContentQueries} and {@code Editions}; writes nothing. Consumes the change log
 * ({@code article.*}, {@code structure.changed}) to evict cached pages by surrogate key.
 */
package org.dateline.site;
