package org.dateline.newsroom.internal;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.dateline.content.ArticleState;
import org.dateline.identity.Actor;
import org.dateline.identity.CurrentActor;
import org.dateline.newsroom.Stories;
import org.dateline.newsroom.Story;
import org.dateline.newsroom.StoryFilter;
import org.dateline.newsroom.StoryResult;
import org.dateline.newsroom.StoryRevision;
import org.dateline.newsroom.StorySummary;
import org.dateline.newsroom.WorkflowAction;
import org.dateline.platform.web.BaseUrl;
import org.dateline.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin API's story workflow: the story list, drafts moving through the desk (submit, ready, back to draft),
 * schedule and embargo, revisions and restore, the edit lock. Authorised in the security configuration; the
 * workflow policy decides per actor.
 */
@RestController
@RequestMapping(value = "/api/admin/articles", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Articles", description = "Publishing through the admin API")
@SecurityRequirement(name = "bearer")
class AdminStoriesController {

    private final Stories stories;
    private final CurrentActor currentActor;
    private final BaseUrl baseUrl;

    AdminStoriesController(Stories stories, CurrentActor currentActor, BaseUrl baseUrl) {
        this.stories = stories;
        this.currentActor = currentActor;
        this.baseUrl = baseUrl;
    }

    @Operation(summary = "List stories in any state",
            description = "Newest change first. Filters: desk (newsroom, incoming), state (DRAFT, IN_EDIT, READY, SCHEDULED, LIVE, UNPUBLISHED, KILLED), edition, section slug, q (text in headline or lead).")
    @ApiResponse(responseCode = "200", description = "The stories")
    @ApiResponse(responseCode = "400", description = "Unknown state (code invalid_parameter)")
    @GetMapping
    ResponseEntity<?> list(@RequestParam(required = false) String desk, @RequestParam(required = false) String state,
                           @RequestParam(required = false) String edition,
                           @RequestParam(required = false) String section,
                           @RequestParam(required = false) String q,
                           @RequestParam(required = false) String author,
                           @RequestParam(defaultValue = "50") int limit) {
        ArticleState wanted;
        try {
            wanted = state == null || state.isBlank() ? null : ArticleState.valueOf(state.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            return Problems.response(Problems.problem(HttpStatus.BAD_REQUEST, "invalid_parameter",
                    "Unknown state \"" + state + "\"."));
        }
        List<StorySummary> found = stories.list(new StoryFilter(blankToNull(desk), wanted, blankToNull(edition),
                blankToNull(section), null, q, blankToNull(author), limit));
        return ResponseEntity.ok(found);
    }

    @Schema(description = "A publication time for a story")
    record ScheduleRequest(@Schema(description = "ISO-8601 instant in the future, within a year") Instant publishAt,
                           @Schema(description = "The time is an embargo imposed by the source") Boolean embargo) {
    }

    @Operation(summary = "Schedule or embargo a story",
            description = "A draft, in edit or ready story is checked in full and goes public at publishAt: nothing of it is public before, everything within a second after.")
    @ApiResponse(responseCode = "200", description = "Scheduled")
    @ApiResponse(responseCode = "400", description = "invalid_request (the story is incomplete, or publishAt is not in the future)")
    @ApiResponse(responseCode = "409", description = "transition_not_allowed, story_killed, state_changed")
    @PostMapping(value = "/{id}/schedule", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> schedule(@PathVariable long id, @RequestBody ScheduleRequest request) {
        return answer(id, stories.schedule(actor(), id, request.publishAt(), Boolean.TRUE.equals(request.embargo())));
    }

    @Operation(summary = "Hand a draft to the editors")
    @PostMapping("/{id}/submit")
    ResponseEntity<?> submit(@PathVariable long id) {
        return answer(id, stories.move(actor(), id, WorkflowAction.SUBMIT));
    }

    @Operation(summary = "Mark an edited story ready to publish")
    @PostMapping("/{id}/ready")
    ResponseEntity<?> ready(@PathVariable long id) {
        return answer(id, stories.move(actor(), id, WorkflowAction.MARK_READY));
    }

    @Operation(summary = "Send a story back to draft")
    @PostMapping("/{id}/return-to-draft")
    ResponseEntity<?> returnToDraft(@PathVariable long id) {
        return answer(id, stories.move(actor(), id, WorkflowAction.RETURN_TO_DRAFT));
    }

    @Operation(summary = "Take back a schedule or embargo; the story is ready again")
    @PostMapping("/{id}/unschedule")
    ResponseEntity<?> unschedule(@PathVariable long id) {
        return answer(id, stories.move(actor(), id, WorkflowAction.UNSCHEDULE));
    }

    record RevisionLine(int number, String savedAt, String savedBy, ArticleState state, String headline,
                        String note) {
    }

    @Operation(summary = "The revisions of a story, newest first")
    @ApiResponse(responseCode = "404", description = "No such story (code unknown_article)")
    @GetMapping("/{id}/revisions")
    ResponseEntity<?> revisions(@PathVariable long id) {
        if (stories.find(id).isEmpty()) {
            return unknown(id);
        }
        return ResponseEntity.ok(stories.revisions(id).stream().map(r -> new RevisionLine(r.number(),
                r.savedAt().toString(), r.savedByName(), r.state(), r.fields().headline(), r.note())).toList());
    }

    @Operation(summary = "One revision of a story, in full")
    @ApiResponse(responseCode = "404", description = "No such story or revision (code unknown_article or unknown_revision)")
    @GetMapping("/{id}/revisions/{number}")
    ResponseEntity<?> revision(@PathVariable long id, @PathVariable int number) {
        return stories.revision(id, number).<ResponseEntity<?>>map(r -> ResponseEntity.ok(revision(r)))
                .orElseGet(() -> stories.find(id).isEmpty() ? unknown(id)
                        : Problems.response(Problems.problem(HttpStatus.NOT_FOUND, "unknown_revision",
                        "Story " + id + " has no revision " + number + ".")));
    }

    @Operation(summary = "Restore a revision", description = "Saves its fields again as the newest revision; a published story is updated on the site.")
    @PostMapping("/{id}/revisions/{number}/restore")
    ResponseEntity<?> restore(@PathVariable long id, @PathVariable int number) {
        return answer(id, stories.restore(actor(), id, number));
    }

    @Operation(summary = "Take the edit lock", description = "takeOver=true takes it from whoever holds it. Locks lapse after two minutes without a save or a renewal.")
    @PostMapping("/{id}/lock")
    ResponseEntity<?> lock(@PathVariable long id, @RequestParam(defaultValue = "false") boolean takeOver) {
        return answer(id, stories.lock(actor(), id, takeOver));
    }

    @Operation(summary = "Give back the edit lock")
    @DeleteMapping("/{id}/lock")
    ResponseEntity<?> unlock(@PathVariable long id) {
        stories.unlock(actor(), id);
        return ResponseEntity.noContent().build();
    }

    record RevisionResource(long id, int number, String savedAt, String savedBy, ArticleState state, String section,
                            String headline, String lead, List<String> body, String datelinePlace,
                            String datelineDate, String credit, List<String> tags, List<String> authors, String slug,
                            String note) {
    }

    private static RevisionResource revision(StoryRevision r) {
        var f = r.fields();
        return new RevisionResource(r.storyId(), r.number(), r.savedAt().toString(), r.savedByName(), r.state(),
                f.section(), f.headline(), f.lead(), f.body(), f.datelinePlace(),
                f.datelineDate() == null ? null : f.datelineDate().toString(), f.credit(), f.tags(), f.authors(),
                f.slug(), r.note());
    }

    record StoryResource(long id, ArticleState state, String desk, String edition, String section, String headline,
                         String lead, List<String> body, String datelinePlace, String datelineDate, String credit,
                         List<String> tags, List<String> authors, String slug, String url, String publishedAt,
                         String updatedAt, String correction, int revision, String createdBy, String lockedBy,
                         Story.Provenance provenance) {
    }

    /** The story as the admin API shows it, in any state. */
    static StoryResource resource(Story s, BaseUrl baseUrl) {
        return new StoryResource(s.id(), s.state(), s.desk(), s.edition(), s.section(), s.headline(), s.lead(),
                s.blocks(), s.datelinePlace(), s.datelineDate() == null ? null : s.datelineDate().toString(),
                s.credit(), s.tags(), s.authors(), s.slug(), s.path() == null ? null : baseUrl.of(s.path()),
                s.publishAt() == null ? null : s.publishAt().toString(), s.updatedAt().toString(),
                s.correctionNote(), s.revision(), s.createdByName(), s.lock() == null ? null : s.lock().name(),
                s.provenance());
    }

    /** Answers a story action: the story as it is now, or the problem with its stable code. */
    static ResponseEntity<?> answer(long id, StoryResult result, Stories stories, BaseUrl baseUrl) {
        if (result instanceof StoryResult.Done done) {
            return ResponseEntity.ok(resource(stories.find(done.storyId()).orElseThrow(), baseUrl));
        }
        if (result instanceof StoryResult.Rejected rejected) {
            return Problems.response(Problems.invalid(rejected.problems()));
        }
        if (result instanceof StoryResult.Refused refused) {
            return Problems.response(Problems.problem("not_permitted".equals(refused.code())
                    ? HttpStatus.FORBIDDEN : HttpStatus.CONFLICT, refused.code(), refused.message()));
        }
        if (result instanceof StoryResult.Conflict conflict) {
            return Problems.response(Problems.problem(HttpStatus.CONFLICT, conflict.code(), conflict.message()));
        }
        return unknown(((StoryResult.NotFound) result).storyId());
    }

    private ResponseEntity<?> answer(long id, StoryResult result) {
        return answer(id, result, stories, baseUrl);
    }

    private Actor actor() {
        return currentActor.get().orElseThrow();
    }

    static ResponseEntity<?> unknown(long id) {
        return Problems.response(Problems.problem(HttpStatus.NOT_FOUND, "unknown_article", "No article " + id + "."));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
