package org.dateline.identity;

import java.util.List;
import java.util.Map;

/**
 * What every newsroom page shares: its title, who is logged in, the CSRF token for its forms, and messages.
 *
 * @param errors form problems by field name ("" for the form as a whole)
 */
public record StaffPage(String title, String userName, boolean admin, String csrfParameter, String csrfToken,
                        String notice, Map<String, List<String>> errors) {

    public List<String> errorsFor(String field) {
        return errors.getOrDefault(field, List.of());
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }
}
