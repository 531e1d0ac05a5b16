package org.dateline.newsroom.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.dateline.editions.Editions;
import org.dateline.identity.AccountResult;
import org.dateline.identity.Actor;
import org.dateline.identity.CurrentActor;
import org.dateline.identity.Role;
import org.dateline.newsroom.Stories;
import org.dateline.newsroom.StoryResult;
import org.dateline.identity.StaffPages;
import org.dateline.newsroom.FieldProblem;
import org.dateline.newsroom.PublishArticle;
import org.dateline.newsroom.PublishCommand;
import org.dateline.newsroom.PublishResult;
import org.dateline.newsroom.StoryStatus;
import org.dateline.newsroom.WorkflowAction;
import org.dateline.newsroom.WorkflowPolicy;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

/** The newsroom form that writes a story and publishes it now or at a time (scheduled or embargoed). */
@Controller
class StoryFormController {

    private final PublishArticle publishArticle;
    private final Editions editions;
    private final StaffPages pages;
    private final CurrentActor currentActor;
    private final Stories stories;

    StoryFormController(PublishArticle publishArticle, Editions editions, StaffPages pages, CurrentActor currentActor,
                        Stories stories) {
        this.stories = stories;
        this.publishArticle = publishArticle;
        this.editions = editions;
        this.pages = pages;
        this.currentActor = currentActor;
    }

    @GetMapping("/newsroom/stories/new")
    String form(HttpServletRequest request, Model model) {
        writer();
        return render(request, model, StoryForm.empty(editions.defaultEdition().code()), List.of());
    }

    @PostMapping("/newsroom/stories")
    String publish(@ModelAttribute StoryForm form, HttpServletRequest request, Model model) {
        if ("draft".equals(form.when())) {
            StoryResult created = stories.create(writer(), form.command());
            if (created instanceof StoryResult.Done done) {
                return "redirect:/newsroom/stories/" + done.storyId() + "?done=created";
            }
            List<FieldProblem> problems = created instanceof StoryResult.Rejected rejected ? rejected.problems()
                    : List.of(new FieldProblem("", "not_permitted", "You may not write stories."));
            return render(request, model, form, problems);
        }
        allowedToPublish();
        PublishResult result;
        if ("schedule".equals(form.when()) || "embargo".equals(form.when())) {
            Instant at = StoryDeskController.parseLocal(form.publishAt());
            if (at == null) {
                return render(request, model, form, List.of(new FieldProblem("publishAt", "invalid_time",
                        "Give the publication time as date and time.")));
            }
            result = publishArticle.schedule(form.command(), at, "embargo".equals(form.when()));
        } else {
            result = publishArticle.publish(form.command());
        }
        if (result instanceof PublishResult.Rejected rejected) {
            return render(request, model, form, rejected.problems());
        }
        long id = result instanceof PublishResult.Published p ? p.articleId() : ((PublishResult.Scheduled) result).articleId();
        return "redirect:/newsroom?stored=" + id;
    }

    /** Writing drafts is every newsroom role's work but a moderator's. */
    private Actor writer() {
        Actor actor = currentActor.get().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
        if (!actor.role().isStaff() || actor.role() == Role.MODERATOR) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return actor;
    }

    /** Publishing is an editor's move; the security configuration lets only staff in, the workflow policy decides. */
    private void allowedToPublish() {
        var actor = currentActor.get().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
        if (!(WorkflowPolicy.decide(actor, StoryStatus.READY, WorkflowAction.PUBLISH, true, true)
                instanceof WorkflowPolicy.Allowed)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    private String render(HttpServletRequest request, Model model, StoryForm form, List<FieldProblem> problems) {
        List<AccountResult.Problem> shown = new ArrayList<>();
        problems.forEach(p -> shown.add(new AccountResult.Problem(p.field(), p.code(), p.message())));
        model.addAttribute("page", pages.page(request, "New story", null, shown));
        model.addAttribute("form", form);
        model.addAttribute("editions", editions.all());
        model.addAttribute("sections", editions.sections(form.edition() == null
                ? editions.defaultEdition().code() : form.edition()));
        return "newsroom/story";
    }
}
