package org.dateline.newsroom.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


import jakarta.servlet.http.HttpServletRequest;
import org.dateline.content.ArticleState;
import org.dateline.editions.Editions;
import org.dateline.identity.AccountResult;
import org.dateline.identity.Actor;
import org.dateline.identity.CurrentActor;
import org.dateline.identity.StaffPages;
import org.dateline.newsroom.FieldProblem;
import org.dateline.newsroom.LinkTranslation;
import org.dateline.newsroom.MoveStoryEdition;
import org.dateline.newsroom.PublishCommand;
import org.dateline.newsroom.Stories;
import org.dateline.newsroom.Story;
import org.dateline.newsroom.StoryFilter;
import org.dateline.newsroom.StoryResult;
import org.dateline.newsroom.StoryRevision;
import org.dateline.newsroom.StorySummary;
import org.dateline.newsroom.WorkflowAction;
import org.dateline.newsroom.WorkflowPolicy;
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
 * autosave, revisions side by side and restore. Every action goes through {@link Stories}, which asks the
 * workflow policy; the security configuration lets only staff reach {@code /newsroom}.
 */
@Controller
class StoryDeskController {

    /** The editor's buttons, in the order they are shown, and the workflow action each stands for. */
    static final Map<String, WorkflowAction> ACTIONS = new LinkedHashMap<>();

    static {
        ACTIONS.put("submit", WorkflowAction.SUBMIT);
        ACTIONS.put("ready", WorkflowAction.MARK_READY);
        ACTIONS.put("return", WorkflowAction.RETURN_TO_DRAFT);
        ACTIONS.put("publish", WorkflowAction.PUBLISH);
        ACTIONS.put("schedule", WorkflowAction.SCHEDULE);
        ACTIONS.put("embargo", WorkflowAction.EMBARGO);
        ACTIONS.put("unschedule", WorkflowAction.UNSCHEDULE);
        ACTIONS.put("correct", WorkflowAction.CORRECT);
        ACTIONS.put("unpublish", WorkflowAction.UNPUBLISH);
        ACTIONS.put("kill", WorkflowAction.KILL);
    }

    private final Stories stories;
    private final Editions editions;
    private final StaffPages pages;
    private final CurrentActor currentActor;
    private final MoveStoryEdition moveEdition;
    private final LinkTranslation translations;

    StoryDeskController(Stories stories, Editions editions, StaffPages pages, CurrentActor currentActor,
                        MoveStoryEdition moveEdition, LinkTranslation translations) {
        this.moveEdition = moveEdition;
        this.translations = translations;
        this.stories = stories;
        this.editions = editions;
        this.pages = pages;
        this.currentActor = currentActor;
    }

    @GetMapping("/newsroom/stories/{id}")
    String edit(@PathVariable long id, @RequestParam(required = false) String done,
                @RequestParam(required = false) String find, @RequestParam(name = "in", required = false) String in,
                HttpServletRequest request, Model model) {
        Actor actor = actor();
        Story story = story(id);
        String notice = done == null ? null : switch (done) {
            case "save" -> "Saved.";
            case "created" -> "Draft stored. It is not public until it is published.";
            case "takeover" -> "You hold the edit lock now.";
            case "edition" -> "Moved to this edition.";
            case "link" -> "Linked: the public pages name each other as translations.";
            case "unlink" -> "Unlinked from its translations.";
            default -> "Done: " + done.replace('-', ' ') + ".";
        };
        // Opening the editor takes the lock when it is free; someone else's fresh lock is shown instead.
        if (WorkflowPolicy.canEdit(actor, story.status(), own(actor, story), true)) {
            stories.lock(actor, id, false);
            story = story(id);
        }
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
        return stories.list(new StoryFilter(null, null, in, null, null, find.strip(), null, 20)).stream()
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
        StoryResult result = other == null ? new StoryResult.Rejected(List.of(new FieldProblem("translationOf",
                "required", "Choose the story to link.")))
                : translations.link(actor(), id, other);
        return done(id, "link", result, request, model);
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
        return render(request, model, story, EditForm.of(story), problems(result), null);
    }

    @PostMapping("/newsroom/stories/{id}")
    String act(@PathVariable long id, @ModelAttribute EditForm form, HttpServletRequest request, Model model) {
        Actor actor = actor();
        Story story = story(id);
        String action = form.action() == null ? "save" : form.action();
        if (!"save".equals(action) && !ACTIONS.containsKey(action)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Unknown action");
        }
        PublishCommand fields = form.command(story.edition());
        boolean changed = !Stories.sameFields(fields, story.fields());
        StoryResult result;
        if ("correct".equals(action)) {
            result = stories.correct(actor, id, fields, form.correction());
        } else if ("unpublish".equals(action) || "kill".equals(action) || !changed && "save".equals(action)) {
            result = "save".equals(action) ? new StoryResult.Done(id, story.state(), story.revision())
                    : "unpublish".equals(action) ? stories.unpublish(actor, id)
                    : "on".equals(form.confirmKill()) ? stories.kill(actor, id)
                    : new StoryResult.Rejected(List.of(new FieldProblem("confirmKill", "required",
                    "Tick the box to confirm: a killed story cannot come back.")));
        } else {
            result = changed ? stories.save(actor, id, fields, form.revision())
                    : new StoryResult.Done(id, story.state(), story.revision());
            if (result instanceof StoryResult.Done && !"save".equals(action)) {
                result = switch (action) {
                    case "publish" -> stories.publish(actor, id);
                    case "schedule", "embargo" -> {
                        Instant at = parseLocal(form.publishAt());
                        yield at == null ? new StoryResult.Rejected(List.of(new FieldProblem("publishAt",
                                "invalid_time", "Give the publication time as date and time (UTC).")))
                                : stories.schedule(actor, id, at, "embargo".equals(action));
                    }
                    default -> stories.move(actor, id, ACTIONS.get(action));
                };
            }
        }
        if (result instanceof StoryResult.Done) {
            return "redirect:/newsroom/stories/" + id + "?done=" + action;
        }
        Story now = story(id);
        EditForm shown = new EditForm(form.section(), form.headline(), form.lead(), form.body(), form.datelinePlace(),
                form.datelineDate(), form.credit(), form.tags(), form.authors(), form.slug(), now.revision(), null,
                form.publishAt(), form.correction(), null);
        return render(request, model, now, shown, problems(result), null);
    }

    record Autosaved(int revision, String state, String message) {
    }

    /** Saves the editor's fields when they changed since the revision the editor holds; answers the revision now. */
    @PostMapping(value = "/newsroom/stories/{id}/autosave", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Autosaved> autosave(@PathVariable long id, @ModelAttribute EditForm form) {
        Actor actor = actor();
        Story story = story(id);
        PublishCommand fields = form.command(story.edition());
        if (Stories.sameFields(fields, story.fields())) {
            stories.lock(actor, id, false); // keeps the lock fresh while the editor is open
            return ResponseEntity.ok(new Autosaved(story.revision(), story.state().name(), "Up to date."));
        }
        StoryResult result = stories.save(actor, id, fields, form.revision());
        if (result instanceof StoryResult.Done done) {
            return ResponseEntity.ok(new Autosaved(done.revision(), done.state().name(), "Saved."));
        }
        String message = problems(result).stream().map(AccountResult.Problem::message).findFirst().orElse("Not saved.");
        HttpStatus status = result instanceof StoryResult.Conflict ? HttpStatus.CONFLICT
                : result instanceof StoryResult.Refused ? HttpStatus.FORBIDDEN : HttpStatus.UNPROCESSABLE_ENTITY;
        return ResponseEntity.status(status).body(new Autosaved(story.revision(), story.state().name(),
                "Not saved: " + message));
    }

    @PostMapping("/newsroom/stories/{id}/lock")
    String takeOver(@PathVariable long id) {
        StoryResult result = stories.lock(actor(), id, true);
        if (!(result instanceof StoryResult.Done)) {
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
        model.addAttribute("revisions", stories.revisions(id));
        return "newsroom/revisions";
    }

    @GetMapping("/newsroom/stories/{id}/compare")
    String compare(@PathVariable long id, @RequestParam int a, @RequestParam int b, HttpServletRequest request,
                   Model model) {
        actor();
        Story story = story(id);
        StoryRevision older = stories.revision(id, Math.min(a, b))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        StoryRevision newer = stories.revision(id, Math.max(a, b))
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
        StoryResult result = stories.restore(actor(), id, number);
        if (result instanceof StoryResult.Done) {
            return "redirect:/newsroom/stories/" + id + "?done=restore";
        }
        Story story = story(id);
        return render(request, model, story, EditForm.of(story), problems(result), null);
    }

    private String render(HttpServletRequest request, Model model, Story story, EditForm form,
                          List<AccountResult.Problem> problems, String notice) {
        Actor actor = actor();
        List<String> allowed = new ArrayList<>();
        for (Map.Entry<String, WorkflowAction> entry : ACTIONS.entrySet()) {
            if (WorkflowPolicy.decide(actor, story.status(), entry.getValue(), own(actor, story), true)
                    instanceof WorkflowPolicy.Allowed) {
                allowed.add(entry.getKey());
            }
        }
        boolean editable = WorkflowPolicy.canEdit(actor, story.status(), own(actor, story), true);
        Story.Lock lock = story.lock();
        boolean lockedByOther = lock != null && lock.accountId() != actor.accountId()
                && lock.at().isAfter(Instant.now().minusSeconds(120));
        model.addAttribute("page", pages.page(request, story.headline().isBlank() ? "Untitled story" : story.headline(),
                notice, problems));
        model.addAttribute("story", story);
        model.addAttribute("form", form);
        model.addAttribute("sections", editions.sections(story.edition()));
        model.addAttribute("actions", allowed);
        model.addAttribute("editable", editable && !lockedByOther);
        model.addAttribute("lockedBy", lockedByOther ? lock.name() : null);
        model.addAttribute("editions", editions.all());
        model.addAttribute("translations", translations.translations(story.id()));
        if (!model.containsAttribute("candidates")) {
            model.addAttribute("find", "");
            model.addAttribute("findIn", "");
            model.addAttribute("candidates", List.of());
        }
        return "newsroom/edit";
    }

    private static List<AccountResult.Problem> problems(StoryResult result) {
        List<AccountResult.Problem> shown = new ArrayList<>();
        if (result instanceof StoryResult.Rejected rejected) {
            rejected.problems().forEach(p -> shown.add(new AccountResult.Problem(p.field(), p.code(), p.message())));
        } else if (result instanceof StoryResult.Refused refused) {
            shown.add(new AccountResult.Problem("", refused.code(), refused.message()));
        } else if (result instanceof StoryResult.Conflict conflict) {
            shown.add(new AccountResult.Problem("", conflict.code(), conflict.message()));
        } else if (result instanceof StoryResult.NotFound) {
            shown.add(new AccountResult.Problem("", "unknown_article", "The story is gone."));
        }
        return shown;
    }

    private Story story(long id) {
        return stories.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private Actor actor() {
        return currentActor.get().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
    }

    private static boolean own(Actor actor, Story story) {
        return story.createdBy() != null && story.createdBy() == actor.accountId();
    }

    /** The form's datetime-local value, read in UTC (the newsroom works in UTC). */
    static Instant parseLocal(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
