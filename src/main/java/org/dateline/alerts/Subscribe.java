package org.dateline.alerts;

import java.text.MessageFormat;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.dateline.alerts.internal.JdbcSubscriptions;
import org.dateline.alerts.internal.Targets;
import org.dateline.editions.Edition;
import org.dateline.editions.Editions;
import org.dateline.identity.ReaderPages;
import org.dateline.platform.mail.Mail;
import org.dateline.platform.mail.Mailer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A reader follows something. A logged-in reader's subscription runs at once (the account's address is confirmed);
 * a visitor's waits, with every other one they asked for since, until they confirm their address through the link
 * mailed to it (double opt-in): nothing but that mail goes to an address before. Push subscriptions come from the
 * browser's script, never from these forms. Everything is checked before anything is written, so a refusal leaves
 * nothing behind.
 */
@Service
public class Subscribe {

    /** What a subscribe form sends, as sent: every field is checked here. */
    public record Request(String edition, String topic, String target, String delivery, String hour, String zone) {

        /**
         * What the edition's subscribe page sends: one request for each {@code follow} value it checked, such as
         * {@code BREAKING:0} or {@code SECTION:12}, all delivered alike. A value of another shape names no topic.
         */
        public static List<Request> follows(String edition, List<String> follow, String delivery, String hour,
                                            String zone) {
            return follow.stream().filter(value -> !value.isBlank()).distinct().map(value -> {
                int colon = value.indexOf(':');
                return colon < 0 ? new Request(edition, value, "", delivery, hour, zone)
                        : new Request(edition, value.substring(0, colon), value.substring(colon + 1), delivery, hour,
                        zone);
            }).toList();
        }
    }

    /** A field that is not right, by its stable code ({@code alerts.problem.<code>} in the site's bundles). */
    public record Problem(String field, String code) {
    }

    public sealed interface Result {
    }

    /** Running now, each one asked for; {@code already} when every one of them ran before. */
    public record Subscribed(Subscriber subscriber, List<Subscription> subscriptions, boolean already)
            implements Result {
    }

    /** Waiting for the visitor to confirm their address: one mail for all of them is sent. */
    public record ConfirmationSent(Subscriber subscriber, List<Subscription> subscriptions) implements Result {
    }

    public record Refused(List<Problem> problems) implements Result {
    }

    /** A checked request. */
    record Checked(Edition edition, Topic topic, long target, Delivery delivery, Integer hour, ZoneId zone) {
    }

    private static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+");
    public static final int EMAIL_MAX = 254;
    /** The most things one form may follow at once: far more than an edition has sections. */
    public static final int FOLLOW_MAX = 100;

    private final Editions editions;
    private final Targets targets;
    private final JdbcSubscriptions store;
    private final ManageLinks links;
    private final Mailer mailer;
    private final Clock clock;

    Subscribe(Editions editions, Targets targets, JdbcSubscriptions store, ManageLinks links, Mailer mailer,
              Clock clock) {
        this.editions = editions;
        this.targets = targets;
        this.store = store;
        this.links = links;
        this.mailer = mailer;
        this.clock = clock;
    }

    /** A logged-in reader subscribes in one click: running at once. */
    @Transactional
    public Result forAccount(long accountId, Request request) {
        return forAccount(accountId, List.of(request));
    }

    /** A logged-in reader follows several things in one click, all or (when one is wrong) none. */
    @Transactional
    public Result forAccount(long accountId, List<Request> requests) {
        List<Problem> problems = new ArrayList<>();
        List<Checked> checked = check(requests, problems);
        if (checked == null) {
            return new Refused(problems);
        }
        Checked first = checked.get(0);
        Instant now = clock.instant();
        Subscriber subscriber = store.ensureForAccount(accountId, first.edition().code(), zone(first).getId(), now);
        if (first.hour() != null) {
            store.setDigest(subscriber.id(), first.hour(), zone(first).getId());
        }
        List<Subscription> subscriptions = new ArrayList<>();
        boolean already = true;
        for (Checked one : checked) {
            var started = store.start(subscriber.id(), one.topic(), one.edition().code(), one.target(),
                    one.delivery(), now, false);
            subscriptions.add(started.subscription());
            already &= started.already();
        }
        return new Subscribed(subscriber, subscriptions, already);
    }

    /**
     * A visitor subscribes with their email address. A new address (or one not confirmed yet) gets the confirmation
     * mail; so does a confirmed one, for this new subscription: whoever types an address cannot make it receive
     * alerts its owner never asked for.
     */
    @Transactional
    public Result forVisitor(String email, Request request) {
        return forVisitor(email, List.of(request));
    }

    /**
     * A visitor follows several things at once: all wait for the one confirmation mail, which names every one of
     * them that does not run already; when one is wrong, none is written.
     */
    @Transactional
    public Result forVisitor(String email, List<Request> requests) {
        List<Problem> problems = new ArrayList<>();
        String address = email(email, problems);
        List<Checked> checked = check(requests, problems);
        if (checked == null || address == null) {
            return new Refused(problems);
        }
        Checked first = checked.get(0);
        Instant now = clock.instant();
        Subscriber subscriber = store.ensureForEmail(address, first.edition().code(), zone(first).getId(), now);
        if (first.hour() != null && !subscriber.confirmed()) {
            store.setDigest(subscriber.id(), first.hour(), zone(first).getId());
        }
        List<Subscription> subscriptions = new ArrayList<>();
        List<Subscription> waiting = new ArrayList<>();
        for (Checked one : checked) {
            var started = store.start(subscriber.id(), one.topic(), one.edition().code(), one.target(),
                    one.delivery(), now, true);
            subscriptions.add(started.subscription());
            if (!started.already()) {
                waiting.add(started.subscription());
            }
        }
        if (waiting.isEmpty()) {
            return new Subscribed(subscriber, subscriptions, true);
        }
        Edition edition = editions.find(subscriber.edition()).orElse(first.edition());
        String confirm = links.confirm(subscriber.id(), subscriber.manageKey());
        String what = waiting.stream().map(s -> targets.label(s, edition.locale()))
                .collect(Collectors.joining("; "));
        afterCommit(() -> mailer.send(confirmationMail(address, edition.locale(), what, confirm)));
        return new ConfirmationSent(subscriber, subscriptions);
    }

    /**
     * What is wrong with a visitor's request, checked without writing anything (so that a caller may spend a rate
     * limit's token only on a request that can go through); empty when nothing is.
     */
    public List<Problem> problems(String email, List<Request> requests) {
        List<Problem> problems = new ArrayList<>();
        email(email, problems);
        check(requests, problems);
        return problems;
    }

    /** The normalised address, or null with the problem noted. */
    public static String email(String email, List<Problem> problems) {
        String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (address.isEmpty()) {
            problems.add(new Problem("email", "email_required"));
            return null;
        }
        if (address.length() > EMAIL_MAX || !EMAIL.matcher(address).matches()) {
            problems.add(new Problem("email", "email_invalid"));
            return null;
        }
        return address;
    }

    /** The hour a form sends (0–23), or null with the problem noted. */
    public static Integer hour(String hour, List<Problem> problems) {
        try {
            int value = Integer.parseInt(hour == null ? "" : hour.strip());
            if (value >= 0 && value <= 23) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // noted below
        }
        problems.add(new Problem("hour", "hour_invalid"));
        return null;
    }

    /** The time zone a form sends (an IANA name), or null with the problem noted. */
    public static ZoneId zone(String zone, List<Problem> problems) {
        try {
            if (zone != null && zone.length() <= 64 && zone.contains("/") || "UTC".equals(zone)) {
                return ZoneId.of(zone.strip());
            }
        } catch (DateTimeException unknown) {
            // noted below
        }
        problems.add(new Problem("zone", "zone_invalid"));
        return null;
    }

    /**
     * Every request checked, or null with the problems noted (each once): nothing is followed when one is wrong,
     * and something must be.
     */
    private List<Checked> check(List<Request> requests, List<Problem> problems) {
        if (requests.isEmpty()) {
            problems.add(new Problem("follow", "follow_none"));
            return null;
        }
        if (requests.size() > FOLLOW_MAX) {
            problems.add(new Problem("follow", "follow_too_many"));
            return null;
        }
        List<Problem> found = new ArrayList<>();
        List<Checked> checked = new ArrayList<>();
        for (Request request : requests) {
            Checked one = check(request, found);
            if (one != null) {
                checked.add(one);
            }
        }
        found.stream().distinct().forEach(problems::add);
        return checked.size() == requests.size() ? checked : null;
    }

    private Checked check(Request request, List<Problem> problems) {
        int before = problems.size();
        Optional<Edition> edition = editions.find(request.edition() == null ? "" : request.edition());
        if (edition.isEmpty()) {
            problems.add(new Problem("edition", "edition_unknown"));
        }
        Optional<Topic> topic = Topic.parse(request.topic());
        if (topic.isEmpty()) {
            problems.add(new Problem("topic", "topic_unknown"));
        }
        long target = -1;
        try {
            target = Long.parseLong(request.target() == null || request.target().isBlank() ? "0"
                    : request.target().strip());
        } catch (NumberFormatException notANumber) {
            problems.add(new Problem("target", "target_unknown"));
        }
        if (edition.isPresent() && topic.isPresent() && target >= 0
                && !targets.exists(topic.get(), edition.get().code(), target)) {
            problems.add(new Problem("target", "target_unknown"));
        }
        Optional<Delivery> delivery = Delivery.parse(request.delivery() == null || request.delivery().isBlank()
                ? "EMAIL" : request.delivery());
        if (delivery.isEmpty()) {
            problems.add(new Problem("delivery", "delivery_unknown"));
        } else if (delivery.get() == Delivery.PUSH) {
            problems.add(new Problem("delivery", "push_needs_script"));
        }
        Integer hour = null;
        ZoneId zone = null;
        if (delivery.orElse(null) == Delivery.DIGEST) {
            hour = hour(request.hour(), problems);
        }
        if (request.zone() != null && !request.zone().isBlank()) {
            // A hidden field the browser's script fills in: a zone this JDK does not know is no fault of the
            // reader's, who could not correct it; the edition's stands in, changeable on the subscriber's page.
            zone = zone(request.zone(), new ArrayList<>());
        }
        if (problems.size() > before) {
            return null;
        }
        return new Checked(edition.get(), topic.get(), target, delivery.get(), hour,
                zone == null ? edition.get().zone() : zone);
    }

    private static ZoneId zone(Checked checked) {
        return checked.zone();
    }

    private static Mail confirmationMail(String to, Locale locale, String what, String link) {
        ResourceBundle strings = ReaderPages.strings(locale);
        return new Mail(to, strings.getString("alerts.mail.confirm.subject"),
                new MessageFormat(strings.getString("alerts.mail.confirm.text"), locale)
                        .format(new Object[] {what, link}));
    }

    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
