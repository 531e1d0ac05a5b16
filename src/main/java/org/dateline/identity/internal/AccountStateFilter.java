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
 * Keeps a staff session true to its account on every newsroom request: a deactivated account is logged out at
 * once, and an account that must change its password is sent to do so before anything else.
 */
class AccountStateFilter extends OncePerRequestFilter {

    static final String CHANGE_PASSWORD = "/newsroom/password";

    private final Accounts accounts;

    AccountStateFilter(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/newsroom");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof StaffPrincipal principal) {
            Account account = accounts.find(principal.actor().accountId()).orElse(null);
            if (account == null || !account.active()) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                response.sendRedirect("/login?deactivated");
                return;
            }
            if (account.mustChangePassword() && !request.getRequestURI().equals(CHANGE_PASSWORD)) {
                response.sendRedirect(CHANGE_PASSWORD);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
