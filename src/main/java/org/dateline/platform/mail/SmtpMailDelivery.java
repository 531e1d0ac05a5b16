package org.dateline.platform.mail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * {@link MailDelivery} through Spring's {@link JavaMailSender} (one SMTP connection for a batch) or, without SMTP,
 * into the {@link MailOutbox}. A 5xx reply to the message or to its recipient is {@link Outcome#REJECTED}; every
 * other failure (connection, timeout, 4xx) is {@link Outcome#RETRY}.
 */
final class SmtpMailDelivery implements MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(SmtpMailDelivery.class);
    /** The stream provider of the mail implementation on the class path (Angus Mail's). */
    private static final String STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    static {
        // Jakarta Mail 2.1 looks its stream provider up through the ServiceLoader for every part it writes (a tenth
        // of a large alert send, scanning the class path each time); named by this system property, it is made by
        // name instead. A setting of the operator's own stands.
        String property = jakarta.mail.util.StreamProvider.class.getName();
        if (System.getProperty(property) == null && present(STREAM_PROVIDER)) {
            System.setProperty(property, STREAM_PROVIDER);
        }
    }

    private final JavaMailSender smtp;
    private final MailOutbox outbox;
    private final String from;
    private final Session session = Session.getInstance(new java.util.Properties());

    SmtpMailDelivery(JavaMailSender smtp, MailOutbox outbox, String from) {
        this.smtp = smtp;
        this.outbox = outbox;
        this.from = from;
    }

    @Override
    public List<Outcome> send(List<RichMail> mails) {
        List<Outcome> outcomes = new ArrayList<>(mails.size());
        List<MimeMessage> messages = new ArrayList<>(mails.size());
        for (RichMail mail : mails) {
            try {
                messages.add(message(mail));
            } catch (MessagingException | IllegalArgumentException unusable) {
                // An address that cannot even be written down is never deliverable.
                messages.add(null);
            }
        }
        if (smtp == null) {
            for (MimeMessage message : messages) {
                if (message == null) {
                    outcomes.add(Outcome.REJECTED);
                    continue;
                }
                try {
                    outbox.write(message);
                    outcomes.add(Outcome.SENT);
                } catch (RuntimeException failed) {
                    log.warn("Could not write a mail to the outbox: {}", failed.toString());
                    outcomes.add(Outcome.RETRY);
                }
            }
            return outcomes;
        }
        Map<Object, Exception> failed = new IdentityHashMap<>();
        List<MimeMessage> sendable = messages.stream().filter(m -> m != null).toList();
        if (!sendable.isEmpty()) {
            try {
                smtp.send(sendable.toArray(MimeMessage[]::new));
            } catch (MailSendException partly) {
                failed.putAll(partly.getFailedMessages());
                if (failed.isEmpty()) {
                    sendable.forEach(m -> failed.put(m, partly));
                }
            } catch (MailException none) {
                sendable.forEach(m -> failed.put(m, none));
            }
        }
        for (MimeMessage message : messages) {
            if (message == null) {
                outcomes.add(Outcome.REJECTED);
            } else if (!failed.containsKey(message)) {
                outcomes.add(Outcome.SENT);
            } else {
                Exception problem = failed.get(message);
                // The addresses and texts are personal: only the kind of failure is logged.
                log.debug("Mail not sent: {}", problem.getClass().getSimpleName());
                outcomes.add(permanent(problem) ? Outcome.REJECTED : Outcome.RETRY);
            }
        }
        return outcomes;
    }

    /** Whether the server answered 5xx to the message or one of its recipients. */
    static boolean permanent(Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            int code = returnCode(t);
            if (code >= 500 && code < 600) {
                return true;
            }
        }
        return false;
    }

    /**
     * The SMTP reply code the mail provider's exceptions carry ({@code SMTPAddressFailedException},
     * {@code SMTPSendFailedException} of Angus Mail, a runtime dependency only); 0 for any other.
     */
    private static int returnCode(Throwable t) {
        if (!t.getClass().getName().startsWith("org.eclipse.angus.mail.smtp.SMTP")) {
            return 0;
        }
        try {
            return (Integer) t.getClass().getMethod("getReturnCode").invoke(t);
        } catch (ReflectiveOperationException | ClassCastException none) {
            return 0;
        }
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException messaging && messaging.getNextException() != null
                && messaging.getNextException() != t) {
            return messaging.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }

    private MimeMessage message(RichMail mail) throws MessagingException {
        MimeMessage message = new FixedIdMessage(session, mail.messageId());
        message.setFrom(new InternetAddress(from));
        message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(mail.to(), true));
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        for (Map.Entry<String, String> header : mail.headers().entrySet()) {
            message.setHeader(header.getKey(), header.getValue());
        }
        if (mail.html() == null) {
            message.setText(mail.text(), StandardCharsets.UTF_8.name());
        } else {
            MimeMultipart alternative = new MimeMultipart("alternative");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(mail.text(), StandardCharsets.UTF_8.name(), "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            message.setContent(alternative);
        }
        message.saveChanges();
        return message;
    }

    /** A message whose Message-ID is given, not made anew each time it is saved. */
    private static final class FixedIdMessage extends MimeMessage {

        private final String id;

        FixedIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, SmtpMailDelivery.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException absent) {
            return false;
        }
    }
}
