package org.dateline.site.internal;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.dateline.editions.Edition;
import org.dateline.editions.Editions;
import org.dateline.site.view.Chrome;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Renders the error page of a status in the reader's edition: error/404 → error/4xx → error, by message key. */
@Component
class ErrorPages {

    private final Editions editions;
    private final Pages pages;

    ErrorPages(Editions editions, Pages pages) {
        this.editions = editions;
        this.pages = pages;
    }

    String render(int status, Edition edition, HttpServletResponse response, Model model) {
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        String title = Pages.ui(edition).first("error." + status + ".title", "error." + (status / 100) + "xx.title",
                "error.title");
        Chrome chrome = pages.chrome(edition, null, Pages.Head.of(title, title, edition.homePath(), List.of()));
        model.addAttribute("page", chrome);
        model.addAttribute("status", status);
        return "error/error";
    }

    /** The edition named by the first path segment, or the default one. */
    Edition editionOf(HttpServletRequest request, String path) {
        if (path != null && path.length() >= 3 && path.charAt(0) == '/') {
            String code = path.substring(1, Math.min(path.length(), 3));
            if (path.length() == 3 || path.charAt(3) == '/') {
                return editions.find(code).orElse(editions.defaultEdition());
            }
        }
        return editions.defaultEdition();
    }
}
