package org.dateline.newsroom.internal;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.dateline.content.ArticleState;
import org.dateline.newsroom.KillArticle;
import org.dateline.newsroom.FieldProblem;
import org.dateline.newsroom.Stories;
import org.dateline.newsroom.StoryResult;
import org.dateline.identity.CurrentActor;
import org.dateline.newsroom.PublishArticle;
import org.dateline.newsroom.ReleaseArticle;
import org.dateline.newsroom.TakedownResult;
import org.dateline.newsroom.UnpublishArticle;
import org.dateline.newsroom.UpdateArticle;
import org.dateline.newsroom.UpdateResult;
import org.dateline.content.ContentQueries;
import org.dateline.newsroom.PublishCommand;
import org.dateline.newsroom.PublishResult;
import org.dateline.platform.web.BaseUrl;
import org.dateline.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The admin API's article endpoints. Authorised in the security configuration (scope {@code articles:write}). */
@RestController
@RequestMapping("/api/admin/articles")
@Tag(name = "Articles", description = "Publishing through the admin API")
@SecurityRequirement(name = "bearer")
class AdminArticlesController {

    private final PublishArticle publishArticle;
    private final KillArticle killArticle;
    private final UnpublishArticle unpublishArticle;
    private final UpdateArticle updateArticle;
    private final ReleaseArticle releaseArticle;
    private final ContentQueries content;
    private final BaseUrl baseUrl;
    private final Stories stories;
    private final CurrentActor currentActor;

    AdminArticlesController(PublishArticle publishArticle, KillArticle killArticle, UnpublishArticle unpublishArticle,
                            UpdateArticle updateArticle, ReleaseArticle releaseArticle, ContentQueries content,
                            BaseUrl baseUrl, Stories stories, CurrentActor currentActor) {
        this.stories = stories;
        this.currentActor = currentActor;
        this.updateArticle = updateArticle;
        this.releaseArticle = releaseArticle;
        this.content = content;
        this.publishArticle = publishArticle;
        this.killArticle = killArticle;
        this.unpublishArticle = unpublishArticle;
        this.baseUrl = baseUrl;
    }

    record StateChanged(long id, ArticleState state) {
    }

    record ScheduledArticle(long id, String url, ArticleState state, String publishAt, boolean embargo) {
    }

    @Operation(summary = "Publish a story now",
            description = "A draft, in edit or ready story is checked in full first; a scheduled or unpublished one goes live at once.")
    @ApiResponse(responseCode = "200", description = "Live")
    @ApiResponse(responseCode = "400", description = "The story is incomplete (code invalid_request, errors[] per field)")
    @ApiResponse(responseCode = "404", description = "No such article (code unknown_article)")
    @ApiResponse(responseCode = "409", description = "Live already, or killed (code not_publishable)")
    @PostMapping(value = "/{id}/publish", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> publishNow(@PathVariable long id) {
        StoryResult result = stories.publish(currentActor.get().orElseThrow(), id);
        if (result instanceof StoryResult.Refused refused && !"not_permitted".equals(refused.code())) {
            return Problems.response(Problems.problem(HttpStatus.CONFLICT, "not_publishable",
                    "Article " + id + " is " + content.state(id).map(s -> s.name().toLowerCase()).orElse("gone") + "."));
        }
        if (result instanceof StoryResult.Done done) {
            return ResponseEntity.ok(new StateChanged(id, done.state()));
        }
        return AdminStoriesController.answer(id, result, stories, baseUrl);
    }

    @Operation(summary = "Kill a published article",
            description = "Withdraws it for good from every surface within a second; its URL answers 410 Gone.")
    @ApiResponse(responseCode = "200", description = "Killed")
    @ApiResponse(responseCode = "404", description = "No such article (code unknown_article)")
    @ApiResponse(responseCode = "409", description = "Already off the site (code not_live)")
    @PostMapping(value = "/{id}/kill", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> kill(@PathVariable long id) {
        return takedown(killArticle.kill(id));
    }

    @Operation(summary = "Unpublish a published article",
            description = "Takes it off every surface within a second; its URL answers 404 until published again.")
    @ApiResponse(responseCode = "200", description = "Unpublished")
    @ApiResponse(responseCode = "404", description = "No such article (code unknown_article)")
    @ApiResponse(responseCode = "409", description = "Already off the site (code not_live)")
    @PostMapping(value = "/{id}/unpublish", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> unpublish(@PathVariable long id) {
        return takedown(unpublishArticle.unpublish(id));
    }

    private static ResponseEntity<?> takedown(TakedownResult result) {
        if (result instanceof TakedownResult.Done done) {
            return ResponseEntity.ok(new StateChanged(done.articleId(), done.state()));
        }
        if (result instanceof TakedownResult.NotLive notLive) {
            return Problems.response(Problems.problem(HttpStatus.CONFLICT, "not_live",
                    "Article " + notLive.articleId() + " is already " + notLive.state().name().toLowerCase() + "."));
        }
        return unknown(((TakedownResult.NotFound) result).articleId());
    }

    @Schema(description = "A story to publish now")
    record ArticleRequest(
            @Schema(example = "en", requiredMode = Schema.RequiredMode.REQUIRED) String edition,
            @Schema(description = "Section slug", example = "russia", requiredMode = Schema.RequiredMode.REQUIRED) String section,
            @Schema(maxLength = 300, requiredMode = Schema.RequiredMode.REQUIRED) String headline,
            @Schema(maxLength = 2000, requiredMode = Schema.RequiredMode.REQUIRED) String lead,
            @Schema(description = "Paragraphs, or one text whose paragraphs are separated by blank lines. Markup, as in the "
                    + "newsroom editor (a CommonMark subset: ## heading, > quote, - and 1. lists, [text](https://...) "
                    + "links, *italic*, **bold**; HTML is shown as typed). Plain text renders as written except "
                    + "where it reads as markup, e.g. a paragraph opening with \"- \" or \"1. \": escape such "
                    + "characters with a backslash",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> body,
            @Schema(example = "MOSCOW", requiredMode = Schema.RequiredMode.REQUIRED) String datelinePlace,
            @Schema(description = "Day the dateline names; today when absent") LocalDate datelineDate,
            @Schema(example = "RIA Novosti", requiredMode = Schema.RequiredMode.REQUIRED) String credit,
            List<String> tags,
            List<String> authors,
            @Schema(description = "URL slug; derived from the headline when absent") String slug,
            @Schema(description = "Id of the same story in another edition (publishing only)") Long translationOf,
            @Schema(description = "The public correction note (POST /{id}/correct only)") String correction,
            @Schema(description = "Publish at this time instead of now (ISO-8601 instant); nothing is public before it")
            java.time.Instant publishAt,
            @Schema(description = "With publishAt: the time is an embargo imposed by the source") Boolean embargo,
            @Schema(description = "\"draft\" to store a draft instead of publishing (POST only)") String status,
            @Schema(description = "The revision this save builds on (PUT only); refused with stale_revision when someone saved in between") Integer revision) {

        PublishCommand command() {
            return new PublishCommand(edition, section, headline, lead, body, datelinePlace, datelineDate, credit,
                    tags, authors, slug, translationOf);
        }
    }

    @Schema(description = "A published article as the admin API returns it")
    record ArticleResource(long id, String edition, String section, String headline, String lead, List<String> body,
                           String datelinePlace, LocalDate datelineDate, String credit, List<String> tags,
                           List<String> authors, String slug, String url, String publishedAt, String updatedAt,
                           String correction) {
    }

    @Operation(summary = "Read a story in any state",
            description = "Its current fields, state, desk, revision, edit lock and wire provenance; url once it has a public address.")
    @ApiResponse(responseCode = "200", description = "The story")
    @ApiResponse(responseCode = "404", description = "No article with this id (code unknown_article)")
    @GetMapping(value = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> read(@PathVariable long id) {
        return stories.find(id).<ResponseEntity<?>>map(s -> ResponseEntity.ok(AdminStoriesController.resource(s, baseUrl)))
                .orElseGet(() -> unknown(id));
    }

    @Operation(summary = "Save a story",
            description = "Replaces its editable fields as a new revision (the edition stays). A published story is updated on the site (all fields required, readers see an updated stamp; a changed slug or section keeps old links working with 301); a draft needs only section and headline. With revision, refused when someone saved in between.")
    @ApiResponse(responseCode = "200", description = "Saved; the story as it is now")
    @ApiResponse(responseCode = "400", description = "invalid_request or malformed_json; nothing was changed")
    @ApiResponse(responseCode = "404", description = "No article with this id (code unknown_article)")
    @ApiResponse(responseCode = "409", description = "story_locked, stale_revision, story_killed, state_changed")
    @PutMapping(value = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> update(@PathVariable long id, @RequestBody ArticleRequest request) {
        return AdminStoriesController.answer(id, stories.save(currentActor.get().orElseThrow(), id,
                request.command(), request.revision()), stories, baseUrl);
    }

    @Operation(summary = "Correct a published article",
            description = "An update with a public correction note (field 'correction'), shown on the article page and in its JSON-LD.")
    @ApiResponse(responseCode = "200", description = "Corrected")
    @ApiResponse(responseCode = "400", description = "invalid_request (a missing note has code required on field correction) or malformed_json")
    @ApiResponse(responseCode = "404", description = "No live article with this id (code unknown_article)")
    @PostMapping(value = "/{id}/correct", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> correct(@PathVariable long id, @RequestBody ArticleRequest request) {
        return updated(updateArticle.correct(id, request.command(), request.correction()));
    }

    private ResponseEntity<?> updated(UpdateResult result) {
        if (result instanceof UpdateResult.Updated done) {
            return ResponseEntity.ok(new Created(done.articleId(), baseUrl.of(done.path())));
        }
        if (result instanceof UpdateResult.Rejected rejected) {
            return Problems.response(Problems.invalid(rejected.problems()));
        }
        return unknown(((UpdateResult.NotFound) result).articleId());
    }

    private static ResponseEntity<?> unknown(long id) {
        return Problems.response(Problems.problem(HttpStatus.NOT_FOUND, "unknown_article", "No article " + id + "."));
    }

    record Created(long id, String url) {
    }

    @Operation(summary = "Publish an article now",
            description = "Stores and publishes the article; it shows on the site, feeds, sitemaps and the live newsfeed within a second.")
    @ApiResponse(responseCode = "201", description = "Published; Location holds the canonical URL")
    @ApiResponse(responseCode = "400", description = "Problem document with code invalid_request (errors[] with field and code per problem) or malformed_json; nothing was stored")
    @ApiResponse(responseCode = "401", description = "Missing or wrong token (code unauthorized), or the API is off (code admin_api_disabled)")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> publish(@RequestBody ArticleRequest request) {
        if (request.status() != null && !request.status().isBlank()) {
            if (!"draft".equalsIgnoreCase(request.status().strip())) {
                return Problems.response(Problems.invalid(List.of(new FieldProblem("status", "invalid_value",
                        "status is \"draft\" to store a draft, or absent to publish."))));
            }
            StoryResult result = stories.create(currentActor.get().orElseThrow(), request.command());
            if (result instanceof StoryResult.Done done) {
                return ResponseEntity.created(URI.create(baseUrl.of("/api/admin/articles/" + done.storyId())))
                        .body(AdminStoriesController.resource(stories.find(done.storyId()).orElseThrow(), baseUrl));
            }
            return AdminStoriesController.answer(0, result, stories, baseUrl);
        }
        PublishResult result = request.publishAt() == null ? publishArticle.publish(request.command())
                : publishArticle.schedule(request.command(), request.publishAt(), Boolean.TRUE.equals(request.embargo()));
        if (result instanceof PublishResult.Scheduled scheduled) {
            URI url = URI.create(baseUrl.of(scheduled.path()));
            return ResponseEntity.created(url).body(new ScheduledArticle(scheduled.articleId(), url.toString(),
                    ArticleState.SCHEDULED, scheduled.at().toString(), scheduled.embargo()));
        }
        if (result instanceof PublishResult.Published published) {
            URI url = URI.create(baseUrl.of(published.path()));
            return ResponseEntity.created(url).body(new Created(published.articleId(), url.toString()));
        }
        PublishResult.Rejected rejected = (PublishResult.Rejected) result;
        return Problems.response(Problems.invalid(rejected.problems()));
    }
}
