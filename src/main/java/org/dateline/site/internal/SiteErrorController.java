package org.dateline.site.internal;


import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.dateline.platform.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Whatever fails outside a controller's own handling ends here: an error page in the reader's edition, or a problem
 * document for API clients. Never a stack trace.
 */
@Controller
class SiteErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(SiteErrorController.class);

    private final ErrorPages errorPages;

    SiteErrorController(ErrorPages errorPages) {
        this.errorPages = errorPages;
    }

    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    String page(HttpServletRequest request, HttpServletResponse response, Model model) {
        int status = status(request);
        String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return errorPages.render(status, errorPages.editionOf(request, path), response, model);
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        int status = status(request);
        HttpStatus httpStatus = HttpStatus.resolve(status) == null ? HttpStatus.INTERNAL_SERVER_ERROR
                : HttpStatus.valueOf(status);
        Object given = request.getAttribute(Problems.ERROR_CODE_ATTRIBUTE);
        String code = given instanceof String named ? named : Problems.codeOf(httpStatus);
        return Problems.response(Problems.problem(httpStatus, code, httpStatus.getReasonPhrase()));
    }

    private static int status(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object error = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (error instanceof Throwable t && DisconnectedClientHelper.isClientDisconnectedException(t)) {
            // A reader who closed the tab mid-response (a newsfeed stream, say) is no failure of ours.
            log.debug("Client went away on {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        } else if (error instanceof Throwable t) {
            log.error("Unhandled failure on {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), t);
        }
        if (status instanceof Integer code) {
            return code;
        }
        // No error dispatch: someone asked for /error itself, which is no page.
        return error == null ? 404 : 500;
    }

}
