package org.dateline.chats.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.dateline.platform.web.Translated;

/**
 * What every moderation page shares: its language and strings, title, who is logged in (and whether the story desk
 * is theirs too), the CSRF token for its forms, a notice and form problems. Public only because the compiled
 * templates live in another package.
 */
public record ModerationPage(Locale locale, ResourceBundle strings, String title, String userName, boolean desk,
                             String csrfParameter, String csrfToken, String notice, List<String> errors)
        implements Translated {

    /** The translation of a code ({@code prefix + code}), or the code itself when none exists yet. */
    public String label(String prefix, String code) {
        return strings.containsKey(prefix + code) ? strings.getString(prefix + code) : code;
    }

    /** A moment as moderators read it: in UTC, which is also how a custom ban end is entered. */
    public String time(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale)
                .withZone(ZoneOffset.UTC).format(instant) + " UTC";
    }

    /** A path of the moderation pages in this page's language. */
    public String path(String path) {
        return path + (path.contains("?") ? "&" : "?") + "lang=" + lang();
    }
}
