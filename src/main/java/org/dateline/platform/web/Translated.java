package org.dateline.platform.web;

import java.text.MessageFormat;
import java.util.Collections;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

/** A page in one of the editions' languages: its locale and strings, looked up by key in templates. */
public interface Translated {

    Locale locale();

    ResourceBundle strings();

    default String lang() {
        return locale().getLanguage();
    }

    default String t(String key) {
        return strings().getString(key);
    }

    default String t(String key, Object... arguments) {
        return new MessageFormat(strings().getString(key), locale()).format(arguments);
    }

    /**
     * The language a page is asked in: {@code ?lang=} (links and forms carry it), else the browser's
     * Accept-Language, else English; only one of {@code languages} is ever chosen.
     */
    static Locale chosen(HttpServletRequest request, Set<String> languages) {
        String lang = request.getParameter("lang");
        if (lang != null && languages.contains(lang)) {
            return Locale.forLanguageTag(lang);
        }
        for (Locale accepted : Collections.list(request.getLocales())) {
            if (languages.contains(accepted.getLanguage())) {
                return Locale.forLanguageTag(accepted.getLanguage());
            }
        }
        return Locale.ENGLISH;
    }
}
