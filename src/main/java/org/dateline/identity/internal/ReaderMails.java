package org.dateline.identity.internal;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

import org.dateline.identity.ReaderPages;
import org.dateline.platform.mail.Mail;
import org.dateline.platform.mail.Mailer;
import org.dateline.platform.web.BaseUrl;
import org.springframework.stereotype.Component;

/** The mails of the account pages, in the reader's language, with absolute links to the configured site origin. */
@Component
class ReaderMails {

    private final Mailer mailer;
    private final BaseUrl baseUrl;

    ReaderMails(Mailer mailer, BaseUrl baseUrl) {
        this.mailer = mailer;
        this.baseUrl = baseUrl;
    }

    void confirmation(String email, String name, String token, Locale locale) {
        send(email, locale, "mail.confirm", name, link("/account/confirm?token=" + token, locale));
    }

    void alreadyRegistered(String email, Locale locale) {
        send(email, locale, "mail.registered", "", link("/account/login", locale), link("/account/reset", locale),
                link("/account/confirm/resend", locale));
    }

    void passwordReset(String email, String name, String token, Locale locale) {
        send(email, locale, "mail.reset", name, link("/account/reset/confirm?token=" + token, locale));
    }

    private void send(String email, Locale locale, String key, Object... arguments) {
        ResourceBundle strings = ReaderPages.strings(locale);
        mailer.send(new Mail(email, strings.getString(key + ".subject"),
                new MessageFormat(strings.getString(key + ".text"), locale).format(arguments)));
    }

    private String link(String path, Locale locale) {
        return baseUrl.of(path) + (path.contains("?") ? "&" : "?") + "lang=" + locale.getLanguage();
    }
}
