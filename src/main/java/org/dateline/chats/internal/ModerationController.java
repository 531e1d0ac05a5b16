package org.dateline.chats.internal;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.dateline.chats.ModerateChats;
import org.dateline.chats.MessageView;
import org.dateline.chats.ModerationEntry;
import org.dateline.chats.ReportMessage;
import org.dateline.chats.ReportedMessage;
import org.dateline.chats.Room;
import org.dateline.chats.WordKind;
import org.dateline.platform.web.ApiException;
import org.springframework.http.CacheControl;
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

import static org.dateline.chats.internal.ChatApiController.unwrap;

/**
 * Reports from readers, and the moderators' API: hide, close and rename rooms, ban, the reports queue, the audit log.
 */
@RestController
@RequestMapping(path = "/api/chats", produces = MediaType.APPLICATION_JSON_VALUE)
class ModerationController {

    private final ReportMessage report;
    private final ModerateChats moderate;

    ModerationController(ReportMessage report, ModerateChats moderate) {
        this.report = report;
        this.moderate = moderate;
    }

    record ReasonBody(String reason) {
    }

    record StateBody(String state) {
    }

    record TitleBody(String title) {
    }

    /** @param minutes null for a ban until lifted */
    record BanBody(Long accountId, Long roomId, Long minutes, String reason) {
    }

    record ResolveBody(String outcome) {
    }

    record Queue(List<ReportedMessage> messages) {
    }

    record Held(List<MessageView> messages) {
    }

    record RulesBody(Integer slowModeSeconds, Boolean premoderated) {
    }

    record WordBody(String word, String edition, String kind) {
    }

    record ReviewBody(String outcome) {
    }

    record Log(List<ModerationEntry> entries, Long next) {
    }

    @PostMapping(path = "/messages/{id}/report", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> report(@PathVariable long id, @RequestBody ReasonBody body,
                                               HttpServletRequest request) {
        boolean added = unwrap(report.report(id, body.reason(), request.getRemoteAddr()));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("messageId", id, "new", added));
    }

    @PostMapping(path = "/messages/{id}/hide", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> hide(@PathVariable long id, @RequestBody ReasonBody body) {
        unwrap(moderate.hide(id, body.reason()));
        return ResponseEntity.noContent().build();
    }

    @PutMapping(path = "/rooms/{id}/state", consumes = MediaType.APPLICATION_JSON_VALUE)
    Room roomState(@PathVariable long id, @RequestBody StateBody body) {
        return unwrap(moderate.setRoomState(id, body.state()));
    }

    /** A topic room's new title (its address stays). */
    @PutMapping(path = "/rooms/{id}/title", consumes = MediaType.APPLICATION_JSON_VALUE)
    Room rename(@PathVariable long id, @RequestBody TitleBody body) {
        return unwrap(moderate.rename(id, body.title()));
    }

    @PostMapping(path = "/bans", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> ban(@RequestBody BanBody body) {
        if (body.accountId() == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid_ban", "Name the accountId to ban.");
        }
        Duration duration = body.minutes() == null ? null : Duration.ofMinutes(body.minutes());
        long id = unwrap(moderate.ban(body.accountId(), body.roomId(), duration, body.reason()));
        return ResponseEntity.created(URI.create("/api/chats/bans/" + id)).body(Map.of("id", id));
    }

    @DeleteMapping("/bans/{id}")
    ResponseEntity<Void> lift(@PathVariable long id) {
        unwrap(moderate.lift(id));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/moderation/reports")
    ResponseEntity<Queue> queue() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new Queue(unwrap(moderate.queue())));
    }

    /** Resolves every open report of a message: {@code hide} the message or {@code dismiss} the reports. */
    @PostMapping(path = "/moderation/reports/{messageId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> resolve(@PathVariable long messageId, @RequestBody ResolveBody body) {
        String outcome = body.outcome() == null ? "" : body.outcome();
        switch (outcome) {
            case "hide" -> unwrap(moderate.hide(messageId, "reported"));
            case "dismiss" -> unwrap(moderate.dismissReports(messageId));
            default -> throw new ApiException(HttpStatus.BAD_REQUEST, "invalid_outcome",
                    "The outcome is \"hide\" or \"dismiss\".");
        }
        return ResponseEntity.noContent().build();
    }

    @PutMapping(path = "/rooms/{id}/rules", consumes = MediaType.APPLICATION_JSON_VALUE)
    Room rules(@PathVariable long id, @RequestBody RulesBody body) {
        return unwrap(moderate.setRules(id, body.slowModeSeconds() == null ? 0 : body.slowModeSeconds(),
                Boolean.TRUE.equals(body.premoderated())));
    }

    @GetMapping("/moderation/held")
    ResponseEntity<Held> held() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new Held(unwrap(moderate.held())));
    }

    /** {@code approve} lets a held message through; {@code reject} hides it for good. */
    @PostMapping(path = "/moderation/held/{messageId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> review(@PathVariable long messageId, @RequestBody ReviewBody body) {
        String outcome = body.outcome() == null ? "" : body.outcome();
        if (!outcome.equals("approve") && !outcome.equals("reject")) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid_outcome",
                    "The outcome is \"approve\" or \"reject\".");
        }
        unwrap(moderate.review(messageId, outcome.equals("approve")));
        return ResponseEntity.noContent().build();
    }

    /** Watched words of every edition: {@code id}, {@code edition}, {@code kind} (BANNED, SUSPECT), {@code word}. */
    @GetMapping("/moderation/banned-words")
    ResponseEntity<Map<String, Object>> bannedWords() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(Map.of("words", unwrap(moderate.watchedWords())));
    }

    /** Watches a word in an edition; {@code kind} is BANNED unless it says SUSPECT. */
    @PostMapping(path = "/moderation/banned-words", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> banWord(@RequestBody WordBody body) {
        WordKind kind = body.kind() == null ? WordKind.BANNED : switch (body.kind().strip().toUpperCase(
                java.util.Locale.ROOT)) {
            case "BANNED" -> WordKind.BANNED;
            case "SUSPECT" -> WordKind.SUSPECT;
            default -> null;
        };
        boolean added = unwrap(moderate.watchWord(body.edition(), kind, body.word()));
        return ResponseEntity.status(added ? HttpStatus.CREATED : HttpStatus.OK).body(Map.of("new", added));
    }

    @DeleteMapping("/moderation/banned-words/{id}")
    ResponseEntity<Void> unbanWord(@PathVariable long id) {
        if (!unwrap(moderate.unwatchWord(id))) {
            throw new ApiException(HttpStatus.NOT_FOUND, "word_not_found", "There is no such banned word.");
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/moderation/log")
    ResponseEntity<Log> log(@RequestParam(required = false) Long before) {
        int page = 50;
        List<ModerationEntry> entries = unwrap(moderate.log(before, page));
        Long next = entries.size() < page ? null : entries.get(entries.size() - 1).id();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new Log(entries, next));
    }
}
