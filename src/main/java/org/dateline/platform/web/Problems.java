package org.dateline.platform.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Builds the problem documents of the HTTP API: the {@code code} is the contract, the detail is for people. */
public final class Problems {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;
    /** The request attribute that gives the error page's problem document its code, set before a sendError. */
    public static final String ERROR_CODE_ATTRIBUTE = "dateline.error.code";

    private Problems() {
    }

    public static ProblemDetail problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://dateline.invalid/problems/" + code));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("code", code);
        return problem;
    }

    /**
     * The code of an answer that has no more particular one: the status's name ({@code bad_request}, {@code not_found},
     * {@code method_not_allowed}, {@code unsupported_media_type}, ...), and {@code internal_error} for a 500.
     */
    public static String codeOf(HttpStatus status) {
        return status == HttpStatus.INTERNAL_SERVER_ERROR ? "internal_error" : status.name().toLowerCase(Locale.ROOT);
    }

    /** One problem with one field of a request: the field as the client names it, a stable code, a message. */
    public record FieldError(String field, String code, String message) {
    }

    /** A 400 listing every problem of one request, each with its own code and the field it concerns. */
    public static ProblemDetail invalid(List<?> errors) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid_request",
                "The request has " + errors.size() + " problem(s); see errors.");
        problem.setProperty("errors", errors);
        return problem;
    }

    /** The members of a problem document in their usual order, for writers that have no Spring converter at hand. */
    public static Map<String, Object> fields(ProblemDetail problem) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", problem.getType().toString());
        fields.put("title", problem.getTitle());
        fields.put("status", problem.getStatus());
        fields.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            fields.putAll(problem.getProperties());
        }
        return fields;
    }

    public static ResponseEntity<ProblemDetail> response(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(PROBLEM_JSON).body(problem);
    }
}
