package org.dateline.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.dateline.identity.StaffPages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The staff login form; Spring Security processes its POST. */
@Controller
class LoginController {

    private final StaffPages pages;

    LoginController(StaffPages pages) {
        this.pages = pages;
    }

    @GetMapping("/login")
    String login(HttpServletRequest request, Model model) {
        String notice = null;
        if (request.getParameter("error") != null) {
            notice = "The email address or password is not right.";
        } else if (request.getParameter("throttled") != null) {
            notice = "Too many login attempts. Wait a few minutes and try again.";
        } else if (request.getParameter("logout") != null) {
            notice = "You are logged out.";
        } else if (request.getParameter("deactivated") != null) {
            notice = "This account has been deactivated.";
        }
        model.addAttribute("page", pages.page(request, "Log in", notice));
        return "newsroom/login";
    }
}
