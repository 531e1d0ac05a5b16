package org.dateline.identity;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import org.dateline.platform.web.Translated;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Builds account pages in the reader's language: {@code ?lang=} (links from an edition carry it, forms send it back),
 * else the browser's Accept-Language, else English. The strings are the site's bundles ({@code i18n/site_*}).
 * Public for the pages other modules add under {@code /account} (a reader's chats), as {@link StaffPages} is for the
 * newsroom's.
 */
@Component
public class ReaderPages {

    public static final Set<String> LANGUAGES = Set.of("en", "ru");
    /**
     * The flash attribute that carries how many other sessions a password change ended to the page shown next: in the
     * session, so that no link can make a number up.
     */
    public static final String OTHER_SESSIONS_ENDED = "otherSessionsEnded";

    public Locale locale(HttpServletRequest request) {
        return Translated.chosen(request, LANGUAGES);
    }

    /**
     * The site's strings in a language. A page's forms ask for them at every label; the bundles never change while
     * the application runs, so each language's is looked up once (a missing one is not kept: it fails each time).
     */
    public static ResourceBundle strings(Locale locale) {
        return STRINGS.computeIfAbsent(locale, language -> ResourceBundle.getBundle("i18n.site", language,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    }

    private static final Map<Locale, ResourceBundle> STRINGS = new ConcurrentHashMap<>();

    public ReaderPage page(HttpServletRequest request, String titleKey, String noticeKey) {
        return page(request, titleKey, noticeKey, List.of(), Map.of());
    }

    public ReaderPage page(HttpServletRequest request, String titleKey, String noticeKey,
                           List<AccountResult.Problem> problems,
                    Map<String, String> values) {
        Locale locale = locale(request);
        ResourceBundle strings = strings(locale);
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (AccountResult.Problem problem : problems) {
            errors.computeIfAbsent(problem.field(), f -> new ArrayList<>()).add(message(strings, locale, problem));
        }
        return new ReaderPage(locale, strings, strings.getString(titleKey),
                csrf == null ? "_csrf" : csrf.getParameterName(), csrf == null ? "" : csrf.getToken(),
                noticeKey == null ? null : strings.getString(noticeKey), errors, values);
    }

    /**
     * "Your password is changed." in this language, and, on the first page after the change, how many of the
     * account's other sessions (other browsers and devices) it ended: for the account page, and for the newsroom
     * pages staff land on after a change.
     */
    public static String passwordChanged(HttpServletRequest request, Locale locale) {
        ResourceBundle strings = strings(locale);
        Map<String, ?> flash = RequestContextUtils.getInputFlashMap(request);
        String changed = strings.getString("account.profile.passwordChanged");
        if (flash != null && flash.get(OTHER_SESSIONS_ENDED) instanceof Integer ended) {
            return changed + " " + new MessageFormat(strings.getString("account.sessions.others"), locale)
                    .format(new Object[] {ended});
        }
        return changed;
    }

    /** A problem's message in the page's language, by its stable code; the English text when none is translated. */
    static String message(ResourceBundle strings, Locale locale, AccountResult.Problem problem) {
        try {
            return new java.text.MessageFormat(strings.getString("account.problem." + problem.code()), locale)
                    .format(new Object[] {PasswordPolicy.MIN_LENGTH, PasswordPolicy.MAX_LENGTH});
        } catch (MissingResourceException untranslated) {
            return problem.message();
        }
    }
}
