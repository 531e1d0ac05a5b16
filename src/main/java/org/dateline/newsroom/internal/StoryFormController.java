package org.dateline.newsroom.internal;

import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.dateline.editions.Editions;
import org.dateline.identity.AccountResult;
import org.dateline.identity.Actor;
import org.dateline.identity.CurrentActor;
import org.dateline.identity.StaffPages;
import org.dateline.media.PictureCard;
import org.dateline.media.PictureQueries;
import org.dateline.newsroom.CreateStory;
import org.dateline.newsroom.PublishStory;
import org.dateline.newsroom.ScheduleStory;
import org.dateline.newsroom.StoryResult;
import org.dateline.newsroom.WorkflowPolicy;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

/** The newsroom form that writes a story: a draft, or published now or at a time (scheduled or embargoed). */
@Controller
class StoryFormController {

    private final CreateStory createStory;
    private final PublishStory publishStory;
    private final ScheduleStory scheduleStory;
    private final Editions editions;
    private final StaffPages pages;
    private final CurrentActor currentActor;
    private final PictureQueries pictures;

    StoryFormController(CreateStory createStory, PublishStory publishStory, ScheduleStory scheduleStory,
                        Editions editions, StaffPages pages, CurrentActor currentActor, PictureQueries pictures) {
        this.createStory = createStory;
        this.publishStory = publishStory;
        this.scheduleStory = scheduleStory;
        this.editions = editions;
        this.pages = pages;
        this.currentActor = currentActor;
        this.pictures = pictures;
    }

    @GetMapping("/newsroom/stories/new")
    String form(HttpServletRequest request, Model model) {
        writer();
        return render(request, model, StoryForm.empty(editions.defaultEdition().code()), List.of());
    }

    @PostMapping("/newsroom/stories")
    String store(@ModelAttribute StoryForm form, HttpServletRequest request, HttpServletResponse response,
                 Model model) {
        Actor actor = writer();
        StoryResult result;
        if ("draft".equals(form.when())) {
            result = createStory.create(actor, form.command());
        } else if ("schedule".equals(form.when()) || "embargo".equals(form.when())) {
            Instant at = FormTime.in(form.publishAt(), editions.find(form.edition())
                    .orElse(editions.defaultEdition()).zone());
            if (at == null) {
                return render(request, model, form, List.of(StoryAnswers.formProblem("publishAt", "invalid_time",
                        "form.publish_at", request)));
            }
            result = scheduleStory.scheduleNew(actor, form.command(), at, "embargo".equals(form.when()));
        } else {
            result = publishStory.publishNew(actor, form.command());
        }
        if (result instanceof StoryResult.Done done) {
            return "draft".equals(form.when()) ? "redirect:/newsroom/stories/" + done.storyId() + "?done=created"
                    : "redirect:/newsroom?stored=" + done.storyId();
        }
        if (result instanceof StoryResult.Refused refused) {
            response.setStatus(StoryAnswers.status(refused.reason()).value());
        }
        return render(request, model, form, StoryAnswers.formProblems(result, request));
    }

    /** Writing stories is every newsroom role's work but a moderator's. */
    private Actor writer() {
        Actor actor = currentActor.get().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
        if (!WorkflowPolicy.mayWrite(actor)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return actor;
    }

    private String render(HttpServletRequest request, Model model, StoryForm form,
                          List<AccountResult.Problem> problems) {
        model.addAttribute("page", pages.page(request, "New story", null, problems));
        model.addAttribute("form", form);
        model.addAttribute("leadPicture", PictureField.shown(form.leadPicture(), pictures).map(PictureCard::of)
                .orElse(null));
        model.addAttribute("editions", editions.all());
        model.addAttribute("sections", editions.sections(form.edition() == null
                ? editions.defaultEdition().code() : form.edition()));
        return "newsroom/story";
    }
}
