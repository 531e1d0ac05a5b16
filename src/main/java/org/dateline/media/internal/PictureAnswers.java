package org.dateline.media.internal;

import java.util.List;

import org.dateline.media.Picture;
import org.dateline.media.PictureProblem;
import org.dateline.media.PictureResult;
import org.dateline.platform.web.Problems;
import org.dateline.shared.FeedCursor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * How the picture use cases' refusals are answered, the same by the admin API and the newsroom's pages: a file refused
 * for what it is has its own code (413 {@code too_large}, else 422), refused fields are a 400 naming each one, and a
 * refused action is 404, 403 or 409 ({@code picture_in_use}, the stories listed).
 */
final class PictureAnswers {

    private PictureAnswers() {
    }

    static HttpStatus status(PictureResult result) {
        if (result instanceof PictureResult.Done) {
            return HttpStatus.OK;
        }
        if (result instanceof PictureResult.Rejected rejected) {
            PictureProblem file = fileProblem(rejected);
            if (file == null) {
                return HttpStatus.BAD_REQUEST;
            }
            return "too_large".equals(file.code()) ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.UNPROCESSABLE_CONTENT;
        }
        return switch (((PictureResult.Refused) result).code()) {
            case "picture_not_found" -> HttpStatus.NOT_FOUND;
            case "forbidden" -> HttpStatus.FORBIDDEN;
            default -> HttpStatus.CONFLICT;
        };
    }

    /** The problem document of a result that is not done. */
    static ProblemDetail problem(PictureResult result) {
        HttpStatus status = status(result);
        if (result instanceof PictureResult.Rejected rejected) {
            PictureProblem file = fileProblem(rejected);
            // A file refused for what it is: its own code, so clients need not dig into the field list.
            return file != null ? Problems.problem(status, file.code(), file.message())
                    : Problems.invalid(rejected.problems().stream()
                    .map(p -> new Problems.FieldError(p.field(), p.code(), p.message())).toList());
        }
        PictureResult.Refused refused = (PictureResult.Refused) result;
        ProblemDetail problem = Problems.problem(status, refused.code(), refused.message());
        if (!refused.uses().isEmpty()) {
            problem.setProperty("stories", refused.uses());
        }
        return problem;
    }

    /** The cursor of the page after this one, or {@code null} when this one was not full. */
    static String next(List<Picture> found, int size) {
        if (found.size() < size) {
            return null;
        }
        Picture last = found.get(found.size() - 1);
        return new FeedCursor(last.createdAt(), last.id()).encode();
    }

    private static PictureProblem fileProblem(PictureResult.Rejected rejected) {
        return rejected.problems().size() == 1 && "file".equals(rejected.problems().get(0).field())
                ? rejected.problems().get(0) : null;
    }
}
