package org.dateline.site.internal;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.dateline.content.ContentKeys;
import org.dateline.editions.Edition;
import org.dateline.editions.Editions;
import org.dateline.pages.PageKind;
import org.dateline.pages.SitePage;
import org.dateline.pages.SitePageKeys;
import org.dateline.pages.SitePages;
import org.dateline.platform.cache.PageCache;
import org.dateline.site.view.Chrome;
import org.dateline.site.view.Link;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import tools.jackson.databind.json.JsonMapper;

/**
 * An edition's about, contact and privacy pages, cached like every page and tagged with the page's key, so an
 * administrator's save evicts them. Literal addresses: any other word there is a section's, or the 404 page.
 */
@Controller
class SitePageController {

    private static final int DESCRIPTION_LENGTH = 160;

    private final Editions editions;
    private final SitePages sitePages;
    private final Pages pages;
    private final JsonMapper json;

    SitePageController(Editions editions, SitePages sitePages, Pages pages, JsonMapper json) {
        this.editions = editions;
        this.sitePages = sitePages;
        this.pages = pages;
        this.json = json;
    }

    @GetMapping("/" + SiteController.EDITION + "/about")
    String about(@PathVariable String edition, Model model, HttpServletRequest request) {
        return page(edition, PageKind.ABOUT, model, request);
    }

    @GetMapping("/" + SiteController.EDITION + "/contact")
    String contact(@PathVariable String edition, Model model, HttpServletRequest request) {
        return page(edition, PageKind.CONTACT, model, request);
    }

    @GetMapping("/" + SiteController.EDITION + "/privacy")
    String privacy(@PathVariable String edition, Model model, HttpServletRequest request) {
        return page(edition, PageKind.PRIVACY, model, request);
    }

    private String page(String code, PageKind kind, Model model, HttpServletRequest request) {
        Edition edition = editions.find(code).orElseThrow(() -> new PageNotFound(editions.defaultEdition()));
        SitePage page = sitePages.page(edition, kind);
        String description = description(page);
        List<Link> alternates = new ArrayList<>();
        for (Edition other : editions.all()) {
            alternates.add(new Link(kind.path(other.code()), other.name(), other.locale().toLanguageTag(), null));
        }
        Chrome chrome = pages.chrome(edition, null, new Pages.Head(page.title(), description, page.path(),
                alternates.size() > 1 ? alternates : List.of(), Pages.feeds(edition, null, edition.siteName()),
                JsonLd.webPage(json, page, edition, pages.absolute(page.path()), pages.siteUrl(), description),
                "website", null));
        List<String> keys = new ArrayList<>(List.of(SitePageKeys.of(edition.code(), kind),
                ContentKeys.edition(edition.code())));
        keys.addAll(chrome.pictureKeys());
        PageCache.tag(request, keys);
        model.addAttribute("page", chrome);
        model.addAttribute("title", page.title());
        model.addAttribute("body", page.body().toHtml());
        return "site/page";
    }

    /** The start of the text, cut at a word, for search results and link previews. */
    private static String description(SitePage page) {
        String text = page.body().toPlainText().strip().replaceAll("\\s+", " ");
        if (text.length() <= DESCRIPTION_LENGTH) {
            return text;
        }
        int cut = text.lastIndexOf(' ', DESCRIPTION_LENGTH - 1);
        return text.substring(0, cut > 0 ? cut : DESCRIPTION_LENGTH - 1) + "…";
    }
}
