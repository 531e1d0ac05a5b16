package org.dateline.chats.internal;

import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.dateline.chats.ChatResult;
import org.dateline.chats.Refusal;
import org.dateline.identity.ReaderPages;
import org.dateline.identity.StaffPage;
import org.dateline.identity.StaffPages;
import org.dateline.platform.web.Translated;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Builds moderation pages in the moderator's language ({@link Translated#chosen}: every link and form of these pages
 * carries {@code ?lang=}). Strings are in {@code i18n/moderation_*}.
 */
@Component
class ModerationPages {

    static final Set<String> LANGUAGES = Set.of("en", "ru");

    private final StaffPages staffPages;

    ModerationPages(StaffPages staffPages) {
        this.staffPages = staffPages;
    }

    ModerationPage page(HttpServletRequest request, String titleKey, String notice, List<String> errors) {
        Locale locale = locale(request);
        ResourceBundle strings = strings(locale);
        StaffPage staff = staffPages.page(request, "", null);
        return new ModerationPage(locale, strings, strings.getString(titleKey), staff.userName(), staff.desk(),
                staff.csrfParameter(), staff.csrfToken(), notice, errors);
    }

    /** The page's notice for a finished action ({@code ?done=}), if it names one this page knows. */
    String done(HttpServletRequest request) {
        String done = request.getParameter("done");
        if (done == null || !done.matches("[a-z_]{1,40}")) {
            return null;
        }
        if (done.equals("password")) {
            return ReaderPages.passwordChanged(request, locale(request));
        }
        try {
            return strings(locale(request)).getString("mod.done." + done);
        } catch (MissingResourceException unknown) {
            return null;
        }
    }

    /** Why an action was refused, in the moderator's language. */
    String refusal(HttpServletRequest request, Refusal refusal) {
        try {
            return strings(locale(request)).getString("mod.refusal." + refusal.code());
        } catch (MissingResourceException untranslated) {
            return refusal.message();
        }
    }

    String text(HttpServletRequest request, String key) {
        return strings(locale(request)).getString(key);
    }

    /** Post/redirect/get: back to a moderation page in the moderator's language, with the notice of the action. */
    static String done(String page, String action, HttpServletRequest request) {
        return "redirect:/newsroom/moderation" + page + "?lang=" + lang(request) + "&done=" + action;
    }

    /** The value of a read; a refused read (an account deactivated meanwhile) answers with the refusal's status. */
    static <T> T value(ChatResult<T> result) {
        if (result instanceof ChatResult.Refused<T> refused) {
            throw new ResponseStatusException(ChatApiController.status(refused.reason()));
        }
        return ((ChatResult.Done<T>) result).value();
    }

    static String lang(HttpServletRequest request) {
        return locale(request).getLanguage();
    }

    static Locale locale(HttpServletRequest request) {
        return Translated.chosen(request, LANGUAGES);
    }

    static ResourceBundle strings(Locale locale) {
        return ResourceBundle.getBundle("i18n.moderation", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
