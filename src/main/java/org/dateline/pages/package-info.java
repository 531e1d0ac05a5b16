/**
 * Site pages: the few pages of an edition that are neither news nor lists (about, contact, privacy), written by
 * administrators in the newsroom ({@code /newsroom/pages}) and shown by the public site at {@code /{edition}/about},
 * {@code /contact} and {@code /privacy}.
 * <p>
 * API: {@link org.dateline.pages.SitePages} (a page as readers see it: the stored text, or the default text shipped
 * for the edition's language when nobody has edited it), {@link org.dateline.pages.EditSitePage} (the one write),
 * {@link org.dateline.pages.PageKind} and {@link org.dateline.pages.SitePageKeys}. The body is markup of the same safe
 * subset as article bodies ({@code content}'s {@code Body}): raw HTML is shown as typed, links are http, https or
 * mailto, so no markup an editor did not choose from that subset can reach a page.
 * <p>
 * Who may edit is decided where every administrators' newsroom page is: the web security chain
 * ({@code /newsroom/pages/**}, ADMIN). A save appends {@code sitepage.edited} to the change log with the page's key,
 * in the same transaction, so every node's page cache drops the page.
 */
package org.dateline.pages;
