package org.dateline.wire;

import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.dateline.identity.CurrentActor;
import org.dateline.media.imaging.ImageInspector;
import org.dateline.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Wire copy pushed over HTTP, and the ingest log. Authorised in the security configuration (scope wire:push). */
@RestController
@RequestMapping(value = "/api/wire", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Wire", description = "Wire ingest: NewsML-G2, ninjs, RSS and Atom into the Incoming desk")
@SecurityRequirement(name = "bearer")
class WireController {

    private final WireIngest ingest;
    private final CurrentActor currentActor;

    WireController(WireIngest ingest, CurrentActor currentActor) {
        this.ingest = ingest;
        this.currentActor = currentActor;
    }

    record Received(int items, int accepted, int rejected, List<WireOutcome> outcomes) {
    }

    @Operation(summary = "Push wire items",
            description = "The body is a NewsML-G2 newsItem or newsMessage, ninjs JSON (1.x to 3.x; one item or an array), an RSS 2.0 or an Atom feed, told apart by Content-Type (application/vnd.iptc.g2.newsitem+xml, application/vnd.iptc.g2.newsmessage+xml, application/ninjs+json, application/json, application/rss+xml, application/atom+xml; generic XML is recognised by its root element). Each item becomes a draft on the Incoming desk of the edition of its language, updates the story of its guid when it is a newer version, or kills it when canceled. Pictures the items describe or deliver (NewsML-G2 picture items, ninjs picture items and associations, feed media) are fetched from their best rendition's address and stored in the picture library; a text item's lead picture becomes its story's. A body with an image type (image/jpeg, image/png, image/webp) is one picture file for the library, versioned by the optional guid and version parameters. Every item and picture is answered and logged on its own; the rest of a batch goes in when one is refused. X-Wire-Source names the provider in the log (default: the token's name).")
    @ApiResponse(responseCode = "200", description = "Every item's outcome (created, updated, killed, duplicate, rejected with a code)")
    @ApiResponse(responseCode = "400", description = "Nothing could be read (code unreadable_wire; outcomes name each problem: malformed_xml, malformed_json, unknown_format, doctype_refused, too_large, too_deep, invalid_encoding, ...; for pictures address_refused, fetch_failed, fetch_timeout, no_rendition, svg_refused, unsupported_type, corrupt_image, ...)")
    @ApiResponse(responseCode = "401", description = "Missing or wrong token")
    @PostMapping("/items")
    ResponseEntity<?> push(HttpServletRequest request,
                           @RequestHeader(value = "X-Wire-Source", required = false) String source,
                           @RequestParam(required = false) String guid,
                           @RequestParam(defaultValue = "1") long version) throws java.io.IOException {
        String name = source != null && !source.isBlank() ? source.strip()
                : currentActor.get().map(a -> a.displayName()).orElse("push");
        List<WireOutcome> outcomes;
        if (picture(request.getContentType())) {
            byte[] file = request.getInputStream().readNBytes((int) ImageInspector.MAX_BYTES + 1);
            String id = guid == null || guid.isBlank() ? null : guid.strip();
            outcomes = List.of(ingest.picture(file, request.getContentType(), null, id, version, "push", name));
        } else {
            byte[] body = request.getInputStream().readNBytes(WireFormats.MAX_BYTES + 1);
            outcomes = ingest.ingest(WireFormats.parse(request.getContentType(), body, name), "push", name);
        }
        long accepted = outcomes.stream().filter(WireOutcome::accepted).count();
        Received received = new Received(outcomes.size(), (int) accepted, outcomes.size() - (int) accepted, outcomes);
        if (accepted == 0 && !outcomes.isEmpty()) {
            var problem = Problems.problem(HttpStatus.BAD_REQUEST, "unreadable_wire",
                    "No item could be taken in; see outcomes.");
            problem.setProperty("outcomes", outcomes);
            return Problems.response(problem);
        }
        return ResponseEntity.ok(received);
    }

    /** An image type: the body is a picture file, not a document describing items. */
    private static boolean picture(String contentType) {
        return contentType != null && contentType.strip().toLowerCase(Locale.ROOT).startsWith("image/");
    }

    @Operation(summary = "The ingest log, newest first", description = "before: an id from a previous page")
    @GetMapping("/log")
    List<WireOutcome> log(@RequestParam(defaultValue = "0") long before, @RequestParam(defaultValue = "50") int limit) {
        return ingest.recent(before, limit);
    }
}
