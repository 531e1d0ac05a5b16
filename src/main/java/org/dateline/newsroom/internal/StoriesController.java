package org.dateline.newsroom.internal;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.dateline.content.ArticleSummary;
import org.dateline.content.ContentQueries;
import org.dateline.editions.Edition;
import org.dateline.editions.Editions;
import org.dateline.editions.Section;
import org.dateline.identity.StaffPages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The newsroom's story list: published stories by edition and section, newest first. */
@Controller
class StoriesController {

    static final int PAGE = 50;

    private final Editions editions;
    private final ContentQueries content;
    private final StaffPages pages;

    StoriesController(Editions editions, ContentQueries content, StaffPages pages) {
        this.editions = editions;
        this.content = content;
        this.pages = pages;
    }

    @GetMapping("/newsroom")
    String stories(@RequestParam(required = false) String edition, @RequestParam(required = false) String section,
                   HttpServletRequest request, Model model) {
        Edition chosen = edition == null ? editions.defaultEdition()
                : editions.find(edition).orElse(editions.defaultEdition());
        Section chosenSection = section == null || section.isBlank() ? null
                : editions.section(chosen.code(), section).orElse(null);
        List<ArticleSummary> stories = chosenSection == null ? content.latest(chosen.code(), null, PAGE)
                : content.inSection(chosenSection.id(), null, PAGE);
        String notice = request.getParameter("passwordChanged") != null ? "Your password has been changed."
                : request.getParameter("stored") != null ? "The story is stored: published now, or at its time." : null;
        model.addAttribute("page", pages.page(request, "Stories", notice));
        model.addAttribute("editions", editions.all());
        model.addAttribute("edition", chosen);
        model.addAttribute("sections", editions.sections(chosen.code()));
        model.addAttribute("section", chosenSection == null ? "" : chosenSection.slug());
        model.addAttribute("stories", stories);
        return "newsroom/stories";
    }
}
