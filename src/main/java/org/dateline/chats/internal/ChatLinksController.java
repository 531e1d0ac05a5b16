package org.dateline.chats.internal;

import org.dateline.chats.ChatQueries;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** Permalinks of messages: {@code /{edition}/chat/m/{id}} leads to the message under its article. */
@Controller
class ChatLinksController {

    private final ChatQueries queries;

    ChatLinksController(ChatQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/{edition:[a-z]{2}}/chat/m/{id:\\d{1,18}}")
    ResponseEntity<Void> message(@PathVariable String edition, @PathVariable long id) {
        String target = queries.message(id).filter(m -> m.edition().equals(edition))
                .flatMap(m -> queries.locate(id))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        // 302: a message can be deleted, and its article can move
        return ResponseEntity.status(HttpStatus.FOUND).header("Location", target)
                .header("Cache-Control", "no-cache").build();
    }
}
