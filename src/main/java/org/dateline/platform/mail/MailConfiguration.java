package org.dateline.platform.mail;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.dateline.platform.DatelineSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * SMTP when Spring Boot configured a mail sender ({@code spring.mail.host}); the .eml outbox otherwise. The sender
 * address is {@code dateline.mail.from} ({@code DATELINE_MAIL_FROM}).
 */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    @Bean
    MailOutbox mailOutbox(DatelineSettings settings, Clock clock) {
        return new MailOutbox(settings, clock);
    }

    @Bean
    BackgroundMailer mailer(ObjectProvider<JavaMailSender> smtp, MailOutbox outbox, DatelineSettings settings) {
        return new BackgroundMailer(smtp.getIfAvailable(), outbox, settings.mail().from());
    }

    @Bean
    MailDelivery mailDelivery(ObjectProvider<JavaMailSender> smtp, MailOutbox outbox, DatelineSettings settings) {
        return new SmtpMailDelivery(smtp.getIfAvailable(), outbox, settings.mail().from());
    }

    static final class BackgroundMailer implements Mailer, DisposableBean {

        private static final Logger log = LoggerFactory.getLogger(BackgroundMailer.class);

        private final JavaMailSender smtp;
        private final MailOutbox outbox;
        private final String from;
        private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "mail-sender");
            thread.setDaemon(true);
            return thread;
        });

        BackgroundMailer(JavaMailSender smtp, MailOutbox outbox, String from) {
            this.smtp = smtp;
            this.outbox = outbox;
            this.from = from;
            if (smtp == null) {
                log.info("No SMTP host configured (spring.mail.host): mail is written to {}", outbox.folder());
            }
        }

        @Override
        public void send(Mail mail) {
            sender.execute(() -> deliver(mail));
        }

        private void deliver(Mail mail) {
            try {
                if (smtp == null) {
                    outbox.write(from, mail);
                } else {
                    SimpleMailMessage message = new SimpleMailMessage();
                    message.setFrom(from);
                    message.setTo(mail.to());
                    message.setSubject(mail.subject());
                    message.setText(mail.text());
                    smtp.send(message);
                }
            } catch (RuntimeException failed) { // MailException and outbox I/O alike
                // The text holds single-use links: never log it.
                log.error("Could not send the mail '{}': {}", mail.subject(), failed.toString());
            }
        }

        @Override
        public void destroy() throws InterruptedException {
            sender.shutdown();
            sender.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
