package org.dateline.newsroom.internal;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.dateline.content.ArticleState;
import org.dateline.identity.Actor;
import org.dateline.identity.CurrentActor;
import org.dateline.newsroom.CorrectStory;
import org.dateline.newsroom.CreateStory;
import org.dateline.newsroom.PublishCommand;
import org.dateline.newsroom.PublishStory;
import org.dateline.newsroom.SaveStory;
import org.dateline.newsroom.ScheduleStory;
import org.dateline.newsroom.Story;
import org.dateline.newsroom.StoryQueries;
import org.dateline.newsroom.StoryRefusal;
import org.dateline.newsroom.StoryResult;
import org.dateline.platform.web.BaseUrl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin API's stories by their fields: create (a draft, or published or scheduled at once), read, save, correct.
 * Authorised in the security configuration (scopes {@code articles:read}, {@code stories:read},
 * {@code articles:write}); what a read shows is {@link AdminStoryReads}'. Each call is one newsroom use case, the
 * same the newsroom pages call, with the token's actor.
 */
@RestController
@RequestMapping(value = "/api/admin/articles", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Articles", description = "Publishing through the admin API")
@SecurityRequirement(name = "bearer")
class AdminArticlesController {

    private final CreateStory createStory;
    private final PublishStory publishStory;
    private final ScheduleStory scheduleStory;
    private final SaveStory saveStory;
    private final CorrectStory correctStory;
    private final StoryQueries queries;
    private final AdminStoryReads reads;
    private final CurrentActor currentActor;
    private final BaseUrl baseUrl;

    AdminArticlesController(CreateStory createStory, PublishStory publishStory, ScheduleStory scheduleStory,
                            SaveStory saveStory, CorrectStory correctStory, StoryQueries queries,
                            AdminStoryReads reads, CurrentActor currentActor, BaseUrl baseUrl) {
        this.createStory = createStory;
        this.publishStory = publishStory;
        this.scheduleStory = scheduleStory;
        this.saveStory = saveStory;
        this.correctStory = correctStory;
        this.queries = queries;
        this.reads = reads;
        this.currentActor = currentActor;
        this.baseUrl = baseUrl;
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
            Instant publishAt,
            @Schema(description = "With publishAt: the time is an embargo imposed by the source") Boolean embargo,
            @Schema(description = "\"draft\" to store a draft instead of publishing (POST only)") String status,
            @Schema(description = "The revision this save builds on (PUT only); refused with stale_revision when someone saved in between") Integer revision,
            @Schema(description = "Id of the lead picture in the library (/api/admin/pictures); absent or null for none. "
                    + "Publishing or scheduling needs a picture that is in the library (picture_not_found) and has alt "
                    + "text (picture_alt_missing), as does every figure of the body: a paragraph of its own holding "
                    + "![caption](picture:<id>)") Long leadPicture,
            @Schema(description = "true to publish it as breaking news (POST without publishAt or status only; "
                    + "editors and administrators only, else not_permitted and nothing is published): the "
                    + "edition's breaking-news subscribers are alerted at once") Boolean breaking) {

        PublishCommand command() {
            return new PublishCommand(edition, section, headline, lead, body, datelinePlace, datelineDate, credit,
                    tags, authors, slug, translationOf, leadPicture);
        }
    }

    @Operation(summary = "Publish an article now",
            description = "Stores and publishes the article; it shows on the site, feeds, sitemaps and the live newsfeed within a second. With publishAt it is scheduled instead; with status \"draft\" it is stored as a draft.")
    @ApiResponse(responseCode = "201", description = "Published; Location holds the canonical URL")
    @ApiResponse(responseCode = "400", description = "Problem document with code invalid_request (errors[] with field and code per problem) or malformed_json; nothing was stored")
    @ApiResponse(responseCode = "401", description = "Missing or wrong token (code unauthorized), or the API is off (code admin_api_disabled)")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> create(@RequestBody ArticleRequest request) {
        Actor actor = actor();
        if (Boolean.TRUE.equals(request.breaking()) && (request.publishAt() != null
                || request.status() != null && !request.status().isBlank())) {
            return StoryAnswers.problem(StoryResult.rejected("breaking", "invalid_value",
                    "breaking is for a story published now, not for a draft or a scheduled one."));
        }
        if (request.status() != null && !request.status().isBlank()) {
            if (!"draft".equalsIgnoreCase(request.status().strip())) {
                return StoryAnswers.problem(StoryResult.rejected("status", "invalid_value",
                        "status is \"draft\" to store a draft, or absent to publish."));
            }
            StoryResult result = createStory.create(actor, request.command());
            if (result instanceof StoryResult.Done done) {
                return ResponseEntity.created(URI.create(baseUrl.of("/api/admin/articles/" + done.storyId())))
                        .body(reads.resource(story(done.storyId())));
            }
            return StoryAnswers.problem(result);
        }
        if (request.publishAt() != null) {
            StoryResult result = scheduleStory.scheduleNew(actor, request.command(), request.publishAt(),
                    Boolean.TRUE.equals(request.embargo()));
            if (result instanceof StoryResult.Done done) {
                Story story = story(done.storyId());
                URI url = URI.create(baseUrl.of(story.path()));
                return ResponseEntity.created(url).body(new StoryResources.ScheduledArticle(story.id(),
                        url.toString(), ArticleState.SCHEDULED, story.publishAt().toString(),
                        Boolean.TRUE.equals(request.embargo())));
            }
            return StoryAnswers.problem(result);
        }
        StoryResult result = publishStory.publishNew(actor, request.command(), Boolean.TRUE.equals(request.breaking()));
        if (result instanceof StoryResult.Done done) {
            URI url = URI.create(baseUrl.of(story(done.storyId()).path()));
            return ResponseEntity.created(url).body(new StoryResources.Published(done.storyId(), url.toString()));
        }
        return StoryAnswers.problem(result);
    }

    @Operation(summary = "Read a story",
            description = "Its current fields, state, desk, revision, edit lock and wire provenance; url once it has a public address. With stories:read (or articles:write) a story in any state; with articles:read alone a live article only, without createdBy, lockedBy and provenance.")
    @ApiResponse(responseCode = "200", description = "The story")
    @ApiResponse(responseCode = "404", description = "No article with this id, or none this token may read (code unknown_article)")
    @GetMapping("/{id}")
    ResponseEntity<?> read(@PathVariable long id) {
        return reads.story(id).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> StoryAnswers.problem(StoryResult.refused(StoryRefusal.NOT_FOUND)));
    }

    @Operation(summary = "Save a story",
            description = "Replaces its editable fields as a new revision (the edition stays). A published story is updated on the site (all fields required, readers see an updated stamp; a changed slug or section keeps old links working with 301); a draft needs only section and headline. With revision, refused when someone saved in between.")
    @ApiResponse(responseCode = "200", description = "Saved; the story as it is now")
    @ApiResponse(responseCode = "400", description = "invalid_request or malformed_json; nothing was changed")
    @ApiResponse(responseCode = "403", description = "The token's role may not change this story (code not_permitted)")
    @ApiResponse(responseCode = "404", description = "No article with this id (code unknown_article)")
    @ApiResponse(responseCode = "409", description = "story_locked, stale_revision, story_killed, state_changed")
    @PutMapping(value = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> save(@PathVariable long id, @RequestBody ArticleRequest request) {
        StoryResult result = saveStory.save(actor(), id, request.command(), request.revision());
        return result instanceof StoryResult.Done done ? ResponseEntity.ok(reads.resource(story(done.storyId()))) : StoryAnswers.problem(result);
    }

    @Operation(summary = "Correct a published article",
            description = "An update with a public correction note (field 'correction'), shown on the article page and in its JSON-LD.")
    @ApiResponse(responseCode = "200", description = "Corrected")
    @ApiResponse(responseCode = "400", description = "invalid_request (a missing note has code required on field correction) or malformed_json")
    @ApiResponse(responseCode = "404", description = "No article with this id (code unknown_article)")
    @ApiResponse(responseCode = "409", description = "Not on the site (code not_live), or story_locked, state_changed")
    @PostMapping(value = "/{id}/correct", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> correct(@PathVariable long id, @RequestBody ArticleRequest request) {
        StoryResult result = correctStory.correct(actor(), id, request.command(), request.correction());
        if (result instanceof StoryResult.Done done) {
            return ResponseEntity.ok(new StoryResources.Published(done.storyId(),
                    baseUrl.of(story(done.storyId()).path())));
        }
        return StoryAnswers.problem(result);
    }

    private Story story(long id) {
        return queries.find(id).orElseThrow();
    }

    private Actor actor() {
        return currentActor.get().orElseThrow();
    }
}
