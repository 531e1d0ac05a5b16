package org.dateline.newsroom.internal;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.dateline.content.ArticleState;
import org.dateline.editions.Edition;
import org.dateline.editions.Editions;
import org.dateline.editions.Section;
import org.dateline.identity.ReaderPages;
import org.dateline.identity.StaffPages;
import org.dateline.newsroom.StoryQueries;
import org.dateline.newsroom.StoryFilter;
import org.dateline.newsroom.StorySearch;
import org.dateline.newsroom.StorySummary;
import org.dateline.search.SearchQueries;
import org.dateline.search.SearchRefusal;
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
        StoryFilter filter = filter(edition, section, desk, state, q, author);
        List<StorySummary> found = stories.list(filter);
        String notice = request.getParameter("passwordChanged") != null
                ? ReaderPages.passwordChanged(request, Locale.ENGLISH)
                : request.getParameter("stored") != null ? "The story is stored: published now, or at its time." : null;
        model.addAttribute("page", pages.page(request, "Stories", notice));
        filters(model, filter, q, author);
        model.addAttribute("stories", found);
        return "newsroom/stories";
    }

    /**
     * The newsroom search: stories in every state by their words (stemmed, like the readers' search), narrowed by
     * desk, status, edition, section and author. Without words it shows the form only.
     */
    @GetMapping("/newsroom/search")
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) String edition,
                  @RequestParam(required = false) String section, @RequestParam(required = false) String desk,
                  @RequestParam(required = false) String state, @RequestParam(required = false) String author,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        String words = q == null ? "" : q.strip();
        StoryFilter filter = filter(edition, section, desk, state, null, author);
        String refusal = null;
        if (words.length() > SearchQueries.MAX_QUERY_LENGTH) {
            refusal = SearchRefusal.QUERY_TOO_LONG.message(); // as on the readers' search: 400, nothing searched
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        StorySearch found = words.isEmpty() || refusal != null ? null : stories.search(words, filter);
        model.addAttribute("page", pages.page(request, "Search stories", refusal));
        filters(model, filter, words, author);
        model.addAttribute("found", found);
        return "newsroom/search";
    }

    /** The filter the parameters ask for; what is unknown or blank filters nothing. */
    private StoryFilter filter(String edition, String section, String desk, String state, String text,
                               String author) {
        String chosenEdition = edition == null || edition.isBlank() ? null
                : editions.find(edition).map(Edition::code).orElse(null);
        return new StoryFilter(desk(desk), state(state), chosenEdition,
                section == null || section.isBlank() ? null : section.strip(), null, text,
                author == null || author.isBlank() ? null : author.strip(), PAGE);
    }

    private void filters(Model model, StoryFilter filter, String q, String author) {
        List<Section> sections = filter.edition() != null ? editions.sections(filter.edition())
                : editions.sections(editions.defaultEdition().code());
        model.addAttribute("editions", editions.all());
        model.addAttribute("edition", filter.edition() == null ? "" : filter.edition());
        model.addAttribute("sections", sections);
        model.addAttribute("section", filter.section() == null ? "" : filter.section());
        model.addAttribute("desk", filter.desk() == null ? "" : filter.desk());
        model.addAttribute("state", filter.state() == null ? "" : filter.state().name());
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("author", author == null ? "" : author);
    }

    /** An unknown status shows every story rather than an error page. */
    private static ArticleState state(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            return ArticleState.valueOf(state.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String desk(String desk) {
        return "newsroom".equals(desk) || "incoming".equals(desk) ? desk : null;
    }
}
