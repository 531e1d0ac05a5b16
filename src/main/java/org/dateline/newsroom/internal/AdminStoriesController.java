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
import org.dateline.newsroom.KillStory;
import org.dateline.newsroom.MarkBreaking;
import org.dateline.newsroom.MoveStory;
import org.dateline.newsroom.PublishStory;
import org.dateline.newsroom.RestoreRevision;
import org.dateline.newsroom.ScheduleStory;
import org.dateline.newsroom.StoryFilter;
import org.dateline.newsroom.StoryLock;
import org.dateline.newsroom.StoryQueries;
import org.dateline.newsroom.StoryRefusal;
import org.dateline.newsroom.StoryResult;
import org.dateline.newsroom.StorySummary;
import org.dateline.newsroom.UnpublishStory;
import org.dateline.newsroom.UnscheduleStory;
import org.dateline.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin API's story workflow: the story list, the desk's steps (submit, ready, back to draft), publish, schedule
 * and embargo, unpublish and kill, revisions and restore, the edit lock. Authorised in the security configuration
 * (revisions need {@code stories:read}); what the list shows is {@link AdminStoryReads}'. Each call is one newsroom
 * use case, the same the newsroom pages call, so the same policy and lock apply.
 */
@RestController
@RequestMapping(value = "/api/admin/articles", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Articles", description = "Publishing through the admin API")
@SecurityRequirement(name = "bearer")
class AdminStoriesController {

    private final StoryQueries queries;
    private final AdminStoryReads reads;
    private final MoveStory moveStory;
    private final PublishStory publishStory;
    private final ScheduleStory scheduleStory;
    private final UnscheduleStory unscheduleStory;
    private final UnpublishStory unpublishStory;
    private final KillStory killStory;
    private final RestoreRevision restoreRevision;
    private final StoryLock storyLock;
    private final MarkBreaking markBreaking;
    private final CurrentActor currentActor;

    AdminStoriesController(StoryQueries queries, AdminStoryReads reads, MoveStory moveStory,
                           PublishStory publishStory, ScheduleStory scheduleStory, UnscheduleStory unscheduleStory,
                           UnpublishStory unpublishStory, KillStory killStory, RestoreRevision restoreRevision,
                           StoryLock storyLock, MarkBreaking markBreaking, CurrentActor currentActor) {
        this.queries = queries;
        this.reads = reads;
        this.moveStory = moveStory;
        this.publishStory = publishStory;
        this.scheduleStory = scheduleStory;
        this.unscheduleStory = unscheduleStory;
        this.unpublishStory = unpublishStory;
        this.killStory = killStory;
        this.restoreRevision = restoreRevision;
        this.storyLock = storyLock;
        this.markBreaking = markBreaking;
        this.currentActor = currentActor;
    }

    @Operation(summary = "List stories",
            description = "Newest change first. Filters: desk (newsroom, incoming), state (DRAFT, IN_EDIT, READY, SCHEDULED, LIVE, UNPUBLISHED, KILLED), edition, section slug, q (text in headline or lead), author. With stories:read (or articles:write) stories in any state; with articles:read alone live articles only, without createdByName, lockedBy and wireSource.")
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
        List<StorySummary> found = reads.list(new StoryFilter(blankToNull(desk), wanted, blankToNull(edition),
                blankToNull(section), null, q, blankToNull(author), limit));
        return ResponseEntity.ok(found);
    }

    @Operation(summary = "Publish a story now",
            description = "A draft, in edit or ready story is checked in full first; a scheduled or unpublished one goes live at once.")
    @ApiResponse(responseCode = "200", description = "Live")
    @ApiResponse(responseCode = "400", description = "The story is incomplete (code invalid_request, errors[] per field)")
    @ApiResponse(responseCode = "404", description = "No such article (code unknown_article)")
    @ApiResponse(responseCode = "409", description = "Live already, or killed (code not_publishable); story_locked")
    @PostMapping("/{id}/publish")
    ResponseEntity<?> publish(@PathVariable long id) {
        return stateChanged(publishStory.publish(actor(), id));
    }

    @Schema(description = "A publication time for a story")
    record ScheduleRequest(@Schema(description = "ISO-8601 instant in the future, within a year") Instant publishAt,
                           @Schema(description = "The time is an embargo imposed by the source") Boolean embargo) {
    }

    @Operation(summary = "Schedule or embargo a story",
            description = "A draft, in edit or ready story is checked in full and goes public at publishAt: nothing of it is public before, everything within a second after.")
    @ApiResponse(responseCode = "200", description = "Scheduled")
    @ApiResponse(responseCode = "400", description = "invalid_request (the story is incomplete, or publishAt is not in the future)")
    @ApiResponse(responseCode = "409", description = "transition_not_allowed, story_killed, story_locked, state_changed")
    @PostMapping(value = "/{id}/schedule", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> schedule(@PathVariable long id, @RequestBody ScheduleRequest request) {
        return story(scheduleStory.schedule(actor(), id, request.publishAt(), Boolean.TRUE.equals(request.embargo())));
    }

    @Operation(summary = "Hand a draft to the editors")
    @PostMapping("/{id}/submit")
    ResponseEntity<?> submit(@PathVariable long id) {
        return story(moveStory.submit(actor(), id));
    }

    @Operation(summary = "Mark an edited story ready to publish")
    @PostMapping("/{id}/ready")
    ResponseEntity<?> ready(@PathVariable long id) {
        return story(moveStory.markReady(actor(), id));
    }

    @Operation(summary = "Send a story back to draft")
    @PostMapping("/{id}/return-to-draft")
    ResponseEntity<?> returnToDraft(@PathVariable long id) {
        return story(moveStory.returnToDraft(actor(), id));
    }

    @Operation(summary = "Take back a schedule or embargo; the story is ready again")
    @PostMapping("/{id}/unschedule")
    ResponseEntity<?> unschedule(@PathVariable long id) {
        return story(unscheduleStory.unschedule(actor(), id));
    }

    @Operation(summary = "Unpublish a published article",
            description = "Takes it off every surface within a second; its URL answers 404 until published again.")
    @ApiResponse(responseCode = "200", description = "Unpublished")
    @ApiResponse(responseCode = "404", description = "No such article (code unknown_article)")
    @ApiResponse(responseCode = "409", description = "Not on the site (code not_live), or story_locked")
    @PostMapping("/{id}/unpublish")
    ResponseEntity<?> unpublish(@PathVariable long id) {
        return stateChanged(unpublishStory.unpublish(actor(), id));
    }

    @Operation(summary = "Kill a story",
            description = "Withdraws it for good: a published one leaves every surface within a second and its URL answers 410 Gone; one never published never will be.")
    @ApiResponse(responseCode = "200", description = "Killed")
    @ApiResponse(responseCode = "404", description = "No such article (code unknown_article)")
    @ApiResponse(responseCode = "409", description = "Killed already (code not_live), or story_locked")
    @PostMapping("/{id}/kill")
    ResponseEntity<?> kill(@PathVariable long id) {
        return stateChanged(killStory.kill(actor(), id));
    }

    @Schema(description = "Whether the story is breaking news")
    record BreakingRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Boolean breaking) {
    }

    @Operation(summary = "Mark a live story as breaking news, or end the mark",
            description = "A breaking story shows in a bar on every page of its edition within a second, linking to it; "
                    + "the bar goes when the mark ends (false, or the story is unpublished or killed). The edit lock "
                    + "does not stand in the way. Answers the story, with breaking as it is now.")
    @ApiResponse(responseCode = "200", description = "The story as it is now")
    @ApiResponse(responseCode = "400", description = "breaking missing (invalid_request, field breaking) or malformed_json")
    @ApiResponse(responseCode = "403", description = "The token's role may not change this story (code not_permitted)")
    @ApiResponse(responseCode = "404", description = "No such article (code unknown_article)")
    @ApiResponse(responseCode = "409", description = "The story is not on the site (code not_live), or state_changed")
    @PutMapping(value = "/{id}/breaking", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> breaking(@PathVariable long id, @RequestBody BreakingRequest request) {
        if (request.breaking() == null) {
            return StoryAnswers.problem(StoryResult.rejected("breaking", "required",
                    "breaking is true or false."));
        }
        return story(markBreaking.mark(actor(), id, request.breaking()));
    }

    @Operation(summary = "The revisions of a story, newest first")
    @ApiResponse(responseCode = "404", description = "No such story (code unknown_article)")
    @GetMapping("/{id}/revisions")
    ResponseEntity<?> revisions(@PathVariable long id) {
        if (queries.find(id).isEmpty()) {
            return StoryAnswers.problem(StoryResult.refused(StoryRefusal.NOT_FOUND));
        }
        return ResponseEntity.ok(queries.revisions(id).stream().map(StoryResources::line).toList());
    }

    @Operation(summary = "One revision of a story, in full")
    @ApiResponse(responseCode = "404", description = "No such story or revision (code unknown_article or unknown_revision)")
    @GetMapping("/{id}/revisions/{number}")
    ResponseEntity<?> revision(@PathVariable long id, @PathVariable int number) {
        return queries.revision(id, number).<ResponseEntity<?>>map(r -> ResponseEntity.ok(StoryResources.of(r)))
                .orElseGet(() -> StoryAnswers.problem(queries.find(id).isEmpty()
                        ? StoryResult.refused(StoryRefusal.NOT_FOUND)
                        : StoryResult.refused(StoryRefusal.UNKNOWN_REVISION, number)));
    }

    @Operation(summary = "Restore a revision", description = "Saves its fields again as the newest revision; a published story is updated on the site.")
    @PostMapping("/{id}/revisions/{number}/restore")
    ResponseEntity<?> restore(@PathVariable long id, @PathVariable int number) {
        return story(restoreRevision.restore(actor(), id, number));
    }

    @Operation(summary = "Take the edit lock", description = "takeOver=true takes it from whoever holds it. Locks lapse after two minutes without a save or a renewal.")
    @PostMapping("/{id}/lock")
    ResponseEntity<?> lock(@PathVariable long id, @RequestParam(defaultValue = "false") boolean takeOver) {
        return story(takeOver ? storyLock.takeOver(actor(), id) : storyLock.lock(actor(), id));
    }

    @Operation(summary = "Give back the edit lock")
    @DeleteMapping("/{id}/lock")
    ResponseEntity<?> unlock(@PathVariable long id) {
        storyLock.release(actor(), id);
        return ResponseEntity.noContent().build();
    }

    /** The story as it is after the action, or the problem. */
    private ResponseEntity<?> story(StoryResult result) {
        if (result instanceof StoryResult.Done done) {
            return ResponseEntity.ok(reads.resource(queries.find(done.storyId()).orElseThrow()));
        }
        return StoryAnswers.problem(result);
    }

    /** The story's new state after publishing or taking it down, or the problem. */
    private static ResponseEntity<?> stateChanged(StoryResult result) {
        if (result instanceof StoryResult.Done done) {
            return ResponseEntity.ok(new StoryResources.StateChanged(done.storyId(), done.state()));
        }
        return StoryAnswers.problem(result);
    }

    private Actor actor() {
        return currentActor.get().orElseThrow();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
