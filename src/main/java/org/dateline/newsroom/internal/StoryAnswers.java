package org.dateline.newsroom.internal;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.dateline.identity.AccountResult;
import org.dateline.newsroom.StoryRefusal;
import org.dateline.newsroom.StoryResult;
import org.dateline.platform.web.Problems;
import org.dateline.platform.web.Translated;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * How the newsroom's entrances answer a refused action, in one place each: the admin API with an HTTP status and a
 * problem document ({@link #problem}), the newsroom pages with a message in the staff member's language
 * ({@link #formProblems}; strings in {@code i18n/newsroom_*}). The wire writes the code to its ingest log.
 */
final class StoryAnswers {

    static final Set<String> LANGUAGES = Set.of("en", "ru");

    private StoryAnswers() {
    }

    static HttpStatus status(StoryRefusal reason) {
        return switch (reason) {
            case NOT_FOUND, UNKNOWN_REVISION, UNKNOWN_ENTRY -> HttpStatus.NOT_FOUND;
            case NOT_PERMITTED -> HttpStatus.FORBIDDEN;
            case STORY_KILLED, TRANSITION_NOT_ALLOWED, NOT_LIVE, NOT_PUBLISHABLE, STORY_LOCKED, STALE_REVISION,
                 STATE_CHANGED, NOT_MOVABLE, TRANSLATION_IN_EDITION, NOT_LIVE_COVERAGE -> HttpStatus.CONFLICT;
        };
    }

    /** The problem document of an action that was not done. */
    static ResponseEntity<ProblemDetail> problem(StoryResult result) {
        if (result instanceof StoryResult.Rejected rejected) {
            return Problems.response(Problems.invalid(rejected.problems()));
        }
        if (result instanceof StoryResult.Refused refused) {
            return Problems.response(Problems.problem(status(refused.reason()), refused.reason().code(),
                    message(refused, Locale.ENGLISH)));
        }
        throw new IllegalArgumentException("Not a refusal: " + result);
    }

    /** What the newsroom page shows of an action that was not done: each problem beside its field, or above all. */
    static List<AccountResult.Problem> formProblems(StoryResult result, HttpServletRequest request) {
        if (result instanceof StoryResult.Rejected rejected) {
            return rejected.problems().stream()
                    .map(p -> new AccountResult.Problem(p.field(), p.code(), p.message())).toList();
        }
        if (result instanceof StoryResult.Refused refused) {
            return List.of(new AccountResult.Problem("", refused.reason().code(), message(refused, locale(request))));
        }
        return List.of();
    }

    /** A form problem of the page itself (a box to tick, a time to give), in the staff member's language. */
    static AccountResult.Problem formProblem(String field, String code, String key, HttpServletRequest request) {
        return new AccountResult.Problem(field, code, strings(locale(request)).getString(key));
    }

    static String message(StoryResult.Refused refused, Locale locale) {
        return new MessageFormat(strings(locale).getString("refusal." + refused.reason().code()), locale)
                .format(new Object[] {refused.detail()});
    }

    static Locale locale(HttpServletRequest request) {
        return Translated.chosen(request, LANGUAGES);
    }

    private static ResourceBundle strings(Locale locale) {
        return ResourceBundle.getBundle("i18n.newsroom", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
