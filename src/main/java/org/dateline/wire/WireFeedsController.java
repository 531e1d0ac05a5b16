package org.dateline.wire;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import org.springframework.web.bind.annotation.RestController;

/** Polled feed URLs over the admin API. Authorised in the security configuration (scope wire:push). */
@RestController
@RequestMapping(value = "/api/wire/feeds", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Wire", description = "Wire ingest: NewsML-G2, ninjs, RSS and Atom into the Incoming desk")
@SecurityRequirement(name = "bearer")
class WireFeedsController {

    private final WireFeeds feeds;

    WireFeedsController(WireFeeds feeds) {
        this.feeds = feeds;
    }

    /** A feed to poll; {@code active} only on a change (absent: left as it is). */
    record FeedRequest(String name, String url, Integer intervalSeconds, Boolean active) {

        WireFeeds.FeedCommand command() {
            return new WireFeeds.FeedCommand(name, url, intervalSeconds);
        }
    }

    @Operation(summary = "The polled feeds, by name",
            description = "Each with its polling state: last poll, last HTTP status, failures in a row, next poll, last error.")
    @GetMapping
    List<WireFeed> list() {
        return feeds.all();
    }

    @Operation(summary = "One polled feed")
    @ApiResponse(responseCode = "404", description = "No such feed (code unknown_feed)")
    @GetMapping("/{id}")
    ResponseEntity<?> one(@PathVariable long id) {
        return feeds.find(id).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(WireFeedsController::unknown);
    }

    @Operation(summary = "Add a feed to poll",
            description = "name shows as the source in the ingest log; url must be http or https and, unless dateline.wire.allow-local-feeds is on, not in a local or private network; intervalSeconds 60 to 86400 (default 300). It is polled at once, then every interval, sending If-None-Match and If-Modified-Since; failures back off (interval × 2^failures, at most 6 hours).")
    @ApiResponse(responseCode = "201", description = "The feed")
    @ApiResponse(responseCode = "400", description = "invalid_request; errors name each problem: name_required, invalid_name, url_required, invalid_url, unsupported_scheme, local_address_refused, duplicate_url, invalid_interval")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> add(@RequestBody FeedRequest request) {
        return answer(feeds.add(request.command()), HttpStatus.CREATED);
    }

    @Operation(summary = "Change a feed", description = "As when adding; active false pauses it, true resumes it (polled at once). A new URL starts afresh: no validators, no failures.")
    @ApiResponse(responseCode = "400", description = "invalid_request, as when adding")
    @ApiResponse(responseCode = "404", description = "No such feed (code unknown_feed)")
    @PutMapping(value = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> update(@PathVariable long id, @RequestBody FeedRequest request) {
        FeedResult result = feeds.update(id, request.command());
        if (result instanceof FeedResult.Done && request.active() != null) {
            result = feeds.setActive(id, request.active());
        }
        return answer(result, HttpStatus.OK);
    }

    @Operation(summary = "Stop polling a feed and forget it", description = "What it brought in stays.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "No such feed (code unknown_feed)")
    @DeleteMapping("/{id}")
    ResponseEntity<?> delete(@PathVariable long id) {
        return feeds.delete(id) ? ResponseEntity.noContent().build() : unknown();
    }

    @Operation(summary = "Poll a feed now", description = "Paused or not; answers the feed's state after the poll (lastStatus, failures, lastError). Its items are in the ingest log.")
    @ApiResponse(responseCode = "200", description = "The feed after the poll")
    @ApiResponse(responseCode = "404", description = "No such feed (code unknown_feed)")
    @ApiResponse(responseCode = "409", description = "It is being polled right now (code feed_busy)")
    @PostMapping("/{id}/poll")
    ResponseEntity<?> poll(@PathVariable long id) {
        return answer(feeds.pollNow(id), HttpStatus.OK);
    }

    private static ResponseEntity<?> answer(FeedResult result, HttpStatus success) {
        if (result instanceof FeedResult.Done done) {
            return ResponseEntity.status(success).body(done.feed());
        }
        if (result instanceof FeedResult.Refused refused) {
            return Problems.response(Problems.invalid(refused.problems()));
        }
        if (result instanceof FeedResult.Busy) {
            return Problems.response(Problems.problem(HttpStatus.CONFLICT, "feed_busy",
                    "The feed is being polled right now; try again in a moment."));
        }
        return unknown();
    }

    private static ResponseEntity<?> unknown() {
        return Problems.response(Problems.problem(HttpStatus.NOT_FOUND, "unknown_feed", "There is no such feed."));
    }
}
