package org.dateline.newsroom.internal;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.dateline.content.LiveCoverageQueries;
import org.dateline.content.LiveEntry;
import org.dateline.identity.Actor;
import org.dateline.identity.CurrentActor;
import org.dateline.newsroom.CorrectLiveEntry;
import org.dateline.newsroom.DeleteLiveEntry;
import org.dateline.newsroom.LiveEntryResult;
import org.dateline.newsroom.PostLiveEntry;
import org.dateline.newsroom.SetLiveCoverage;
import org.dateline.newsroom.Story;
import org.dateline.newsroom.StoryQueries;
import org.dateline.newsroom.StoryRefusal;
import org.dateline.newsroom.StoryResult;
import org.dateline.platform.web.BaseUrl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin API's live coverage: the flag on a story, and its entries posted, read, corrected and deleted. Authorised
 * in the security configuration as every {@code /api/admin/articles} call (reads {@code stories:read}, writes
 * {@code articles:write}); each write is the newsroom's use case, with the token's actor.
 */
@RestController
@RequestMapping(value = "/api/admin/articles/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Live coverage", description = "Entries of live stories")
@SecurityRequirement(name = "bearer")
class AdminLiveEntriesController {

    private final PostLiveEntry postEntry;
    private final CorrectLiveEntry correctEntry;
    private final DeleteLiveEntry deleteEntry;
    private final SetLiveCoverage setLiveCoverage;
    private final StoryQueries stories;
    private final LiveCoverageQueries coverage;
    private final CurrentActor currentActor;
    private final BaseUrl baseUrl;

    AdminLiveEntriesController(PostLiveEntry postEntry, CorrectLiveEntry correctEntry, DeleteLiveEntry deleteEntry,
                               SetLiveCoverage setLiveCoverage, StoryQueries stories, LiveCoverageQueries coverage,
                               CurrentActor currentActor, BaseUrl baseUrl) {
        this.postEntry = postEntry;
        this.correctEntry = correctEntry;
        this.deleteEntry = deleteEntry;
        this.setLiveCoverage = setLiveCoverage;
        this.stories = stories;
        this.coverage = coverage;
        this.currentActor = currentActor;
        this.baseUrl = baseUrl;
    }

    @Schema(description = "An entry of a live story")
    record EntryRequest(
            @Schema(description = "Plain text, shown as typed (line breaks kept)", maxLength = 2000,
                    requiredMode = Schema.RequiredMode.REQUIRED) String text,
            @Schema(description = "An http:// or https:// address; absent or null for none", maxLength = 2000)
            String link) {
    }

    /** @param url the entry's own link: the story's page with the entry's anchor; null while the story has no page */
    record EntryResource(long id, long articleId, String text, String link, String postedAt, String updatedAt,
                         String url) {
    }

    record Entries(long articleId, boolean liveCoverage, List<EntryResource> entries) {
    }

    record LiveCoverageRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Boolean liveCoverage) {
    }

    record LiveCoverage(long articleId, boolean liveCoverage) {
    }

    @Operation(summary = "Mark a story as live coverage, or not",
            description = "A live coverage story shows its entries, newest first, under its lead and body.")
    @ApiResponse(responseCode = "200", description = "The flag as it is now")
    @ApiResponse(responseCode = "400", description = "invalid_request (liveCoverage missing) or malformed_json")
    @ApiResponse(responseCode = "404", description = "No article with this id (code unknown_article)")
    @ApiResponse(responseCode = "409", description = "story_killed")
    @PutMapping(value = "/live-coverage", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> setLiveCoverage(@PathVariable long id, @RequestBody LiveCoverageRequest request) {
        if (request.liveCoverage() == null) {
            return StoryAnswers.problem(StoryResult.rejected("liveCoverage", "required",
                    "liveCoverage is true or false."));
        }
        StoryResult result = setLiveCoverage.set(actor(), id, request.liveCoverage());
        return result instanceof StoryResult.Done ? ResponseEntity.ok(new LiveCoverage(id, request.liveCoverage()))
                : StoryAnswers.problem(result);
    }

    @Operation(summary = "Read a story's entries", description = "Newest first; deleted entries are left out.")
    @ApiResponse(responseCode = "200", description = "The entries, and whether the story is live coverage")
    @ApiResponse(responseCode = "404", description = "No article with this id (code unknown_article)")
    @GetMapping("/entries")
    ResponseEntity<?> entries(@PathVariable long id) {
        return stories.find(id).<ResponseEntity<?>>map(story -> ResponseEntity.ok(new Entries(id,
                        coverage.isLiveCoverage(id), coverage.entries(id).stream().map(e -> resource(story, e)).toList())))
                .orElseGet(() -> StoryAnswers.problem(StoryResult.refused(StoryRefusal.NOT_FOUND)));
    }

    @Operation(summary = "Read one entry")
    @ApiResponse(responseCode = "200", description = "The entry")
    @ApiResponse(responseCode = "404", description = "unknown_article, or unknown_entry (none of this story's, or deleted)")
    @GetMapping("/entries/{entryId}")
    ResponseEntity<?> entry(@PathVariable long id, @PathVariable long entryId) {
        Story story = stories.find(id).orElse(null);
        if (story == null) {
            return StoryAnswers.problem(StoryResult.refused(StoryRefusal.NOT_FOUND));
        }
        return coverage.entry(entryId).filter(e -> e.articleId() == id)
                .<ResponseEntity<?>>map(e -> ResponseEntity.ok(resource(story, e)))
                .orElseGet(() -> StoryAnswers.problem(StoryResult.refused(StoryRefusal.UNKNOWN_ENTRY)));
    }

    @Operation(summary = "Post an entry to a live story",
            description = "Shown at the top of the story's entries at once: open pages receive it over the newsfeed stream, and the cached page is renewed.")
    @ApiResponse(responseCode = "201", description = "Posted; Location is the entry in this API")
    @ApiResponse(responseCode = "400", description = "invalid_request (text required, too_long or invalid_value; link invalid_link) or malformed_json; nothing was stored")
    @ApiResponse(responseCode = "403", description = "The token's role may not change this story (code not_permitted)")
    @ApiResponse(responseCode = "404", description = "No article with this id (code unknown_article)")
    @ApiResponse(responseCode = "409", description = "not_live (the story is not on the site) or not_live_coverage")
    @PostMapping(value = "/entries", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> post(@PathVariable long id, @RequestBody EntryRequest request) {
        LiveEntryResult result = postEntry.post(actor(), id, request.text(), request.link());
        if (result instanceof LiveEntryResult.Done done) {
            return ResponseEntity.created(URI.create(baseUrl.of("/api/admin/articles/" + id + "/entries/"
                    + done.entryId()))).body(resource(done));
        }
        return StoryAnswers.problem(((LiveEntryResult.NotDone) result).why());
    }

    @Operation(summary = "Correct an entry", description = "Replaces its text and link; readers see it marked as updated, with the time.")
    @ApiResponse(responseCode = "200", description = "The entry as it is now")
    @ApiResponse(responseCode = "400", description = "invalid_request or malformed_json; nothing was changed")
    @ApiResponse(responseCode = "404", description = "unknown_article or unknown_entry")
    @ApiResponse(responseCode = "409", description = "not_live or not_live_coverage")
    @PutMapping(value = "/entries/{entryId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> correct(@PathVariable long id, @PathVariable long entryId, @RequestBody EntryRequest request) {
        LiveEntryResult result = correctEntry.correct(actor(), id, entryId, request.text(), request.link());
        return result instanceof LiveEntryResult.Done done ? ResponseEntity.ok(resource(done))
                : StoryAnswers.problem(((LiveEntryResult.NotDone) result).why());
    }

    @Operation(summary = "Delete an entry", description = "Gone from the story's page and from open pages at once.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "unknown_article or unknown_entry (also when deleted already)")
    @ApiResponse(responseCode = "409", description = "not_live or not_live_coverage")
    @DeleteMapping("/entries/{entryId}")
    ResponseEntity<?> delete(@PathVariable long id, @PathVariable long entryId) {
        LiveEntryResult result = deleteEntry.delete(actor(), id, entryId);
        return result instanceof LiveEntryResult.Done ? ResponseEntity.noContent().build()
                : StoryAnswers.problem(((LiveEntryResult.NotDone) result).why());
    }

    private EntryResource resource(LiveEntryResult.Done done) {
        Story story = stories.find(done.storyId()).orElseThrow();
        return resource(story, coverage.entry(done.entryId()).orElseThrow());
    }

    private EntryResource resource(Story story, LiveEntry entry) {
        return new EntryResource(entry.id(), entry.articleId(), entry.text(), entry.link(),
                entry.postedAt().toString(), entry.updatedAt().toString(),
                story.path() == null ? null : baseUrl.of(story.path()) + "#" + entry.anchor());
    }

    private Actor actor() {
        return currentActor.get().orElseThrow();
    }
}
