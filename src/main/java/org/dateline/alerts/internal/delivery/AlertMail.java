package org.dateline.alerts.internal.delivery;

import java.util.List;

/**
 * What an alert mail or a daily digest says, already in the edition's language, for the templates
 * {@code alerts/mail.jte} (HTML) and {@code alerts/mail-text.jte} (plain text).
 *
 * @param items          the stories: one for an alert, the day's for a digest
 * @param unsubscribeUrl the visible unsubscribe link: the one-click end of the subscription an alert came through;
 *                       for a digest, which gathers several, the subscriber's page (the same as {@code manageUrl},
 *                       then shown once)
 * @param manageUrl      the subscriber's page
 */
public record AlertMail(String lang, String siteName, String heading, String intro, List<Item> items,
                        String readLabel, String unsubscribeLabel, String unsubscribeUrl, String manageLabel,
                        String manageUrl, String why) {

    /** One story: its headline, what happened (a lead, a correction), its address. */
    public record Item(String label, String headline, String text, String url) {
    }
}
