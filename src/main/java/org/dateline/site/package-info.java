/**
 * The public site: edition home, section, article, tag, author, newsfeed and search pages (and the search box in
 * every page's header), error pages, the SEO head
 * (canonical, JSON-LD {@code NewsArticle}, Open Graph, {@code hreflang}), the next-article loader, and the page
 * cache's eviction from the change log.
 * <p>
 * Pictures: the lead and the body's figures of article pages, thumbnails of lists and the newsfeed, link previews
 * and JSON-LD images, all from the read model's pictures ({@code media} only for crops, formats and paths).
 * <p>
 * Most read: the home page shows the edition's list, an article page its section's (when that has five live stories)
 * or else the edition's, in the included {@code site/mostRead} template ({@code id="most-read"}); pages are tagged
 * with the lists' keys, so a changed ranking evicts them.
 * <p>
 * Site pages: {@code /{edition}/about}, {@code /contact} and {@code /privacy} ({@code SitePageController}) show
 * {@code pages}' texts, tagged with the page's key ({@code sitepage.edited} evicts them), linked from every page's footer.
 * <p>
 * Reads only through {@code ContentQueries}, {@code Editions}, {@code ChatQueries}, {@code SearchQueries}, pages'
 * {@code SitePages} and readership's {@code MostRead};
 * writes nothing. Consumes the change log ({@code article.*}, {@code picture.*}, {@code structure.changed},
 * {@code mostread.changed}, {@code sitepage.edited}) to evict cached pages by surrogate key.
 */
package org.dateline.site;
