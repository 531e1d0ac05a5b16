package org.dateline.platform.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.dateline.platform.DatelineSettings;

/**
 * The folder {@code <data-dir>/mail/outbox}: where mail goes when no SMTP server is configured, one RFC 822 .eml file
 * per mail, readable by any mail program and listed for administrators in the newsroom.
 */
public class MailOutbox {

    private static final Pattern NAME = Pattern.compile("[0-9]{8}T[0-9]{9}Z-[0-9a-f]{8}\\.eml");

    private final Path folder;
    private final Clock clock;
    private final Session session = Session.getInstance(new Properties());

    public MailOutbox(DatelineSettings settings, Clock clock) {
        this.folder = settings.dataDir().resolve("mail").resolve("outbox");
        this.clock = clock;
    }

    public Path folder() {
        return folder;
    }

    void write(String from, Mail mail) {
        Instant now = clock.instant();
        String stamp = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
                .withZone(java.time.ZoneOffset.UTC).format(now);
        String name = stamp + "-" + UUID.randomUUID().toString().substring(0, 8) + ".eml";
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(from));
            message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(mail.to()));
            message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
            message.setText(mail.text(), StandardCharsets.UTF_8.name());
            message.setSentDate(java.util.Date.from(now));
            store(message, name);
        } catch (MessagingException e) {
            throw new IllegalStateException("Cannot write the mail to the outbox", e);
        }
    }

    /** Writes a finished message (its headers and parts as they are) to the outbox. */
    void write(MimeMessage message) {
        String stamp = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
                .withZone(java.time.ZoneOffset.UTC).format(clock.instant());
        try {
            store(message, stamp + "-" + UUID.randomUUID().toString().substring(0, 8) + ".eml");
        } catch (MessagingException e) {
            throw new IllegalStateException("Cannot write the mail to the outbox", e);
        }
    }

    private void store(MimeMessage message, String name) throws MessagingException {
        try {
            Files.createDirectories(folder);
            Path temporary = folder.resolve(name + ".part");
            try (OutputStream out = Files.newOutputStream(temporary)) {
                message.writeTo(out);
            }
            Files.move(temporary, folder.resolve(name), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The newest mails first. */
    public List<OutboxMail> list(int limit) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<OutboxMail> mails = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> NAME.matcher(f.getFileName().toString()).matches())
                    .sorted(Comparator.comparing(Path::getFileName).reversed()).limit(limit).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    MimeMessage message = new MimeMessage(session, in);
                    Address[] to = message.getRecipients(MimeMessage.RecipientType.TO);
                    mails.add(new OutboxMail(file.getFileName().toString(),
                            message.getSentDate() == null ? Files.getLastModifiedTime(file).toInstant()
                                    : message.getSentDate().toInstant(),
                            to == null || to.length == 0 ? "" : to[0].toString(), message.getSubject()));
                } catch (MessagingException unreadable) {
                    mails.add(new OutboxMail(file.getFileName().toString(),
                            Files.getLastModifiedTime(file).toInstant(), "", "(unreadable)"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return mails;
    }

    /** The decoded text of one mail, by the name {@link #list} gave; empty for any other name. */
    public Optional<String> text(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        Path file = folder.resolve(name);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file)) {
            Object content = new MimeMessage(session, in).getContent();
            return Optional.of(content instanceof String text ? text : String.valueOf(content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            return Optional.of("(unreadable)");
        }
    }
}
