package org.dateline.newsroom.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.dateline.content.ArticleState;
import org.dateline.content.LiveCoverageQueries;
import org.dateline.editions.Editions;
import org.dateline.identity.AccountResult;
import org.dateline.identity.Actor;
import org.dateline.identity.CurrentActor;
import org.dateline.identity.StaffPages;
import org.dateline.media.PictureCard;
import org.dateline.media.PictureQueries;
import org.dateline.newsroom.CorrectStory;
import org.dateline.newsroom.KillStory;
import org.dateline.newsroom.LinkTranslation;
import org.dateline.newsroom.MarkBreaking;
import org.dateline.newsroom.StoryAlerts;
import org.dateline.newsroom.MoveStory;
import org.dateline.newsroom.MoveStoryEdition;
import org.dateline.newsroom.PublishStory;
import org.dateline.newsroom.RestoreRevision;
import org.dateline.newsroom.SaveStory;
import org.dateline.newsroom.ScheduleStory;
import org.dateline.newsroom.Story;
import org.dateline.newsroom.StoryEdit;
import org.dateline.newsroom.StoryFilter;
import org.dateline.newsroom.StoryLock;
import org.dateline.newsroom.StoryQueries;
import org.dateline.newsroom.StoryResult;
import org.dateline.newsroom.StoryRevision;
import org.dateline.newsroom.StorySummary;
import org.dateline.newsroom.UnpublishStory;
import org.dateline.newsroom.UnscheduleStory;
import org.dateline.newsroom.WorkflowAction;
import org.dateline.newsroom.WorkflowPolicy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * The story editor: a story's fields with the workflow's buttons for what the actor may do now, the edit lock,
 * autosave, revisions side by side and restore. Each button is one use-case call (its save included); the security
 * configuration lets only staff reach {@code /newsroom}, and the use cases ask the workflow policy.
 */
@Controller
class StoryDeskController {

    private final StoryQueries queries;
    private final SaveStory saveStory;
    private final MoveStory moveStory;
    private final PublishStory publishStory;
    private final ScheduleStory scheduleStory;
    private final UnscheduleStory unscheduleStory;
    private final CorrectStory correctStory;
    private final UnpublishStory unpublishStory;
    private final KillStory killStory;
    private final RestoreRevision restoreRevision;
    private final StoryLock storyLock;
    private final MoveStoryEdition moveEdition;
    private final LinkTranslation translations;
    private final Editions editions;
    private final StaffPages pages;
    private final CurrentActor currentActor;
    private final PictureQueries pictures;
    private final LiveCoverageQueries liveCoverage;
    private final MarkBreaking markBreaking;
    private final ObjectProvider<StoryAlerts> alerts;

    StoryDeskController(StoryQueries queries, SaveStory saveStory, MoveStory moveStory, PublishStory publishStory,
                        ScheduleStory scheduleStory, UnscheduleStory unscheduleStory, CorrectStory correctStory,
                        UnpublishStory unpublishStory, KillStory killStory, RestoreRevision restoreRevision,
                        StoryLock storyLock, MoveStoryEdition moveEdition, LinkTranslation translations,
                        Editions editions, StaffPages pages, CurrentActor currentActor, PictureQueries pictures,
                        LiveCoverageQueries liveCoverage, MarkBreaking markBreaking,
                        ObjectProvider<StoryAlerts> alerts) {
        this.alerts = alerts;
        this.queries = queries;
        this.saveStory = saveStory;
        this.moveStory = moveStory;
        this.publishStory = publishStory;
        this.scheduleStory = scheduleStory;
        this.unscheduleStory = unscheduleStory;
        this.correctStory = correctStory;
        this.unpublishStory = unpublishStory;
        this.killStory = killStory;
        this.restoreRevision = restoreRevision;
        this.storyLock = storyLock;
        this.moveEdition = moveEdition;
        this.translations = translations;
        this.editions = editions;
        this.pages = pages;
        this.currentActor = currentActor;
        this.pictures = pictures;
        this.liveCoverage = liveCoverage;
        this.markBreaking = markBreaking;
    }

    @GetMapping("/newsroom/stories/{id}")
    String edit(@PathVariable long id, @RequestParam(required = false) String done,
                @RequestParam(required = false) String find, @RequestParam(name = "in", required = false) String in,
                HttpServletRequest request, Model model) {
        Actor actor = actor();
        String notice = done == null ? null : switch (done) {
            case "save" -> "Saved.";
            case "created" -> "Draft stored. It is not public until it is published.";
            case "takeover" -> "You hold the edit lock now.";
            case "edition" -> "Moved to this edition.";
            case "link" -> "Linked: the public pages name each other as translations.";
            case "unlink" -> "Unlinked from its translations.";
            case "posted" -> "Entry posted: readers see it now.";
            case "corrected" -> "Entry corrected: readers see it marked as updated.";
            case "deleted" -> "Entry deleted: readers no longer see it.";
            case "live-coverage" -> "Live coverage changed.";
            case "breaking-on" -> "Marked as breaking news: the bar shows on every page of the edition.";
            case "breaking-off" -> "No longer breaking news: the bar is gone.";
            default -> "Done: " + done.replace('-', ' ') + ".";
        };
        // Opening the editor takes the lock when it is free; someone else's fresh lock is shown instead.
        storyLock.lock(actor, id);
        Story story = story(id);
        model.addAttribute("find", find == null ? "" : find);
        model.addAttribute("findIn", in == null ? "" : in);
        model.addAttribute("candidates", candidates(story, find, in));
        return render(request, model, story, EditForm.of(story), List.of(), notice);
    }

    /** Stories of another edition whose headline or lead holds the text: candidates for the translation link. */
    private List<StorySummary> candidates(Story story, String find, String in) {
        if (find == null || find.isBlank() || in == null || in.equals(story.edition())
                || editions.find(in).isEmpty()) {
            return List.of();
        }
        return queries.list(new StoryFilter(null, null, in, null, null, find.strip(), null, 20)).stream()
                .filter(s -> s.state() != ArticleState.KILLED).toList();
    }

    @PostMapping("/newsroom/stories/{id}/edition")
    String moveEdition(@PathVariable long id, @RequestParam(required = false) String edition,
                       HttpServletRequest request, Model model) {
        return done(id, "edition", moveEdition.move(actor(), id, edition), request, model);
    }

    @PostMapping("/newsroom/stories/{id}/translations")
    String link(@PathVariable long id, @RequestParam(required = false) Long other, HttpServletRequest request,
                Model model) {
        StoryResult result = other == null ? StoryResult.rejected("translationOf", "required",
                StoryAnswers.formProblem("translationOf", "required", "form.choose_translation", request).message())
                : translations.link(actor(), id, other);
        return done(id, "link", result, request, model);
    }

    /** Beside the form, as the translation links are: the mark changes no field and takes no lock. */
    @PostMapping("/newsroom/stories/{id}/breaking")
    String breaking(@PathVariable long id, @RequestParam(required = false) String breaking,
                    HttpServletRequest request, Model model) {
        boolean on = "on".equals(breaking);
        return done(id, on ? "breaking-on" : "breaking-off", markBreaking.mark(actor(), id, on), request, model);
    }

    @PostMapping("/newsroom/stories/{id}/translations/unlink")
    String unlink(@PathVariable long id, HttpServletRequest request, Model model) {
        return done(id, "unlink", translations.unlink(actor(), id), request, model);
    }

    /** After an action beside the form: back to the editor, or the editor with the problems named. */
    private String done(long id, String action, StoryResult result, HttpServletRequest request, Model model) {
        if (result instanceof StoryResult.Done) {
            return "redirect:/newsroom/stories/" + id + "?done=" + action;
        }
        Story story = story(id);
        return render(request, model, story, EditForm.of(story), StoryAnswers.formProblems(result, request), null);
    }

    /** A button of the editor: one use case, which saves the fields with its step in one transaction. */
    @PostMapping("/newsroom/stories/{id}")
    String act(@PathVariable long id, @ModelAttribute EditForm form,
               @RequestParam(name = "breaking", required = false) String breaking, HttpServletRequest request,
               Model model) {
        Actor actor = actor();
        Story story = story(id);
        DeskButton button = DeskButton.of(form.action())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "Unknown action"));
        StoryEdit edit = new StoryEdit(form.command(story.edition()), form.revision());
        // What the page itself asks before any use case runs: a time to give, a box to tick.
        List<AccountResult.Problem> formProblems = new ArrayList<>();
        StoryResult result = switch (button) {
            case SAVE -> saveStory.saveChanges(actor, id, edit);
            case SUBMIT, READY, RETURN -> moveStory.move(actor, id, button.action(), edit);
            case PUBLISH -> publishStory.publish(actor, id, edit, "on".equals(breaking));
            case SCHEDULE, EMBARGO -> {
                Instant at = FormTime.in(form.publishAt(), editions.find(story.edition()).orElseThrow().zone());
                if (at == null) {
                    formProblems.add(StoryAnswers.formProblem("publishAt", "invalid_time", "form.publish_at", request));
                    yield null;
                }
                yield scheduleStory.schedule(actor, id, at, button == DeskButton.EMBARGO, edit);
            }
            case UNSCHEDULE -> unscheduleStory.unschedule(actor, id, edit);
            case CORRECT -> correctStory.correct(actor, id, edit.fields(), form.correction());
            case UNPUBLISH -> {
                if (!"on".equals(form.confirmUnpublish())) {
                    formProblems.add(StoryAnswers.formProblem("confirmUnpublish", "required", "form.confirm_unpublish",
                            request));
                    yield null;
                }
                yield unpublishStory.unpublish(actor, id);
            }
            case KILL -> {
                if (!"on".equals(form.confirmKill())) {
                    formProblems.add(StoryAnswers.formProblem("confirmKill", "required", "form.confirm_kill", request));
                    yield null;
                }
                yield killStory.kill(actor, id);
            }
        };
        if (result instanceof StoryResult.Done) {
            return "redirect:/newsroom/stories/" + id + "?done=" + button.value();
        }
        Story now = story(id);
        EditForm shown = new EditForm(form.section(), form.headline(), form.lead(), form.body(), form.datelinePlace(),
                form.datelineDate(), form.credit(), form.tags(), form.authors(), form.slug(), now.revision(), null,
                form.publishAt(), form.correction(), null, null, form.leadPicture());
        return render(request, model, now, shown,
                result == null ? formProblems : StoryAnswers.formProblems(result, request), null);
    }

    record Autosaved(int revision, String state, String message) {
    }

    /** Saves the editor's fields when they changed since the revision the editor holds; answers the revision now. */
    @PostMapping(value = "/newsroom/stories/{id}/autosave", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Autosaved> autosave(@PathVariable long id, @ModelAttribute EditForm form,
                                       HttpServletRequest request) {
        Actor actor = actor();
        Story story = story(id);
        StoryResult result = saveStory.saveChanges(actor, id, new StoryEdit(form.command(story.edition()),
                form.revision()));
        if (result instanceof StoryResult.Done done) {
            boolean saved = done.revision() != story.revision();
            if (!saved) {
                storyLock.lock(actor, id); // keeps the lock fresh while the editor is open
            }
            return ResponseEntity.ok(new Autosaved(done.revision(), done.state().name(),
                    saved ? "Saved." : "Up to date."));
        }
        String message = StoryAnswers.formProblems(result, request).stream().map(AccountResult.Problem::message)
                .findFirst().orElse("Not saved.");
        HttpStatus status = result instanceof StoryResult.Refused refused ? StoryAnswers.status(refused.reason())
                : HttpStatus.UNPROCESSABLE_ENTITY;
        return ResponseEntity.status(status).body(new Autosaved(story.revision(), story.state().name(),
                "Not saved: " + message));
    }

    @PostMapping("/newsroom/stories/{id}/lock")
    String takeOver(@PathVariable long id) {
        if (!(storyLock.takeOver(actor(), id) instanceof StoryResult.Done)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return "redirect:/newsroom/stories/" + id + "?done=takeover";
    }

    @GetMapping("/newsroom/stories/{id}/revisions")
    String revisions(@PathVariable long id, HttpServletRequest request, Model model) {
        actor();
        Story story = story(id);
        model.addAttribute("page", pages.page(request, "Revisions: " + story.headline(), null));
        model.addAttribute("story", story);
        model.addAttribute("revisions", queries.revisions(id));
        return "newsroom/revisions";
    }

    @GetMapping("/newsroom/stories/{id}/compare")
    String compare(@PathVariable long id, @RequestParam int a, @RequestParam int b, HttpServletRequest request,
                   Model model) {
        actor();
        Story story = story(id);
        StoryRevision older = queries.revision(id, Math.min(a, b))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        StoryRevision newer = queries.revision(id, Math.max(a, b))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("page", pages.page(request, "Revisions " + older.number() + " and " + newer.number()
                + ": " + story.headline(), null));
        model.addAttribute("story", story);
        model.addAttribute("older", older);
        model.addAttribute("newer", newer);
        model.addAttribute("rows", RevisionDiff.rows(older.fields(), newer.fields()));
        return "newsroom/compare";
    }

    @PostMapping("/newsroom/stories/{id}/revisions/{number}/restore")
    String restore(@PathVariable long id, @PathVariable int number, HttpServletRequest request, Model model) {
        return done(id, "restore", restoreRevision.restore(actor(), id, number), request, model);
    }

    private String render(HttpServletRequest request, Model model, Story story, EditForm form,
                          List<AccountResult.Problem> problems, String notice) {
        Actor actor = actor();
        List<String> allowed = new ArrayList<>();
        for (DeskButton button : DeskButton.values()) {
            if (button.action() != null && WorkflowPolicy.decide(actor, story, button.action())
                    instanceof WorkflowPolicy.Allowed) {
                allowed.add(button.value());
            }
        }
        boolean editable = WorkflowPolicy.mayEdit(actor, story).isEmpty();
        Optional<String> lockedBy = queries.lockHolder(actor, story);
        model.addAttribute("page", pages.page(request, story.headline().isBlank() ? "Untitled story" : story.headline(),
                notice, problems));
        model.addAttribute("story", story);
        model.addAttribute("form", form);
        model.addAttribute("leadPicture", PictureField.shown(form.leadPicture(), pictures).map(PictureCard::of)
                .orElse(null));
        model.addAttribute("sections", editions.sections(story.edition()));
        model.addAttribute("actions", allowed);
        org.dateline.editions.Edition edition = editions.find(story.edition()).orElseThrow();
        model.addAttribute("zone", FormTime.zoneLabel(edition));
        model.addAttribute("goesPublic", story.publishAt() == null ? null : FormTime.shown(story.publishAt(), edition));
        model.addAttribute("mayMarkBreaking", WorkflowPolicy.decide(actor, story, WorkflowAction.BREAKING)
                instanceof WorkflowPolicy.Allowed);
        StoryAlerts counter = alerts.getIfAvailable();
        model.addAttribute("alerts", counter == null ? StoryAlerts.Counts.NONE : counter.counts(story.id()));
        model.addAttribute("editable", editable && lockedBy.isEmpty());
        model.addAttribute("lockedBy", lockedBy.orElse(null));
        model.addAttribute("editions", editions.all());
        model.addAttribute("translations", queries.translations(story.id()));
        model.addAttribute("live", LiveDeskController.desk(story, liveCoverage, "/newsroom/stories/" + story.id(),
                null, null));
        if (!model.containsAttribute("candidates")) {
            model.addAttribute("find", "");
            model.addAttribute("findIn", "");
            model.addAttribute("candidates", List.of());
        }
        return "newsroom/edit";
    }

    private Story story(long id) {
        return queries.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private Actor actor() {
        return currentActor.get().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
    }
}
