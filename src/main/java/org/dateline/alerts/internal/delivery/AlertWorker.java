package org.dateline.alerts.internal.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.dateline.alerts.internal.push.PushSender;
import org.dateline.platform.mail.MailDelivery;
import org.dateline.platform.mail.RichMail;
import org.dateline.platform.scheduling.RoundThread;
import org.dateline.platform.web.BaseUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns alert jobs into sent alerts, on every node; claims with leases let one node at a time work on each row, so
 * the cluster does each thing once. A round: expands open jobs (one alert per follower and channel, de-duplicated by
 * key), makes the digests that are due (once per subscriber and local day: a unique key), then sends what is due by
 * email and push, and the due digests, {@link AlertSettings#senders} batches at a time.
 * <p>
 * At least once: a node that dies mid-batch leaves its lease to run out and another node sends the batch again, with
 * the same Message-ID. A failure is tried again on the {@link AlertSettings#retryAfter} schedule; a permanent one (a
 * 5xx from the mail server, a push subscription gone or refused) ends that channel of the subscriber.
 */
@Component
class AlertWorker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AlertWorker.class);
    static final int JOBS_PER_ROUND = 20;
    static final Duration PUSH_TTL = Duration.ofHours(12);
    /** A round hands over after this long, so the thread checks for jobs and digests again. */
    static final Duration ROUND_BUDGET = Duration.ofSeconds(20);

    private final JdbcAlerts alerts;
    private final AlertMails mails;
    private final MailDelivery mail;
    private final ObjectProvider<PushSender> push;
    private final AlertSettings settings;
    private final TransactionTemplate transaction;
    private final BaseUrl baseUrl;
    private final JsonMapper json;
    private final Clock clock;
    private final RoundThread rounds = new RoundThread("alert-deliveries");
    private final ExecutorService senders;

    AlertWorker(JdbcAlerts alerts, AlertMails mails, MailDelivery mail, ObjectProvider<PushSender> push,
                AlertSettings settings, PlatformTransactionManager transactions, BaseUrl baseUrl, JsonMapper json,
                Clock clock) {
        this.alerts = alerts;
        this.mails = mails;
        this.mail = mail;
        this.push = push;
        this.settings = settings;
        this.transaction = new TransactionTemplate(transactions);
        this.baseUrl = baseUrl;
        this.json = json;
        this.clock = clock;
        this.senders = Executors.newFixedThreadPool(settings.senders(), r -> {
            Thread thread = new Thread(r, "alert-sender");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts a round unless one is under way; runs every {@link AlertSettings#interval}. */
    void tick() {
        rounds.offer(() -> {
            try {
                round();
            } catch (RuntimeException e) {
                log.warn("Alert delivery round failed; the next round retries", e);
            }
        });
    }

    /** One round; returns how many jobs, digests and alerts it handled. */
    int round() {
        int done = expandJobs() + makeDigests();
        Instant end = clock.instant().plus(ROUND_BUDGET);
        int sent;
        do {
            sent = sendInParallel();
            done += sent;
        } while (sent > 0 && clock.instant().isBefore(end) && !Thread.currentThread().isInterrupted());
        return done;
    }

    int expandJobs() {
        Instant now = clock.instant();
        String claim = UUID.randomUUID().toString();
        int expanded = 0;
        for (long id : alerts.openJobs(now, JOBS_PER_ROUND)) {
            Optional<JdbcAlerts.Job> job = alerts.claimJob(id, claim, now, now.plus(settings.lease()));
            if (job.isEmpty()) {
                continue;
            }
            try {
                Integer added = transaction.execute(status -> {
                    int n = alerts.expand(job.get(), clock.instant());
                    if (!alerts.jobExpanded(id, claim, clock.instant())) {
                        status.setRollbackOnly(); // withdrawn meanwhile, or the lease was lost
                        return 0;
                    }
                    return n;
                });
                expanded++;
                log.debug("Alert job {} expanded into {} alerts", id, added);
            } catch (DuplicateKeyException raced) {
                // Another node expanded a job of the same story at the same moment: the next round tries again and
                // adds only what is still missing.
                log.debug("Alert job {} met another expansion; it is tried again", id);
                alerts.releaseJob(id, claim);
            }
        }
        return expanded;
    }

    int makeDigests() {
        Instant now = clock.instant();
        int made = 0;
        for (JdbcAlerts.Waiting waiting : alerts.waitingForDigest(1000)) {
            ZonedDateTime local;
            try {
                local = now.atZone(ZoneId.of(waiting.timeZone()));
            } catch (java.time.DateTimeException unknownZone) {
                local = now.atZone(java.time.ZoneOffset.UTC);
            }
            if (local.getHour() < waiting.digestHour()) {
                continue;
            }
            java.time.LocalDate day = local.toLocalDate();
            try {
                transaction.executeWithoutResult(status -> alerts.makeDigest(waiting.subscriberId(), day, now));
                made++;
            } catch (DuplicateKeyException today) {
                // Today's digest exists (this node's or another's): these wait for tomorrow's.
            }
        }
        return made;
    }

    private int sendInParallel() {
        List<Future<Integer>> batches = new ArrayList<>();
        for (int i = 0; i < settings.senders(); i++) {
            int offset = i * settings.batch();
            batches.add(senders.submit(() -> sendEmails(offset) + sendPushes(offset) + sendDigests()));
        }
        int sent = 0;
        for (Future<Integer> batch : batches) {
            try {
                sent += batch.get();
            } catch (java.util.concurrent.ExecutionException failed) {
                log.warn("An alert batch failed; its lease runs out and it is sent again", failed.getCause());
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
                return sent;
            }
        }
        return sent;
    }

    int sendEmails(int offset) {
        Instant now = clock.instant();
        String claim = UUID.randomUUID().toString();
        List<JdbcAlerts.Claimed> claimed = alerts.claimAlerts("EMAIL", claim, now, now.plus(settings.lease()),
                settings.batch(), offset);
        if (claimed.isEmpty()) {
            return 0;
        }
        List<JdbcAlerts.Outcome> outcomes = new ArrayList<>();
        List<JdbcAlerts.Claimed> sending = new ArrayList<>();
        List<RichMail> messages = new ArrayList<>();
        for (JdbcAlerts.Claimed alert : claimed) {
            if (!alert.live()) {
                outcomes.add(new JdbcAlerts.Outcome(alert.id(), "WITHDRAWN", alert.attempts(), now, "withdrawn",
                        null));
            } else if (alert.email() == null) {
                outcomes.add(new JdbcAlerts.Outcome(alert.id(), "FAILED", alert.attempts(), now, "no address",
                        null));
            } else {
                sending.add(alert);
                messages.add(mails.alert(alert));
            }
        }
        List<MailDelivery.Outcome> results = messages.isEmpty() ? List.of() : mail.send(messages);
        Instant at = clock.instant();
        List<Long> bounced = new ArrayList<>();
        for (int i = 0; i < sending.size(); i++) {
            JdbcAlerts.Claimed alert = sending.get(i);
            MailDelivery.Outcome result = results.get(i);
            if (result == MailDelivery.Outcome.REJECTED) {
                bounced.add(alert.subscriberId());
            }
            outcomes.add(outcome(alert.id(), alert.attempts(), result == MailDelivery.Outcome.SENT,
                    result == MailDelivery.Outcome.REJECTED, result == MailDelivery.Outcome.REJECTED
                            ? "refused by the mail server" : "mail server unavailable", at));
        }
        alerts.finish(claim, outcomes);
        for (long subscriber : bounced) {
            alerts.endChannels(subscriber, List.of("EMAIL", "DIGEST"), "bounced", at);
        }
        return claimed.size();
    }

    int sendPushes(int offset) {
        PushSender sender = push.getIfAvailable();
        if (sender == null) {
            return 0; // push alerts wait until a node with a push sender takes them
        }
        Instant now = clock.instant();
        String claim = UUID.randomUUID().toString();
        List<JdbcAlerts.Claimed> claimed = alerts.claimAlerts("PUSH", claim, now, now.plus(settings.lease()),
                settings.batch(), offset);
        List<JdbcAlerts.Outcome> outcomes = new ArrayList<>();
        List<Long> unreachable = new ArrayList<>();
        for (JdbcAlerts.Claimed alert : claimed) {
            if (!alert.live()) {
                outcomes.add(new JdbcAlerts.Outcome(alert.id(), "WITHDRAWN", alert.attempts(), now, "withdrawn",
                        null));
                continue;
            }
            byte[] payload = payload(alert);
            boolean sent = false;
            boolean retry = false;
            for (JdbcAlerts.PushTarget target : alerts.liveEndpoints(alert.subscriberId())) {
                PushSender.Outcome result;
                try {
                    result = sender.send(new PushSender.Target(target.id(), target.endpoint(), target.p256dh(),
                            target.auth()), payload, PUSH_TTL, "story-" + alert.articleId());
                } catch (RuntimeException failed) {
                    log.debug("Push sender failed: {}", failed.getClass().getSimpleName());
                    result = PushSender.Outcome.RETRY;
                }
                switch (result) {
                    case SENT -> sent = true;
                    case RETRY -> retry = true;
                    case GONE, REFUSED -> alerts.endEndpoint(target.id(), clock.instant());
                }
            }
            boolean permanent = !sent && !retry;
            if (permanent) {
                unreachable.add(alert.subscriberId());
            }
            outcomes.add(outcome(alert.id(), alert.attempts(), sent, permanent,
                    permanent ? "no live push endpoint" : "push service unavailable", clock.instant()));
        }
        alerts.finish(claim, outcomes);
        for (long subscriber : unreachable) {
            alerts.endChannels(subscriber, List.of("PUSH"), "push-gone", clock.instant());
        }
        return claimed.size();
    }

    int sendDigests() {
        Instant now = clock.instant();
        String claim = UUID.randomUUID().toString();
        List<JdbcAlerts.ClaimedDigest> claimed = alerts.claimDigests(claim, now, now.plus(settings.lease()),
                Math.max(1, settings.batch() / 10));
        for (JdbcAlerts.ClaimedDigest digest : claimed) {
            List<JdbcAlerts.Claimed> all = alerts.digestEntries(digest.id());
            alerts.withdrawAlerts(all.stream().filter(e -> !e.live()).map(JdbcAlerts.Claimed::id).toList());
            List<JdbcAlerts.Claimed> entries = all.stream().filter(JdbcAlerts.Claimed::live).toList();
            if (entries.isEmpty() || digest.email() == null) {
                alerts.finishDigest(digest.id(), claim, "WITHDRAWN", digest.attempts(), now,
                        digest.email() == null ? "no address" : "withdrawn", null);
                continue;
            }
            MailDelivery.Outcome result = mail.send(List.of(mails.digest(digest, entries,
                    entries.get(0).edition()))).get(0);
            Instant at = clock.instant();
            int attempts = digest.attempts() + 1;
            if (result == MailDelivery.Outcome.SENT) {
                alerts.finishDigest(digest.id(), claim, "SENT", attempts, at, null, at);
            } else {
                Duration wait = result == MailDelivery.Outcome.REJECTED ? null : settings.retryAfter(attempts);
                String error = result == MailDelivery.Outcome.REJECTED ? "refused by the mail server"
                        : "mail server unavailable";
                alerts.finishDigest(digest.id(), claim, wait == null ? "FAILED" : "PENDING", attempts,
                        wait == null ? at : at.plus(wait), error, null);
                if (result == MailDelivery.Outcome.REJECTED) {
                    alerts.endChannels(digest.subscriberId(), List.of("EMAIL", "DIGEST"), "bounced", at);
                }
            }
        }
        return claimed.size();
    }

    private JdbcAlerts.Outcome outcome(long id, int attempts, boolean sent, boolean permanent, String error,
                                       Instant at) {
        int tried = attempts + 1;
        if (sent) {
            return new JdbcAlerts.Outcome(id, "SENT", tried, at, null, at);
        }
        Duration wait = permanent ? null : settings.retryAfter(tried);
        return wait == null ? new JdbcAlerts.Outcome(id, "FAILED", tried, at, error, null)
                : new JdbcAlerts.Outcome(id, "PENDING", tried, at.plus(wait), error, null);
    }

    /** The JSON the service worker shows: {@code title}, {@code body}, {@code url}, {@code tag}. */
    private byte[] payload(JdbcAlerts.Claimed alert) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", mails.pushTitle(alert));
        String text = alert.note() != null ? alert.note() : alert.lead();
        body.put("body", text == null ? "" : text.length() > 240 ? text.substring(0, 239) + "…" : text);
        body.put("url", baseUrl.of(alert.path()));
        body.put("tag", "story-" + alert.articleId());
        return json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void destroy() {
        rounds.close();
        senders.shutdownNow();
    }
}
