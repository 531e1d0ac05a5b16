package org.dateline.readership.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The views this node counted, per article and hour, until they are written to {@code article_view_hours} for most
 * read: every {@link #FLUSH_EVERY}, before this node ranks, and when it stops, in one transaction whatever their
 * number (a busy article's hour is one {@code UPDATE … + n}). So a counted view costs most read a map update and no
 * statement of its own; the total, which readers see, still moves in the view's own transaction. What a node that
 * dies has not written yet (at most a few seconds of views) is missing from the ranking, never from the totals.
 */
@Component
public class HourlyViews {

    static final Duration FLUSH_EVERY = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(HourlyViews.class);

    /** Which article and hour. */
    record Hour(long articleId, long hour) {
    }

    private final ConcurrentHashMap<Hour, Integer> pending = new ConcurrentHashMap<>();
    private final JdbcArticleViews views;
    private final TransactionTemplate transaction;

    HourlyViews(JdbcArticleViews views, PlatformTransactionManager transactions) {
        this.views = views;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** One more view of the article counted in the hour. */
    public void add(long articleId, long hour) {
        pending.merge(new Hour(articleId, hour), 1, Integer::sum);
    }

    /**
     * Writes what was counted since the last write; on failure it stays for the next. One write at a time on a node,
     * so that when this returns every view added before the call is in the database (the ranking counts on it).
     * Rows in the order of article and hour, so that two nodes writing at once never wait on each other in a circle.
     *
     * @return the views written
     */
    public synchronized int flush() {
        List<Map.Entry<Hour, Integer>> taken = new ArrayList<>();
        for (Hour hour : pending.keySet()) {
            Integer views = pending.remove(hour);
            if (views != null) {
                taken.add(Map.entry(hour, views));
            }
        }
        if (taken.isEmpty()) {
            return 0;
        }
        taken.sort(Map.Entry.comparingByKey(Comparator.comparingLong(Hour::articleId).thenComparingLong(Hour::hour)));
        try {
            transaction.executeWithoutResult(status -> views.addToHours(taken));
        } catch (RuntimeException e) {
            taken.forEach(entry -> pending.merge(entry.getKey(), entry.getValue(), Integer::sum));
            throw e;
        }
        return taken.stream().mapToInt(Map.Entry::getValue).sum();
    }

    /** The scheduler's entrance: a failure is logged and the views wait for the next round. */
    void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("Views per hour not written; they wait for the next round: {}", e.toString());
        }
    }

    @PreDestroy
    void flushAtStop() {
        flushQuietly();
    }
}
