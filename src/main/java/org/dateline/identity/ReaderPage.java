package org.dateline.identity;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import org.dateline.platform.web.Translated;

/**
 * What every account page shares: its language and strings, title, the CSRF token for its forms, a notice, form
 * problems by field ("" for the form as a whole) and the values to put back into the form. Public only because the
 * compiled templates live in another package.
 */
public record ReaderPage(Locale locale, ResourceBundle strings, String title, String csrfParameter, String csrfToken,
                         String notice, Map<String, List<String>> errors, Map<String, String> values)
        implements Translated {

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public List<String> errorsFor(String field) {
        return errors.getOrDefault(field, List.of());
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** The same page with this notice (already in its language). */
    public ReaderPage withNotice(String text) {
        return new ReaderPage(locale, strings, title, csrfParameter, csrfToken, text, errors, values);
    }

    /** The edition home in this language. */
    public String homePath() {
        return "/" + lang() + "/";
    }
}
