package org.dateline.platform.web;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * The one place that turns API failures into problem documents. No stack trace or SQL ever reaches a client. First
 * among the advices, so that {@link PageErrors}, which applies to every controller, never answers for the API.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> expected(ApiException e) {
        return Problems.response(Problems.problem(e.status(), e.code(), e.getMessage()));
    }

    /**
     * A body that is no JSON answers {@code malformed_json}; JSON with a value of the wrong type in a field answers
     * {@code invalid_request} naming the field (code {@code invalid_type}, or {@code invalid_characters} for text with
     * a NUL), like any other problem with a field.
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = field(mismatch.getPath());
            return Problems.response(Problems.invalid(List.of(mismatch instanceof TextWithoutNul.Refused
                    ? new Problems.FieldError(field, "invalid_characters", "The text of " + field
                            + " holds a character no text may hold.")
                    : new Problems.FieldError(field, "invalid_type", "The value of " + field
                            + " is not of the expected type."))));
        }
        return Problems.response(Problems.problem(HttpStatus.BAD_REQUEST, "malformed_json",
                "The request body is not a JSON document of the expected shape."));
    }

    /** {@code tags[2]}, {@code body}: the field as a client names it. */
    private static String field(List<JacksonException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference step : path) {
            if (step.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(step.getPropertyName());
            } else if (step.getIndex() >= 0) {
                field.append('[').append(step.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return Problems.response(Problems.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                "Send the request body as application/json."));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return Problems.response(Problems.problem(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed",
                "This resource does not support " + e.getMethod() + "."));
    }

    @ExceptionHandler(TypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(TypeMismatchException e) {
        String name = e.getPropertyName() == null ? "a parameter" : "'" + e.getPropertyName() + "'";
        return Problems.response(Problems.problem(HttpStatus.BAD_REQUEST, "invalid_parameter",
                "The value of " + name + " is not valid."));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
        return Problems.response(Problems.problem(HttpStatus.PAYLOAD_TOO_LARGE, "too_large",
                "The upload is larger than this call takes."));
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> malformedMultipart(MultipartException e) {
        return Problems.response(Problems.problem(HttpStatus.BAD_REQUEST, "malformed_multipart",
                "The request body is not a multipart/form-data document this call reads."));
    }

    /** A client that went away (a closed event stream) needs no answer and is no failure of ours. */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void clientGone() {
        // nothing to write to
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        // Spring's own client errors (missing parameter, not acceptable, ...) keep their status, with our shape.
        if (e instanceof ErrorResponse response && response.getStatusCode().is4xxClientError()) {
            HttpStatus status = HttpStatus.valueOf(response.getStatusCode().value());
            return Problems.response(Problems.problem(status, Problems.codeOf(status), status.getReasonPhrase()));
        }
        log.error("Unexpected API failure", e);
        return Problems.response(Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
                "Something went wrong on our side; nothing was changed."));
    }
}
