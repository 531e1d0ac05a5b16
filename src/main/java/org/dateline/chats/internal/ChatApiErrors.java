package org.dateline.chats.internal;

import org.dateline.chats.BanInForce;
import org.dateline.chats.Refusal;
import org.dateline.platform.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A refusal for a ban, whichever chat call met it (post, reaction, edit, deletion, report): the problem says until
 * when ({@code bannedUntil}, an instant; absent for a ban until lifted) and whether it covers every room
 * ({@code everyRoom}), as the socket's {@code refused} frame does, so the page can say when the reader may write
 * again. Ahead of the application's catch-all problem handler, for the chat controllers only.
 */
@RestControllerAdvice(assignableTypes = {ChatApiController.class, ModerationController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class ChatApiErrors {

    /** A ban as a page is told of it, in the fields of the refusal. */
    record BanNotice(String bannedUntil, boolean everyRoom) {

        static BanNotice of(BanInForce ban) {
            return ban == null ? null
                    : new BanNotice(ban.expiresAt() == null ? null : ban.expiresAt().toString(), ban.everyRoom());
        }
    }

    static final class Banned extends RuntimeException {
        private final transient BanInForce ban;

        Banned(BanInForce ban) {
            super(Refusal.BANNED.message(), null, false, false);
            this.ban = ban;
        }
    }

    @ExceptionHandler(Banned.class)
    ResponseEntity<ProblemDetail> banned(Banned banned) {
        ProblemDetail problem = Problems.problem(ChatApiController.status(Refusal.BANNED), Refusal.BANNED.code(),
                Refusal.BANNED.message());
        BanNotice notice = BanNotice.of(banned.ban);
        if (notice.bannedUntil() != null) {
            problem.setProperty("bannedUntil", notice.bannedUntil());
        }
        problem.setProperty("everyRoom", notice.everyRoom());
        return Problems.response(problem);
    }
}
