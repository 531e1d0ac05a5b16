package org.dateline.readership.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.annotation.PreDestroy;
import org.dateline.changes.ChangeKinds;
import org.dateline.changes.ChangeLog;
import org.dateline.content.ArticlePlace;
import org.dateline.content.ContentQueries;
import org.dateline.platform.DatelineSettings;
import org.dateline.platform.scheduling.RoundThread;
import org.dateline.readership.Ranking;
import org.dateline.readership.internal.JdbcMostRead.Scope;
import org.dateline.readership.internal.JdbcMostRead.Score;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ranks what was read most over the last 24 hours, per edition and per section, once every
 * {@link ReadershipSettings#mostReadInterval} for the whole cluster: write this node's counted views of the hour
 * ({@link HourlyViews}) → claim the ranking that is due (one node wins) → sum each article's views of the last 24 hours → keep the live ones, best first, ten per list → store each list that
 * differs from the stored one and log {@code mostread.changed} with the keys of those lists, all in one transaction.
 * A list that did not change evicts nothing.
 * <p>
 * Every node's scheduler calls {@link #tick} each second; it asks the database only when the ranking this node last
 * heard of is due, and ranks on a thread of its own so that a slow ranking never holds up scheduled publishing.
 * Rankings fall due at whole multiples of the interval (every minute on the minute), whichever node takes them.
 */
@Component
public class RankMostRead {

    private static final Logger log = LoggerFactory.getLogger(RankMostRead.class);
    static final Duration TICK = Duration.ofSeconds(1);
    /** After a failure (the database away), so that a node does not log it every second. */
    static final Duration RETRY = Duration.ofSeconds(10);

    private final JdbcMostRead store;
    private final HourlyViews hourly;
    private final ContentQueries content;
    private final ChangeLog changes;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final long intervalMillis;
    private final String node;
    private final RoundThread thread = new RoundThread("most-read");
    /** When this node last heard the next ranking is due; before that, ticks ask nothing. */
    private volatile Instant knownDue = Instant.MIN;

    RankMostRead(JdbcMostRead store, HourlyViews hourly, ContentQueries content, ChangeLog changes,
                 PlatformTransactionManager transactions, Clock clock, ReadershipSettings settings,
                 DatelineSettings platform) {
        this.store = store;
        this.hourly = hourly;
        this.content = content;
        this.changes = changes;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.intervalMillis = settings.mostReadInterval().toMillis();
        this.node = platform.effectiveNodeId();
    }

    /** The scheduler's entrance: ranks on this module's thread when a ranking may be due. */
    void tick() {
        if (clock.instant().isBefore(knownDue)) {
            return;
        }
        thread.offer(() -> {
            try {
                rankIfDue();
            } catch (RuntimeException e) {
                knownDue = clock.instant().plus(RETRY);
                log.warn("Most read not ranked; tried again in {} s: {}", RETRY.toSeconds(), e.toString());
            }
        });
    }

    @PreDestroy
    void stop() {
        thread.close();
    }

    /** Ranks now if a ranking is due and no other node took it. @return whether this node ranked */
    public boolean rankIfDue() {
        return rankIfDue(clock.instant());
    }

    /** {@link #rankIfDue()} at the given time (the scheduler's is the clock's). */
    public boolean rankIfDue(Instant now) {
        hourly.flush(); // this node's own views are in the ranking to the last
        Instant next = nextAfter(now);
        boolean ranked = Boolean.TRUE.equals(transaction.execute(status -> {
            if (!store.claim(now, next, node)) {
                return false;
            }
            rank(now);
            return true;
        }));
        knownDue = ranked ? next : store.dueAt();
        return ranked;
    }

    /** The next whole multiple of the interval after the instant. */
    Instant nextAfter(Instant now) {
        return Instant.ofEpochMilli((Math.floorDiv(now.toEpochMilli(), intervalMillis) + 1) * intervalMillis);
    }

    private void rank(Instant now) {
        long started = System.nanoTime();
        List<Score> scores = store.scores(ViewHours.last24Hours(now));
        Map<Long, ArticlePlace> places = new HashMap<>();
        content.livePlaces(scores.stream().map(Score::articleId).toList())
                .forEach(place -> places.put(place.articleId(), place));
        Map<Scope, List<Long>> ranked = lists(scores, places);
        Map<Scope, List<Long>> stored = store.all();
        Set<Scope> scopes = new LinkedHashSet<>(stored.keySet());
        scopes.addAll(ranked.keySet());
        Map<String, List<String>> changedKeys = new TreeMap<>();
        for (Scope scope : scopes) {
            List<Long> list = ranked.getOrDefault(scope, List.of());
            if (!list.equals(stored.getOrDefault(scope, List.of()))) {
                store.replace(scope, list);
                changedKeys.computeIfAbsent(scope.edition(), edition -> new ArrayList<>())
                        .add(new Ranking(scope.edition(), scope.sectionId(), list).key());
            }
        }
        if (!changedKeys.isEmpty()) {
            changes.appendAll(changedKeys.entrySet().stream().map(edition -> new ChangeLog.Entry(
                    ChangeKinds.MOST_READ_CHANGED, edition.getKey(), null, edition.getValue())).toList());
        }
        log.debug("Most read ranked {} articles in {} ms; {} of {} lists changed", scores.size(),
                (System.nanoTime() - started) / 1_000_000, changedKeys.values().stream().mapToInt(List::size).sum(),
                scopes.size());
    }

    /**
     * The lists: best first (most views, then the newer id), each article in its edition's and its section's list,
     * at most {@link Ranking#SIZE} each; articles without a place (no longer live) are left out.
     */
    static Map<Scope, List<Long>> lists(List<Score> scores, Map<Long, ArticlePlace> places) {
        Map<Scope, List<Long>> lists = new LinkedHashMap<>();
        scores.stream()
                .sorted(Comparator.comparingLong(Score::perMille).thenComparingLong(Score::articleId).reversed())
                .forEach(score -> {
                    ArticlePlace place = places.get(score.articleId());
                    if (place != null) {
                        add(lists, new Scope(place.edition(), Ranking.WHOLE_EDITION), score.articleId());
                        add(lists, new Scope(place.edition(), place.sectionId()), score.articleId());
                    }
                });
        return lists;
    }

    private static void add(Map<Scope, List<Long>> lists, Scope scope, long articleId) {
        List<Long> list = lists.computeIfAbsent(scope, s -> new ArrayList<>());
        if (list.size() < Ranking.SIZE) {
            list.add(articleId);
        }
    }
}
