package org.dateline.pages.internal;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.dateline.identity.AccountResult;
import org.dateline.identity.CurrentActor;
import org.dateline.identity.StaffPages;
import org.dateline.pages.EditSitePage;
import org.dateline.pages.PageKind;
import org.dateline.pages.SitePage;
import org.dateline.pages.SitePages;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The newsroom's site pages screens, for administrators: authorised with the other admin screens in the web chain. */
@Controller
class SitePagesController {

    private static final String BASE = "/newsroom/pages";

    private final SitePages sitePages;
    private final EditSitePage editSitePage;
    private final CurrentActor currentActor;
    private final StaffPages pages;

    SitePagesController(SitePages sitePages, EditSitePage editSitePage, CurrentActor currentActor, StaffPages pages) {
        this.sitePages = sitePages;
        this.editSitePage = editSitePage;
        this.currentActor = currentActor;
        this.pages = pages;
    }

    @GetMapping(BASE)
    String list(HttpServletRequest request, Model model) {
        model.addAttribute("page", pages.page(request, "Site pages", null));
        model.addAttribute("sitePages", sitePages.all());
        return "newsroom/site-pages";
    }

    @GetMapping(BASE + "/{edition}/{slug}")
    String form(@PathVariable String edition, @PathVariable String slug, HttpServletRequest request, Model model) {
        SitePage page = find(edition, slug);
        String notice = request.getParameter("saved") != null
                ? "Saved: readers see the new text on every node now." : null;
        return formPage(request, model, page, page.title(), page.body().markup(), notice, List.of());
    }

    @PostMapping(BASE + "/{edition}/{slug}")
    String save(@PathVariable String edition, @PathVariable String slug, @RequestParam(defaultValue = "") String title,
                @RequestParam(defaultValue = "") String body, HttpServletRequest request, Model model) {
        SitePage page = find(edition, slug);
        EditSitePage.Result result = editSitePage.save(currentActor.get().orElseThrow(), page.edition(), page.kind(),
                title, body);
        if (result instanceof EditSitePage.Refused refused) {
            return formPage(request, model, page, title, body, null, refused.problems().stream()
                    .map(p -> new AccountResult.Problem(p.field(), p.code(), p.message())).toList());
        }
        return "redirect:" + BASE + "/" + page.edition() + "/" + page.kind().slug() + "?saved";
    }

    private String formPage(HttpServletRequest request, Model model, SitePage page, String title, String body,
                            String notice, List<AccountResult.Problem> problems) {
        model.addAttribute("page", pages.page(request, "Edit " + page.kind().slug() + " (" + page.edition() + ")",
                notice, problems));
        model.addAttribute("sitePage", page);
        model.addAttribute("title", title);
        model.addAttribute("body", body);
        model.addAttribute("maxTitle", EditSitePage.MAX_TITLE);
        model.addAttribute("maxBody", EditSitePage.MAX_BODY);
        return "newsroom/site-page";
    }

    private SitePage find(String edition, String slug) {
        return PageKind.bySlug(slug).flatMap(kind -> sitePages.page(edition, kind))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
