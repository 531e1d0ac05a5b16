package org.dateline.site.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Expected failures of the public pages, answered with the edition's error page. */
@ControllerAdvice(assignableTypes = {SiteController.class, SearchPageController.class, SitePageController.class})
class SiteErrors {

    private final ErrorPages errorPages;

    SiteErrors(ErrorPages errorPages) {
        this.errorPages = errorPages;
    }

    @ExceptionHandler(PageNotFound.class)
    String notFound(PageNotFound e, HttpServletResponse response, Model model) {
        return errorPages.render(404, e.edition(), response, model);
    }

    @ExceptionHandler(PageGone.class)
    String gone(PageGone e, HttpServletResponse response, Model model) {
        return errorPages.render(410, e.edition(), response, model);
    }

    @ExceptionHandler({BadCursor.class, BadParameter.class})
    String badCursor(HttpServletRequest request, HttpServletResponse response, Model model) {
        return errorPages.render(400, errorPages.editionOf(request, request.getRequestURI()), response, model);
    }
}
