package org.dateline.alerts.internal.delivery;

import java.net.URI;
import java.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import org.dateline.alerts.ManageLinks;
import org.dateline.editions.Edition;
import org.dateline.editions.Editions;
import org.dateline.platform.mail.RichMail;
import org.dateline.platform.web.BaseUrl;
import org.springframework.stereotype.Component;

/**
 * Renders alert mails and daily digests from the templates {@code alerts/mail.jte} and {@code alerts/mail-text.jte},
 * in the language of the story's edition (of the subscriber's, for a digest), with the RFC 8058 headers
 * ({@code List-Unsubscribe} to the subscription's one-click end, or for a digest to the end of every digest
 * subscription of the subscriber; {@code List-Unsubscribe-Post}) and a Message-ID made from the alert's id, the same
 * however often it is sent.
 */
@Component
class AlertMails {

    private final TemplateEngine templates;
    private final ManageLinks links;
    private final BaseUrl baseUrl;
    private final Editions editions;

    AlertMails(TemplateEngine templates, ManageLinks links, BaseUrl baseUrl, Editions editions) {
        this.templates = templates;
        this.links = links;
        this.baseUrl = baseUrl;
        this.editions = editions;
    }

    static ResourceBundle strings(Locale locale) {
        return ResourceBundle.getBundle("i18n.alertmail", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    static Locale locale(String tag) {
        Locale locale = Locale.forLanguageTag(tag.replace('_', '-'));
        return "ru".equals(locale.getLanguage()) ? locale : Locale.ENGLISH;
    }

    RichMail alert(JdbcAlerts.Claimed alert) {
        Locale locale = locale(alert.locale());
        ResourceBundle strings = strings(locale);
        String site = siteName(alert.edition());
        String text = alert.note() != null ? alert.note() : alert.lead();
        AlertMail.Item item = new AlertMail.Item(strings.getString("label." + alert.kind()), alert.headline(),
                text, baseUrl.of(alert.path()));
        String unsubscribe = links.unsubscribe(alert.subscriptionId(), alert.manageKey());
        AlertMail mail = new AlertMail(locale.getLanguage(), site, strings.getString("heading." + alert.kind()), null,
                List.of(item), strings.getString("read"), strings.getString("unsubscribe"), unsubscribe,
                strings.getString("manage"), links.manage(alert.subscriberId(), alert.manageKey()),
                format(strings, locale, "why", site));
        return rich(alert.email(), format(strings, locale, "subject." + alert.kind(), alert.headline()), mail,
                unsubscribe, "alert-" + alert.id());
    }

    RichMail digest(JdbcAlerts.ClaimedDigest digest, List<JdbcAlerts.Claimed> entries, String edition) {
        Locale locale = locale(digest.locale());
        ResourceBundle strings = strings(locale);
        String site = siteName(edition);
        List<AlertMail.Item> items = entries.stream().map(e -> new AlertMail.Item(strings.getString("label."
                + e.kind()), e.headline(), e.note() != null ? e.note() : e.lead(), baseUrl.of(e.path()))).toList();
        // A digest gathers several subscriptions into one mail, and a reader who ends "this mail" expects no digest
        // tomorrow: the one-click link ends every digest subscription of the subscriber. The visible link opens
        // their page, which lists each subscription and ends one or all.
        String unsubscribe = links.unsubscribeDigest(digest.subscriberId(), digest.manageKey());
        String manage = links.manage(digest.subscriberId(), digest.manageKey());
        AlertMail mail = new AlertMail(locale.getLanguage(), site, strings.getString("digest.heading"),
                strings.getString("digest.intro"), items, strings.getString("read"), strings.getString("unsubscribe"),
                manage, strings.getString("manage"), manage, format(strings, locale, "why.digest", site));
        return rich(digest.email(), format(strings, locale, "digest.subject", site, items.size()), mail, unsubscribe,
                "digest-" + digest.id());
    }

    /** The title of a push notification, in the story's edition's language. */
    String pushTitle(JdbcAlerts.Claimed alert) {
        Locale locale = locale(alert.locale());
        return format(strings(locale), locale, "push.title." + alert.kind(), alert.headline());
    }

    private RichMail rich(String to, String subject, AlertMail mail, String unsubscribe, String local) {
        Map<String, Object> params = Map.of("mail", mail);
        StringOutput html = new StringOutput();
        templates.render("alerts/mail.jte", params, html);
        StringOutput text = new StringOutput();
        templates.render("alerts/mail-text.jte", params, text);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<" + unsubscribe + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        headers.put("Auto-Submitted", "auto-generated");
        return new RichMail(to, subject, text.toString(), html.toString(), headers,
                "<" + local + "@" + host() + ">");
    }

    private String host() {
        String host = URI.create(baseUrl.of("/")).getHost();
        return host == null ? "dateline.invalid" : host;
    }

    private String siteName(String edition) {
        return editions.find(edition).map(Edition::siteName).orElse("Dateline");
    }

    private static String format(ResourceBundle strings, Locale locale, String key, Object... arguments) {
        return new MessageFormat(strings.getString(key), locale).format(arguments);
    }
}
