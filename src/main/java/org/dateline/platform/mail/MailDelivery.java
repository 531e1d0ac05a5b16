package org.dateline.platform.mail;

import java.util.List;

/**
 * Sends mail on the caller's thread and says what became of each one, for senders that keep their own outbox and try
 * again ({@link Mailer} is fire-and-forget). SMTP when {@code spring.mail.host} is set, else the .eml outbox folder.
 */
public interface MailDelivery {

    /** What became of one mail. */
    enum Outcome {
        /** The mail server took it (or it was written to the outbox). */
        SENT,
        /** Worth another try later: the server is unreachable, busy, or answered 4xx. */
        RETRY,
        /** The server refused it for good (a 5xx reply): never try this address again. */
        REJECTED
    }

    /** Sends the mails, over one connection when it can, and returns one outcome per mail, in the same order. */
    List<Outcome> send(List<RichMail> mails);
}
