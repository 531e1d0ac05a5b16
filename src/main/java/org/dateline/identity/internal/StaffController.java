package org.dateline.identity.internal;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.dateline.identity.AccountResult;
import org.dateline.identity.Accounts;
import org.dateline.identity.Actor;
import org.dateline.identity.CurrentActor;
import org.dateline.identity.Role;
import org.dateline.identity.StaffPages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff manage their password; administrators manage staff. Authorised in the security configuration. */
@Controller
class StaffController {

    private final Accounts accounts;
    private final ChangePassword changePassword;
    private final CurrentActor currentActor;
    private final StaffPages pages;

    StaffController(Accounts accounts, ChangePassword changePassword, CurrentActor currentActor, StaffPages pages) {
        this.accounts = accounts;
        this.changePassword = changePassword;
        this.currentActor = currentActor;
        this.pages = pages;
    }

    @GetMapping("/newsroom/password")
    String passwordForm(HttpServletRequest request, Model model) {
        boolean forced = accounts.find(actor().accountId()).map(a -> a.mustChangePassword()).orElse(false);
        model.addAttribute("page", pages.page(request, "Change password",
                forced ? "Choose a new password before you continue." : null));
        return "newsroom/password";
    }

    @PostMapping("/newsroom/password")
    String changePassword(@RequestParam(defaultValue = "") String currentPassword,
                          @RequestParam(defaultValue = "") String password, HttpServletRequest request, Model model,
                          RedirectAttributes next) {
        var result = changePassword.change(actor().accountId(), currentPassword, password,
                request.getSession().getId());
        if (result instanceof ChangePassword.Refused refused) {
            model.addAttribute("page", pages.page(request, "Change password", null, refused.problems()));
            return "newsroom/password";
        }
        ChangePassword.afterChange((ChangePassword.Changed) result, request, next);
        return "redirect:" + StaffLanding.afterPasswordChange(actor().role());
    }

    @GetMapping("/newsroom/staff")
    String staff(HttpServletRequest request, Model model) {
        return staffPage(request, model, request.getParameter("created") != null ? "Account created." : null,
                List.of(), "", "", Role.CONTRIBUTOR);
    }

    @PostMapping("/newsroom/staff")
    String create(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String displayName,
                  @RequestParam(defaultValue = "CONTRIBUTOR") String role, @RequestParam(defaultValue = "") String password,
                  HttpServletRequest request, Model model) {
        Role chosen = parseRole(role);
        AccountResult result = accounts.createStaff(email, displayName, chosen, password, true);
        if (result instanceof AccountResult.Refused refused) {
            return staffPage(request, model, null, refused.problems(), email, displayName, chosen);
        }
        return "redirect:/newsroom/staff?created";
    }

    @PostMapping("/newsroom/staff/{id}/active")
    String setActive(@PathVariable long id, @RequestParam boolean active) {
        if (id != actor().accountId()) { // an administrator cannot lock themselves out
            accounts.setActive(id, active);
        }
        return "redirect:/newsroom/staff";
    }

    private String staffPage(HttpServletRequest request, Model model, String notice,
                             List<AccountResult.Problem> problems, String email, String displayName, Role role) {
        model.addAttribute("page", pages.page(request, "Staff", notice, problems));
        model.addAttribute("staff", accounts.staff());
        model.addAttribute("me", actor().accountId());
        model.addAttribute("email", email);
        model.addAttribute("displayName", displayName);
        model.addAttribute("role", role);
        model.addAttribute("roles", List.of(Role.CONTRIBUTOR, Role.MODERATOR, Role.EDITOR, Role.ADMIN));
        return "newsroom/staff";
    }

    private static Role parseRole(String role) {
        try {
            return Role.valueOf(role);
        } catch (IllegalArgumentException unknown) {
            return null; // refused by the account rules with a form error
        }
    }

    private Actor actor() {
        return currentActor.get().orElseThrow();
    }
}
