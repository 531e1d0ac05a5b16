package org.dateline.platform.mail;

/** One plain-text mail to one recipient. */
public record Mail(String to, String subject, String text) {

    public Mail {
        if (to == null || to.isBlank() || subject == null || text == null) {
            throw new IllegalArgumentException("a mail needs a recipient, a subject and a text");
        }
    }
}
