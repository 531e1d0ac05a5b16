package org.dateline.platform.web;

import org.springframework.http.HttpStatus;

/**
 * An expected failure of an API call: a status and a stable code clients can rely on, plus a message for people.
 * Turned into an RFC 9457 problem document with a {@code code} property by {@link ApiErrors}.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    public ApiException(HttpStatus status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }
}
