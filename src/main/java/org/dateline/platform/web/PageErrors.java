package org.dateline.platform.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A parameter of a page or form that is not of its type ({@code ?a=abc} for a number, a form field bound to a
 * number) or is missing answers 400 with code {@value #CODE}, as the API does ({@link ApiErrors}): the error page,
 * or a problem document for a client that asks for JSON. One short log line names the parameter, never its value
 * (Spring's default wrote the whole value, 100 KB if that is what came, as a warning). After {@link ApiErrors}, which
 * answers for the API's controllers.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {

    static final String CODE = "invalid_parameter";

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    @ExceptionHandler({TypeMismatchException.class, MissingServletRequestParameterException.class,
            BindException.class})
    void invalidParameter(Exception e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        log.info("Refused {} {}: {} is missing or not valid", request.getMethod(), request.getRequestURI(), name(e));
        request.setAttribute(Problems.ERROR_CODE_ATTRIBUTE, CODE);
        response.sendError(HttpServletResponse.SC_BAD_REQUEST);
    }

    private static String name(Exception e) {
        if (e instanceof TypeMismatchException mismatch && mismatch.getPropertyName() != null) {
            return "'" + mismatch.getPropertyName() + "'";
        }
        if (e instanceof MissingServletRequestParameterException missing) {
            return "'" + missing.getParameterName() + "'";
        }
        if (e instanceof BindException binding && binding.getFieldError() != null) {
            return "'" + binding.getFieldError().getField() + "'";
        }
        return "a parameter";
    }
}
