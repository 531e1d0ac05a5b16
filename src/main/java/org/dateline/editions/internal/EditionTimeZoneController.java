package org.dateline.editions.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.dateline.editions.Editions;
import org.dateline.editions.SetTimeZone;
import org.dateline.identity.CurrentActor;
import org.dateline.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * An edition's time zone through the admin API. The security configuration lets only tokens with
 * {@code articles:write} reach it; {@link SetTimeZone} lets only administrators (the bootstrap token) set it.
 */
@RestController
@Tag(name = "Editions", description = "Edition settings")
@SecurityRequirement(name = "bearer")
class EditionTimeZoneController {

    private final SetTimeZone setTimeZone;
    private final Editions editions;
    private final CurrentActor currentActor;

    EditionTimeZoneController(SetTimeZone setTimeZone, Editions editions, CurrentActor currentActor) {
        this.setTimeZone = setTimeZone;
        this.editions = editions;
        this.currentActor = currentActor;
    }

    @Schema(description = "An edition's time zone")
    record TimeZoneSetting(@Schema(example = "ru") String edition,
                           @Schema(description = "A region id of the IANA time zone database", example = "Europe/Moscow",
                                   requiredMode = Schema.RequiredMode.REQUIRED) String timeZone) {
    }

    @Operation(summary = "Set an edition's time zone",
            description = "Every public time of the edition is shown in it, with its name, and the newsroom enters and "
                    + "reads the edition's schedule and embargo times in it (stored in UTC). Cached pages of every node "
                    + "are dropped within a second.")
    @ApiResponse(responseCode = "200", description = "Set; the edition's zone as it is now")
    @ApiResponse(responseCode = "400", description = "Not a known zone id (code unknown_time_zone) or malformed_json")
    @ApiResponse(responseCode = "403", description = "Only administrators set it (code not_permitted)")
    @ApiResponse(responseCode = "404", description = "No such edition (code unknown_edition)")
    @PutMapping(value = "/api/admin/editions/{edition}/time-zone", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> set(@PathVariable String edition, @RequestBody TimeZoneSetting request) {
        return setTimeZone.set(currentActor.get().orElse(null), edition, request.timeZone())
                .<ResponseEntity<?>>map(refusal -> Problems.response(Problems.problem(switch (refusal) {
                    case UNKNOWN_TIME_ZONE -> HttpStatus.BAD_REQUEST;
                    case UNKNOWN_EDITION -> HttpStatus.NOT_FOUND;
                    case NOT_PERMITTED -> HttpStatus.FORBIDDEN;
                }, refusal.code(), switch (refusal) {
                    case UNKNOWN_TIME_ZONE -> "timeZone is not a known zone id, such as Europe/Moscow or UTC.";
                    case UNKNOWN_EDITION -> "No edition \"" + edition + "\".";
                    case NOT_PERMITTED -> "Only administrators set an edition's time zone.";
                })))
                .orElseGet(() -> ResponseEntity.ok(new TimeZoneSetting(edition,
                        editions.find(edition).orElseThrow().zone().getId())));
    }
}
