package org.dateline.identity;

import java.util.List;
import java.util.Map;

/**
 * What every newsroom page shares: its title, who is logged in, the CSRF token for its forms, and messages.
 *
 * @param errors     form problems by field name ("" for the form as a whole)
 * @param errorCodes the stable codes of those problems, in order: the page names them for scripts and tests
 * @param role       the role of who is logged in, null on the login page
 */
public record StaffPage(String title, String userName, boolean admin, String csrfParameter, String csrfToken,
                        String notice, Map<String, List<String>> errors, List<String> errorCodes, Role role) {

    /** Whether the story desk and wire are open to who is logged in (the web chain decides; the menu follows). */
    public boolean desk() {
        return role == Role.CONTRIBUTOR || role == Role.EDITOR || role == Role.ADMIN;
    }

    /** Whether the chat moderation pages are open to who is logged in. */
    public boolean moderation() {
        return role == Role.MODERATOR || role == Role.EDITOR || role == Role.ADMIN;
    }

    public List<String> errorsFor(String field) {
        return errors.getOrDefault(field, List.of());
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }
}
