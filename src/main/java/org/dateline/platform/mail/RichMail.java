package org.dateline.platform.mail;

import java.util.Map;

/**
 * One mail to one recipient with a plain-text part and, when {@code html} is set, an HTML alternative; extra
 * {@code headers} (such as {@code List-Unsubscribe}) and a fixed {@code messageId} ({@code <local@host>}), so that a
 * mail sent again after a crash carries the same id and the receiver can tell it is the same mail.
 */
public record RichMail(String to, String subject, String text, String html, Map<String, String> headers,
                       String messageId) {

    public RichMail {
        if (to == null || to.isBlank() || subject == null || text == null || messageId == null) {
            throw new IllegalArgumentException("a mail needs a recipient, a subject, a text and a message id");
        }
        headers = Map.copyOf(headers);
    }
}
