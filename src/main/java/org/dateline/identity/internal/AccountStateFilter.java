package org.dateline.identity.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.dateline.identity.Account;
import org.dateline.identity.Accounts;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a session true to its account on every newsroom and account request: a deactivated, deleted or erased account
 * is logged out at once, and a staff account that must change its password is sent to do so before anything else.
 */
class AccountStateFilter extends OncePerRequestFilter {

    static final String CHANGE_PASSWORD = "/newsroom/password";

    private final Accounts accounts;

    AccountStateFilter(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return !(uri.startsWith("/newsroom") || uri.equals("/account") || uri.startsWith("/account/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal) {
            Account account = accounts.find(principal.actor().accountId()).orElse(null);
            if (account == null || !account.active() || account.deleted()) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                if (request.getRequestURI().startsWith("/newsroom")) {
                    response.sendRedirect("/login?deactivated");
                    return;
                }
                chain.doFilter(request, response); // the account pages go on as for anyone not logged in
                return;
            }
            if (account.mustChangePassword() && request.getRequestURI().startsWith("/newsroom")
                    && !request.getRequestURI().equals(CHANGE_PASSWORD)) {
                response.sendRedirect(CHANGE_PASSWORD);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
