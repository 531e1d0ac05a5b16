package org.dateline.platform.mail;

/**
 * Sends mail through SMTP ({@code spring.mail.*}) or, with no SMTP host configured, writes it to the outbox folder.
 * Sending happens off the request thread, so a request takes as long whether it sends a mail or not, and a slow or
 * failing mail server never fails a request: failures are logged.
 */
public interface Mailer {

    void send(Mail mail);
}
