package org.dateline.identity.internal;

import java.util.Collection;

import jakarta.servlet.http.Cookie;

import org.dateline.identity.Role;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * Where a login at {@code /login} lands: the first page the account may open. Moderators work the moderation queue;
 * the rest of the staff the story desk; a reader who used the staff form their account page.
 */
final class StaffLanding {

    static final String DESK = "/newsroom";
    static final String MODERATION = "/newsroom/moderation";
    static final String READER = "/account";
    static final String DESK_HINT_COOKIE = "DATELINE_DESK";

    private StaffLanding() {
    }

    static String after(Collection<? extends GrantedAuthority> authorities) {
        boolean desk = has(authorities, Role.CONTRIBUTOR) || has(authorities, Role.EDITOR)
                || has(authorities, Role.ADMIN);
        if (desk) {
            return DESK;
        }
        return has(authorities, Role.MODERATOR) ? MODERATION : READER;
    }

    /** Back where the role works, with the notice that the password is changed. */
    static String afterPasswordChange(Role role) {
        return switch (role) {
            case CONTRIBUTOR, EDITOR, ADMIN -> DESK + "?passwordChanged";
            case MODERATOR -> MODERATION + "?done=password";
            case READER -> READER;
        };
    }

    static AuthenticationSuccessHandler handler() {
        return (request, response, authentication) -> {
            String landing = after(authentication.getAuthorities());
            if (DESK.equals(landing)) {
                response.addCookie(deskHint(-1));
            }
            response.sendRedirect(landing);
        };
    }

    /**
     * Tells the public pages' script that this browser logged in to the desk, so it puts an "Edit" link beside each
     * article: the cached page stays the same for everyone. It carries nothing and grants nothing (the link leads to
     * the newsroom, which asks for the login), so it is readable by scripts; it lasts as long as the browser session
     * and a logout clears it. {@code SameSite} and {@code Secure}: {@code SiteCookies}.
     */
    static Cookie deskHint(int maxAge) {
        Cookie cookie = new Cookie(DESK_HINT_COOKIE, maxAge == 0 ? "" : "1");
        cookie.setPath("/");
        cookie.setMaxAge(maxAge);
        return cookie;
    }

    private static boolean has(Collection<? extends GrantedAuthority> authorities, Role role) {
        return authorities.stream().anyMatch(a -> role.authority().equals(a.getAuthority()));
    }
}
