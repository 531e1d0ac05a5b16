package org.dateline.newsroom.internal;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.dateline.content.ArticleState;
import org.dateline.content.LiveCoverageQueries;
import org.dateline.identity.AccountResult;
import org.dateline.identity.Actor;
import org.dateline.identity.CurrentActor;
import org.dateline.identity.StaffPages;
import org.dateline.newsroom.CorrectLiveEntry;
import org.dateline.newsroom.DeleteLiveEntry;
import org.dateline.newsroom.LiveEntryResult;
import org.dateline.newsroom.PostLiveEntry;
import org.dateline.newsroom.SetLiveCoverage;
import org.dateline.newsroom.Story;
import org.dateline.newsroom.StoryQueries;
import org.dateline.newsroom.StoryRefusal;
import org.dateline.newsroom.StoryResult;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * A live story's desk in the newsroom: the live coverage flag, and posting, correcting and deleting its entries. The
 * forms sit on the story's editor and on its own entries page ({@code /newsroom/stories/{id}/entries}), which also
 * shows what a refused form needs fixed. Each form is one use case, authorised as every story action is (the security
 * configuration lets only staff reach {@code /newsroom}; the use cases ask the workflow policy).
 */
@Controller
class LiveDeskController {

    private final SetLiveCoverage setLiveCoverage;
    private final PostLiveEntry postEntry;
    private final CorrectLiveEntry correctEntry;
    private final DeleteLiveEntry deleteEntry;
    private final StoryQueries stories;
    private final LiveCoverageQueries coverage;
    private final StaffPages pages;
    private final CurrentActor currentActor;

    LiveDeskController(SetLiveCoverage setLiveCoverage, PostLiveEntry postEntry, CorrectLiveEntry correctEntry,
                       DeleteLiveEntry deleteEntry, StoryQueries stories, LiveCoverageQueries coverage,
                       StaffPages pages, CurrentActor currentActor) {
        this.setLiveCoverage = setLiveCoverage;
        this.postEntry = postEntry;
        this.correctEntry = correctEntry;
        this.deleteEntry = deleteEntry;
        this.stories = stories;
        this.coverage = coverage;
        this.pages = pages;
        this.currentActor = currentActor;
    }

    /** The desk as a part of a newsroom page, coming back to {@code returnTo}. */
    static LiveDesk desk(Story story, LiveCoverageQueries coverage, String returnTo, String draftText,
                         String draftLink) {
        boolean live = coverage.isLiveCoverage(story.id());
        String publicPath = story.state() == ArticleState.LIVE ? story.path() : null;
        return new LiveDesk(story.id(), live, story.state() == ArticleState.LIVE,
                live ? coverage.entries(story.id()).stream().map(e -> LiveDesk.Row.of(e, publicPath)).toList()
                        : List.of(), publicPath, returnTo, draftText == null ? "" : draftText,
                draftLink == null ? "" : draftLink);
    }

    @GetMapping("/newsroom/stories/{id}/entries")
    String entries(@PathVariable long id, @RequestParam(required = false) String done, HttpServletRequest request,
                   Model model) {
        actor();
        String notice = done == null ? null : switch (done) {
            case "posted" -> "Posted: readers see it now.";
            case "corrected" -> "Corrected: readers see it marked as updated.";
            case "deleted" -> "Deleted: readers no longer see it.";
            case "live-coverage" -> "Live coverage changed.";
            default -> null;
        };
        return render(request, model, story(id), List.of(), notice, null, null);
    }

    @PostMapping("/newsroom/stories/{id}/live-coverage")
    String setLiveCoverage(@PathVariable long id, @RequestParam(required = false) String liveCoverage,
                           @RequestParam(name = "return", required = false) String back,
                           HttpServletRequest request, Model model) {
        StoryResult result = setLiveCoverage.set(actor(), id, "on".equals(liveCoverage));
        if (result instanceof StoryResult.Done) {
            return "redirect:" + back(id, back) + "?done=live-coverage";
        }
        return render(request, model, story(id), StoryAnswers.formProblems(result, request), null, null, null);
    }

    @PostMapping("/newsroom/stories/{id}/entries")
    String post(@PathVariable long id, @RequestParam(required = false) String text,
                @RequestParam(required = false) String link, @RequestParam(name = "return", required = false) String back,
                HttpServletRequest request, HttpServletResponse response, Model model) {
        return answer(id, back, "posted", postEntry.post(actor(), id, text, link), text, link, request, response,
                model);
    }

    @PostMapping("/newsroom/stories/{id}/entries/{entryId}")
    String correct(@PathVariable long id, @PathVariable long entryId, @RequestParam(required = false) String text,
                   @RequestParam(required = false) String link,
                   @RequestParam(name = "return", required = false) String back, HttpServletRequest request,
                   HttpServletResponse response, Model model) {
        return answer(id, back, "corrected", correctEntry.correct(actor(), id, entryId, text, link), null, null,
                request, response, model);
    }

    @PostMapping("/newsroom/stories/{id}/entries/{entryId}/delete")
    String delete(@PathVariable long id, @PathVariable long entryId,
                  @RequestParam(required = false) String confirmDelete,
                  @RequestParam(name = "return", required = false) String back, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        if (!"on".equals(confirmDelete)) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return render(request, model, story(id), List.of(new AccountResult.Problem("confirmDelete", "required",
                    "Tick \"Delete this entry for readers\" to confirm.")), null, null, null);
        }
        return answer(id, back, "deleted", deleteEntry.delete(actor(), id, entryId), null, null, request, response,
                model);
    }

    private String answer(long id, String back, String done, LiveEntryResult result, String draftText,
                          String draftLink, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (result instanceof LiveEntryResult.Done) {
            return "redirect:" + back(id, back) + "?done=" + done;
        }
        StoryResult why = ((LiveEntryResult.NotDone) result).why();
        response.setStatus(why instanceof StoryResult.Refused refused ? StoryAnswers.status(refused.reason()).value()
                : HttpStatus.UNPROCESSABLE_ENTITY.value());
        if (why instanceof StoryResult.Refused refused && refused.reason() == StoryRefusal.NOT_FOUND) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return render(request, model, story(id), StoryAnswers.formProblems(why, request), null, draftText, draftLink);
    }

    /** Back to the page the form was on: the story's editor or its entries page, never anywhere else. */
    private static String back(long id, String back) {
        String editor = "/newsroom/stories/" + id;
        return (editor + "/entries").equals(back) ? back : editor;
    }

    private String render(HttpServletRequest request, Model model, Story story, List<AccountResult.Problem> problems,
                          String notice, String draftText, String draftLink) {
        model.addAttribute("page", pages.page(request, "Live: " + (story.headline().isBlank() ? "Untitled story"
                : story.headline()), notice, problems));
        model.addAttribute("story", story);
        model.addAttribute("live", desk(story, coverage, "/newsroom/stories/" + story.id() + "/entries", draftText,
                draftLink));
        return "newsroom/live";
    }

    private Story story(long id) {
        return stories.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private Actor actor() {
        return currentActor.get().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
    }
}
