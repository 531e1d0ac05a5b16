package org.dateline.newsroom.internal;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.dateline.content.ArticleState;
import org.dateline.editions.Edition;
import org.dateline.editions.Editions;
import org.dateline.editions.Section;
import org.dateline.identity.ReaderPages;
import org.dateline.identity.StaffPages;
import org.dateline.newsroom.StoryQueries;
import org.dateline.newsroom.StoryFilter;
import org.dateline.newsroom.StorySummary;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The newsroom's story list: every story in any state, filtered by desk, status, edition, section, author and text.
 */
@Controller
class StoriesController {

    static final int PAGE = 100;

    private final Editions editions;
    private final StoryQueries stories;
    private final StaffPages pages;

    StoriesController(Editions editions, StoryQueries stories, StaffPages pages) {
        this.editions = editions;
        this.stories = stories;
        this.pages = pages;
    }

    @GetMapping("/newsroom")
    String stories(@RequestParam(required = false) String edition, @RequestParam(required = false) String section,
                   @RequestParam(required = false) String desk, @RequestParam(required = false) String state,
                   @RequestParam(required = false) String q, @RequestParam(required = false) String author,
                   HttpServletRequest request, Model model) {
        String chosenEdition = edition == null || edition.isBlank() ? null
                : editions.find(edition).map(Edition::code).orElse(null);
        ArticleState chosenState = null;
        if (state != null && !state.isBlank()) {
            try {
                chosenState = ArticleState.valueOf(state.strip().toUpperCase());
            } catch (IllegalArgumentException e) {
                chosenState = null; // an unknown status shows every story rather than an error page
            }
        }
        String chosenDesk = "newsroom".equals(desk) || "incoming".equals(desk) ? desk : null;
        String chosenSection = section == null || section.isBlank() ? null : section.strip();
        List<StorySummary> found = stories.list(new StoryFilter(chosenDesk, chosenState, chosenEdition, chosenSection,
                null, q, author == null || author.isBlank() ? null : author.strip(), PAGE));
        String notice = request.getParameter("passwordChanged") != null
                ? ReaderPages.passwordChanged(request, Locale.ENGLISH)
                : request.getParameter("stored") != null ? "The story is stored: published now, or at its time." : null;
        List<Section> sections = chosenEdition != null ? editions.sections(chosenEdition)
                : editions.sections(editions.defaultEdition().code());
        model.addAttribute("page", pages.page(request, "Stories", notice));
        model.addAttribute("editions", editions.all());
        model.addAttribute("edition", chosenEdition == null ? "" : chosenEdition);
        model.addAttribute("sections", sections);
        model.addAttribute("section", chosenSection == null ? "" : chosenSection);
        model.addAttribute("desk", chosenDesk == null ? "" : chosenDesk);
        model.addAttribute("state", chosenState == null ? "" : chosenState.name());
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("author", author == null ? "" : author);
        model.addAttribute("stories", found);
        return "newsroom/stories";
    }
}
