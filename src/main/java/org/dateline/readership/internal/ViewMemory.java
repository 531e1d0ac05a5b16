package org.dateline.readership.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;

/**
 * What this node remembers of views, so that the common answers need no database: which articles were live a
 * moment ago (positive answers only, for {@link #LIVE_FOR}: a view of an article taken down meanwhile may still count
 * for that long), which viewers were counted today here (their repeats are answered at once), and each article's
 * total (for {@link #TOTAL_FOR}; a view counted here sets it at once). Another node's counts reach this one's totals
 * within that second; its marks still make a repeat there "not counted" through the database.
 */
@Component
public class ViewMemory {

    static final Duration LIVE_FOR = Duration.ofSeconds(5);
    static final Duration TOTAL_FOR = Duration.ofSeconds(1);

    private final Cache<Long, Boolean> live = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(LIVE_FOR)
            .build();
    private final Cache<String, Boolean> seen = Caffeine.newBuilder().maximumSize(1_000_000)
            .expireAfterWrite(Duration.ofHours(25)).build();
    private final Cache<Long, Long> totals = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(TOTAL_FOR)
            .build();

    /** Whether the article is live: from memory when it was a moment ago, else asked (and kept only when it is). */
    public boolean live(long articleId, Supplier<Boolean> ask) {
        if (live.getIfPresent(articleId) != null) {
            return true;
        }
        boolean now = ask.get();
        if (now) {
            live.put(articleId, Boolean.TRUE);
        }
        return now;
    }

    /** Whether this viewer's view of the article was counted (or found counted) on this node that day. */
    public boolean seen(long articleId, String viewer, LocalDate day) {
        return seen.getIfPresent(key(articleId, viewer, day)) != null;
    }

    public void remember(long articleId, String viewer, LocalDate day) {
        seen.put(key(articleId, viewer, day), Boolean.TRUE);
    }

    /** The article's total, from memory when read or set within the last second. */
    public long total(long articleId, LongSupplier read) {
        Long known = totals.getIfPresent(articleId);
        if (known != null) {
            return known;
        }
        return totals.asMap().merge(articleId, read.getAsLong(), Math::max); // totals only grow
    }

    /**
     * The total just read after a view counted here. Views counted at once read their totals in any order: the
     * highest stands, so a total shown never goes back.
     *
     * @return the total to show: the highest this node knows
     */
    public long total(long articleId, long total) {
        return totals.asMap().merge(articleId, total, Math::max);
    }

    private static String key(long articleId, String viewer, LocalDate day) {
        return articleId + "|" + viewer + "|" + day;
    }
}
