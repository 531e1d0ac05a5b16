package org.dateline.identity.internal;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.dateline.identity.Account;
import org.dateline.identity.AccountResult;
import org.dateline.identity.Accounts;
import org.dateline.identity.Actor;
import org.dateline.identity.CurrentActor;
import org.dateline.identity.ReaderPage;
import org.dateline.identity.ReaderPages;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The reader's account pages. Authorised in {@link SecurityConfiguration}; each handler maps a use case's named
 * results to a page and a status. None of these pages is cached, and none opens a session for an anonymous visitor.
 */
@Controller
class ReaderAccountController {

    private final RegisterReader registerReader;
    private final ConfirmEmail confirmEmail;
    private final ResetPassword resetPassword;
    private final ChangePassword changePassword;
    private final DeleteAccount deleteAccount;
    private final Accounts accounts;
    private final JdbcAccounts jdbcAccounts;
    private final CurrentActor currentActor;
    private final RateLimits limits;
    private final ReaderPages pages;
    private final java.time.Clock clock;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    ReaderAccountController(RegisterReader registerReader, ConfirmEmail confirmEmail, ResetPassword resetPassword,
                            ChangePassword changePassword, DeleteAccount deleteAccount, Accounts accounts,
                            JdbcAccounts jdbcAccounts, CurrentActor currentActor, RateLimits limits, ReaderPages pages,
                            java.time.Clock clock) {
        this.registerReader = registerReader;
        this.confirmEmail = confirmEmail;
        this.resetPassword = resetPassword;
        this.changePassword = changePassword;
        this.deleteAccount = deleteAccount;
        this.accounts = accounts;
        this.jdbcAccounts = jdbcAccounts;
        this.currentActor = currentActor;
        this.limits = limits;
        this.pages = pages;
        this.clock = clock;
    }

    // --- who is logged in, for the header script of cached pages

    @GetMapping(value = "/account/me", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Map<String, String>> me() {
        return currentActor.get()
                .map(actor -> ResponseEntity.ok().cacheControl(CacheControl.noStore())
                        .body(Map.of("displayName", actor.displayName(), "initials", Account.initials(actor.displayName()))))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.UNAUTHORIZED).cacheControl(CacheControl.noStore())
                        .body(Map.of()));
    }

    // --- registration and confirmation

    @GetMapping("/account/register")
    String registerForm(HttpServletRequest request, Model model) {
        return show(model, pages.page(request, "account.register.title", null), "account/register");
    }

    @PostMapping("/account/register")
    String register(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String displayName,
                    @RequestParam(defaultValue = "") String password, HttpServletRequest request,
                    HttpServletResponse response, Model model) {
        Map<String, String> values = Map.of("email", email, "displayName", displayName);
        if (!limits.tryAcquire(RateLimits.Action.REGISTER, request.getRemoteAddr(), email)) {
            return throttled(request, response, model, "account.register.title", "account/register", values);
        }
        var result = registerReader.register(email, displayName, password, pages.locale(request));
        if (result instanceof RegisterReader.Result.Refused refused) {
            return show(model, pages.page(request, "account.register.title", null, refused.problems(), values),
                    "account/register");
        }
        return message(request, response, model, HttpStatus.OK, "account.check-mail.title", "account.check-mail.text");
    }

    @GetMapping("/account/confirm")
    String confirm(@RequestParam(defaultValue = "") String token, HttpServletRequest request,
                   HttpServletResponse response, Model model) {
        TokenOutcome outcome = confirmEmail.confirm(token);
        if (outcome instanceof TokenOutcome.Done) {
            return message(request, response, model, HttpStatus.OK, "account.confirmed.title", "account.confirmed.text");
        }
        return badLink(outcome, request, response, model);
    }

    @GetMapping("/account/confirm/resend")
    String resendForm(HttpServletRequest request, Model model) {
        return show(model, pages.page(request, "account.resend.title", null), "account/resend");
    }

    @PostMapping("/account/confirm/resend")
    String resend(@RequestParam(defaultValue = "") String email, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        if (!limits.tryAcquire(RateLimits.Action.RESEND, request.getRemoteAddr(), email)) {
            return throttled(request, response, model, "account.resend.title", "account/resend", Map.of("email", email));
        }
        confirmEmail.resend(email, pages.locale(request));
        return message(request, response, model, HttpStatus.OK, "account.check-mail.title", "account.check-mail.text");
    }

    // --- login (Spring Security processes the POST)

    @GetMapping("/account/login")
    String login(HttpServletRequest request, Model model) {
        String notice = null;
        for (String reason : List.of("error", "unconfirmed", "throttled", "logout", "deleted", "reset", "expired")) {
            if (request.getParameter(reason) != null) {
                notice = "account.login." + reason;
                break;
            }
        }
        return loginPage(request, model, pages.page(request, "account.login.title", notice));
    }

    private String loginPage(HttpServletRequest request, Model model, ReaderPage page) {
        model.addAttribute("unconfirmed", request.getParameter("unconfirmed") != null);
        model.addAttribute("next", ReaderLogin.next(request));
        return show(model, page, "account/login");
    }

    // --- password reset

    @GetMapping("/account/reset")
    String resetForm(HttpServletRequest request, Model model) {
        return show(model, pages.page(request, "account.reset.title", null), "account/reset");
    }

    @PostMapping("/account/reset")
    String requestReset(@RequestParam(defaultValue = "") String email, HttpServletRequest request,
                        HttpServletResponse response, Model model) {
        if (!limits.tryAcquire(RateLimits.Action.RESET, request.getRemoteAddr(), email)) {
            return throttled(request, response, model, "account.reset.title", "account/reset", Map.of("email", email));
        }
        resetPassword.request(email, pages.locale(request));
        return message(request, response, model, HttpStatus.OK, "account.check-mail.title", "account.reset.sent");
    }

    @GetMapping("/account/reset/confirm")
    String newPasswordForm(@RequestParam(defaultValue = "") String token, HttpServletRequest request,
                           HttpServletResponse response, Model model) {
        TokenOutcome outcome = resetPassword.check(token);
        if (outcome instanceof TokenOutcome.Done) {
            return show(model, pages.page(request, "account.reset.new.title", null, List.of(), Map.of("token", token)),
                    "account/new-password");
        }
        return badLink(outcome, request, response, model);
    }

    @PostMapping("/account/reset/confirm")
    String setNewPassword(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String password,
                          HttpServletRequest request, HttpServletResponse response, Model model) {
        TokenOutcome outcome = resetPassword.complete(token, password);
        if (outcome instanceof TokenOutcome.PasswordSet set) {
            // Shown here rather than after a redirect: the count would need a session, and this visitor has none.
            ReaderPage page = pages.page(request, "account.login.title", "account.login.reset");
            return loginPage(request, model,
                    page.withNotice(page.notice() + " " + page.t("account.sessions.all", set.sessionsEnded())));
        }
        if (outcome instanceof TokenOutcome.Refused refused) {
            return show(model, pages.page(request, "account.reset.new.title", null, refused.problems(),
                    Map.of("token", token)), "account/new-password");
        }
        return badLink(outcome, request, response, model);
    }

    // --- profile (logged in)

    @GetMapping("/account")
    String profile(HttpServletRequest request, Model model) {
        String notice = null;
        for (String reason : List.of("saved", "passwordChanged", "restored")) {
            if (request.getParameter(reason) != null) {
                notice = "account.profile." + reason;
            }
        }
        return profilePage(request, model, notice, List.of(), Map.of());
    }

    @PostMapping("/account/profile")
    String saveProfile(@RequestParam(defaultValue = "") String displayName, HttpServletRequest request,
                       HttpServletResponse response, Model model) {
        Actor actor = actor();
        var problem = JdbcAccounts.nameProblem(displayName);
        if (problem.isPresent()) {
            return profilePage(request, model, null, List.of(problem.get()), Map.of("displayName", displayName));
        }
        jdbcAccounts.setDisplayName(actor.accountId(), displayName);
        refreshSession(request, response, new Actor(actor.accountId(), actor.email(), displayName.strip(), actor.role()));
        return "redirect:/account?saved" + ReaderLogin.langQuery(request, "&");
    }

    @PostMapping("/account/password")
    String changePassword(@RequestParam(defaultValue = "") String currentPassword,
                          @RequestParam(defaultValue = "") String password, HttpServletRequest request, Model model,
                          RedirectAttributes next) {
        var result = changePassword.change(actor().accountId(), currentPassword, password,
                request.getSession().getId());
        if (result instanceof ChangePassword.Refused refused) {
            return profilePage(request, model, null, refused.problems(), Map.of());
        }
        ChangePassword.afterChange((ChangePassword.Changed) result, request, next);
        return "redirect:/account?passwordChanged" + ReaderLogin.langQuery(request, "&");
    }

    @PostMapping("/account/delete")
    String delete(@RequestParam(defaultValue = "") String password, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        if (!deleteAccount.delete(actor().accountId(), password)) {
            return profilePage(request, model, null, List.of(new AccountResult.Problem("deletePassword",
                    "wrong_password", "The current password is not right.")), Map.of());
        }
        logOut(request, response);
        return "redirect:/account/login?deleted" + ReaderLogin.langQuery(request, "&");
    }

    // --- restore after deletion (offered by a login with the right password)

    @GetMapping("/account/restore")
    String restoreForm(HttpServletRequest request, HttpServletResponse response, Model model) {
        Account account = restoreCandidate(request);
        if (account == null) {
            return message(request, response, model, HttpStatus.OK, "account.restore.title", "account.restore.login");
        }
        ReaderPage page = pages.page(request, "account.restore.title", null);
        model.addAttribute("until", DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(page.locale())
                .format(account.deletedAt().plus(DeleteAccount.RESTORE_WINDOW).atZone(ZoneOffset.UTC)));
        return show(model, page, "account/restore");
    }

    @PostMapping("/account/restore")
    String restore(HttpServletRequest request, HttpServletResponse response, Model model) {
        Account account = restoreCandidate(request);
        if (account == null || !deleteAccount.restore(account.id())) {
            return message(request, response, model, HttpStatus.OK, "account.restore.title", "account.restore.login");
        }
        request.getSession().removeAttribute(ReaderLogin.RESTORE_CANDIDATE);
        request.changeSessionId();
        var credentials = jdbcAccounts.credentials(account.email()).orElseThrow();
        logIn(request, response, AccountPrincipal.of(credentials).withActor(
                new Actor(account.id(), account.email(), account.displayName(), account.role())));
        response.addCookie(ReaderLogin.hint(-1));
        return "redirect:/account?restored" + ReaderLogin.langQuery(request, "&");
    }

    // --- helpers

    private Account restoreCandidate(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null
                || !(session.getAttribute(ReaderLogin.RESTORE_CANDIDATE) instanceof ReaderLogin.RestoreCandidate c)
                || c.until().isBefore(clock.instant())) {
            return null;
        }
        return accounts.find(c.accountId()).filter(a -> a.deletedAt() != null && !a.erased()).orElse(null);
    }

    private String profilePage(HttpServletRequest request, Model model, String notice,
                               List<AccountResult.Problem> problems, Map<String, String> values) {
        Account account = accounts.find(actor().accountId()).orElseThrow();
        Map<String, String> all = new LinkedHashMap<>(Map.of("displayName", account.displayName()));
        all.putAll(values);
        model.addAttribute("account", account);
        ReaderPage page = pages.page(request, "account.profile.title", notice, problems, all);
        if ("account.profile.passwordChanged".equals(notice)) {
            page = page.withNotice(ReaderPages.passwordChanged(request, page.locale()));
        }
        return show(model, page, "account/profile");
    }

    private String throttled(HttpServletRequest request, HttpServletResponse response, Model model, String titleKey,
                             String template, Map<String, String> values) {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", "600");
        return show(model, pages.page(request, titleKey, null, List.of(new AccountResult.Problem("", "throttled",
                "Too many attempts. Wait a few minutes and try again.")), values), template);
    }

    /** A used or expired link is gone (410); anything else is not a link of ours (400). */
    private String badLink(TokenOutcome outcome, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (outcome instanceof TokenOutcome.Spent) {
            return message(request, response, model, HttpStatus.GONE, "account.link.spent.title",
                    "account.link.spent.text");
        }
        return message(request, response, model, HttpStatus.BAD_REQUEST, "account.link.invalid.title",
                "account.link.invalid.text");
    }

    private String message(HttpServletRequest request, HttpServletResponse response, Model model, HttpStatus status,
                           String titleKey, String textKey) {
        response.setStatus(status.value());
        model.addAttribute("text", textKey);
        return show(model, pages.page(request, titleKey, null), "account/message");
    }

    private static String show(Model model, ReaderPage page, String template) {
        model.addAttribute("page", page);
        return template;
    }

    private Actor actor() {
        return currentActor.get().orElseThrow();
    }

    private void refreshSession(HttpServletRequest request, HttpServletResponse response, Actor changed) {
        if (SecurityContextHolder.getContext().getAuthentication() != null
                && SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof AccountPrincipal p) {
            logIn(request, response, p.withActor(changed));
        }
    }

    private void logIn(HttpServletRequest request, HttpServletResponse response, AccountPrincipal principal) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }

    private static void logOut(HttpServletRequest request, HttpServletResponse response) {
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        response.addCookie(ReaderLogin.hint(0));
        jakarta.servlet.http.Cookie remember = new jakarta.servlet.http.Cookie(ReaderLogin.REMEMBER_ME_COOKIE, "");
        remember.setPath("/");
        remember.setMaxAge(0);
        response.addCookie(remember);
    }
}
