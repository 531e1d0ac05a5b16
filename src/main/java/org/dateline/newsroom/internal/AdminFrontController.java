package org.dateline.newsroom.internal;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.dateline.content.FrontQueries;
import org.dateline.content.LiveFront;
import org.dateline.editions.Editions;
import org.dateline.editions.Section;
import org.dateline.identity.CurrentActor;
import org.dateline.newsroom.ArrangeFront;
import org.dateline.newsroom.FrontCommand;
import org.dateline.newsroom.FrontResult;
import org.dateline.platform.web.BaseUrl;
import org.dateline.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An edition's front page through the admin API: read it (scope {@code articles:read}: it shows only live stories)
 * and replace it ({@code articles:write}), authorised in the security configuration; the replacement is the
 * {@link ArrangeFront} use case the newsroom's front screen calls.
 */
@RestController
@RequestMapping(value = "/api/admin/editions/{edition}/front", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Front page", description = "What an edition's home page leads with")
@SecurityRequirement(name = "bearer")
class AdminFrontController {

    private final ArrangeFront arrangeFront;
    private final FrontQueries fronts;
    private final Editions editions;
    private final CurrentActor currentActor;
    private final BaseUrl baseUrl;

    AdminFrontController(ArrangeFront arrangeFront, FrontQueries fronts, Editions editions,
                         CurrentActor currentActor, BaseUrl baseUrl) {
        this.arrangeFront = arrangeFront;
        this.fronts = fronts;
        this.editions = editions;
        this.currentActor = currentActor;
        this.baseUrl = baseUrl;
    }

    @Schema(description = "A story on the front")
    record Pick(@Schema(description = "The story's id", requiredMode = Schema.RequiredMode.REQUIRED) Long id,
                @Schema(description = "A short headline the front shows instead of the story's own; absent or "
                        + "null for its own", maxLength = ArrangeFront.MAX_FRONT_HEADLINE) String frontHeadline) {
    }

    @Schema(description = "The front page as set: stories not named here show the latest")
    record FrontRequest(@Schema(description = "The top story; null or absent to let the latest lead") Pick top,
                        @Schema(description = "Pinned stories below the top one, in order (at most "
                                + ArrangeFront.MAX_PINNED + ")") List<Pick> pinned,
                        @Schema(description = "Section slugs whose blocks come first, in order; the edition's "
                                + "other sections follow in its own order") List<String> sections) {

        FrontCommand command() {
            return new FrontCommand(pick(top), pinned == null ? null : pinned.stream().map(FrontRequest::pick)
                    .toList(), sections);
        }

        private static FrontCommand.Pick pick(Pick pick) {
            return pick == null ? null : new FrontCommand.Pick(pick.id(), pick.frontHeadline());
        }
    }

    @Schema(description = "A story the front shows")
    record ShownStory(long id, String headline, String frontHeadline, String url) {
    }

    @Schema(description = "The front page as readers see it: only live stories of the edition")
    record Front(String edition, ShownStory top, List<ShownStory> pinned, List<String> sections, int maxPinned,
                 int maxFrontHeadline) {
    }

    @Operation(summary = "Read an edition's front page arrangement",
            description = "The top story and pinned stories editors chose that are live now (a story taken down "
                    + "since drops out), and every section slug in the order of the front's blocks.")
    @ApiResponse(responseCode = "200", description = "The arrangement")
    @ApiResponse(responseCode = "404", description = "No such edition (code unknown_edition)")
    @GetMapping
    ResponseEntity<?> read(@PathVariable String edition) {
        if (editions.find(edition).isEmpty()) {
            return unknownEdition();
        }
        return ResponseEntity.ok(front(fronts.live(edition)));
    }

    @Operation(summary = "Set an edition's front page",
            description = "Replaces the whole arrangement; the home page shows it on every node within a second.")
    @ApiResponse(responseCode = "200", description = "Stored; the arrangement as readers see it now")
    @ApiResponse(responseCode = "400", description = "Problem document with code invalid_request and errors[] "
            + "(field, code): unknown_story, story_of_other_edition, story_not_live, duplicate_story, required, "
            + "too_many_pinned, headline_too_long, unknown_section; or malformed_json. Nothing was stored")
    @ApiResponse(responseCode = "403", description = "The token may not publish (code not_permitted) or lacks "
            + "articles:write (code insufficient_scope)")
    @ApiResponse(responseCode = "404", description = "No such edition (code unknown_edition)")
    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> replace(@PathVariable String edition, @RequestBody FrontRequest request) {
        FrontResult result = arrangeFront.arrange(currentActor.get().orElseThrow(), edition, request.command());
        if (result instanceof FrontResult.Rejected rejected) {
            return Problems.response(Problems.invalid(rejected.problems()));
        }
        if (result instanceof FrontResult.Refused refused) {
            return refused.reason() == FrontResult.Reason.UNKNOWN_EDITION ? unknownEdition()
                    : Problems.response(Problems.problem(HttpStatus.FORBIDDEN, refused.reason().code(),
                    "Only those who may publish in the edition arrange its front page."));
        }
        return ResponseEntity.ok(front(fronts.live(edition)));
    }

    private static ResponseEntity<ProblemDetail> unknownEdition() {
        return Problems.response(Problems.problem(HttpStatus.NOT_FOUND, FrontResult.Reason.UNKNOWN_EDITION.code(),
                "There is no such edition."));
    }

    private Front front(LiveFront live) {
        return new Front(live.edition(), live.top() == null ? null : shown(live.top()),
                live.pinned().stream().map(this::shown).toList(), live.sections().stream().map(Section::slug).toList(),
                ArrangeFront.MAX_PINNED, ArrangeFront.MAX_FRONT_HEADLINE);
    }

    private ShownStory shown(LiveFront.Story story) {
        return new ShownStory(story.article().id(), story.article().headline(), story.frontHeadline(),
                baseUrl.of(story.article().path()));
    }
}
