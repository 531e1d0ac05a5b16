package org.dateline.newsroom.internal;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.dateline.content.ArticleSummary;
import org.dateline.content.ContentQueries;
import org.dateline.content.FrontQueries;
import org.dateline.content.LiveFront;
import org.dateline.editions.Edition;
import org.dateline.editions.Editions;
import org.dateline.identity.AccountResult;
import org.dateline.identity.Actor;
import org.dateline.identity.CurrentActor;
import org.dateline.identity.StaffPages;
import org.dateline.newsroom.ArrangeFront;
import org.dateline.newsroom.FrontResult;
import org.dateline.newsroom.WorkflowPolicy;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The newsroom's front screen: which story leads an edition's home page, which are pinned below it under which short
 * headlines, and the order of its section blocks. Every staff member of the desk sees it; Save is the
 * {@link ArrangeFront} use case, which lets only those who may publish change the front.
 */
@Controller
class FrontPageController {

    /** How many of the latest live stories the selects offer. */
    static final int CHOICES = 80;

    private final ArrangeFront arrangeFront;
    private final FrontQueries fronts;
    private final ContentQueries content;
    private final Editions editions;
    private final StaffPages pages;
    private final CurrentActor currentActor;

    FrontPageController(ArrangeFront arrangeFront, FrontQueries fronts, ContentQueries content, Editions editions,
                        StaffPages pages, CurrentActor currentActor) {
        this.arrangeFront = arrangeFront;
        this.fronts = fronts;
        this.content = content;
        this.editions = editions;
        this.pages = pages;
        this.currentActor = currentActor;
    }

    @GetMapping("/newsroom/front")
    String defaultEdition() {
        return "redirect:/newsroom/front/" + editions.defaultEdition().code();
    }

    @GetMapping("/newsroom/front/{edition}")
    String show(@PathVariable String edition, @RequestParam(required = false) String done, HttpServletRequest request,
                Model model) {
        Edition e = edition(edition);
        LiveFront front = fronts.live(e.code());
        String notice = "saved".equals(done) ? "Saved: the home page shows this front now." : null;
        return render(request, model, e, front, FrontForm.of(front), List.of(), notice);
    }

    @PostMapping("/newsroom/front/{edition}")
    String save(@PathVariable String edition, HttpServletRequest request, Model model) {
        Edition e = edition(edition);
        // Read as sent, value by value: a binder would split a lone value at its commas.
        FrontForm form = FrontForm.posted(request.getParameter("topId"), request.getParameter("topHeadline"),
                values(request, "pinnedId"), values(request, "pinnedHeadline"), values(request, "remove"),
                values(request, "sectionSlug"), values(request, "sectionName"), values(request, "sectionPosition"));
        FrontResult result = arrangeFront.arrange(actor(), e.code(), form.command());
        if (result instanceof FrontResult.Done) {
            return "redirect:/newsroom/front/" + e.code() + "?done=saved";
        }
        List<AccountResult.Problem> problems = result instanceof FrontResult.Rejected rejected
                ? rejected.problems().stream().map(p -> new AccountResult.Problem(p.field(), p.code(), p.message()))
                        .toList()
                : List.of(new AccountResult.Problem("", ((FrontResult.Refused) result).reason().code(),
                        "Your role may not change the front page: only those who may publish do."));
        return render(request, model, e, fronts.live(e.code()), form, problems, null);
    }

    private String render(HttpServletRequest request, Model model, Edition edition, LiveFront front, FrontForm form,
                          List<AccountResult.Problem> problems, String notice) {
        List<ArticleSummary> latest = content.latest(edition.code(), null, CHOICES);
        model.addAttribute("page", pages.page(request, "Front page: " + edition.name(), notice, problems));
        model.addAttribute("edition", edition);
        model.addAttribute("editions", editions.all());
        model.addAttribute("form", form);
        model.addAttribute("options", FrontForm.options(latest, front));
        model.addAttribute("maxHeadline", ArrangeFront.MAX_FRONT_HEADLINE);
        model.addAttribute("mayArrange", WorkflowPolicy.mayArrangeFront(actor()));
        return "newsroom/front";
    }

    private Edition edition(String code) {
        return editions.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private Actor actor() {
        return currentActor.get().orElseThrow();
    }

    private static List<String> values(HttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        return values == null ? List.of() : List.of(values);
    }
}
