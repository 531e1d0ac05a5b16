package org.dateline.readership;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import org.dateline.content.ArticleState;
import org.dateline.content.ContentQueries;
import org.dateline.identity.Actor;
import org.dateline.readership.internal.HourlyViews;
import org.dateline.readership.internal.JdbcArticleViews;
import org.dateline.readership.internal.ViewMemory;
import org.dateline.readership.internal.ViewHours;
import org.dateline.readership.internal.ViewThrottle;
import org.dateline.readership.internal.Viewers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts article views: is the address within its allowance → is the article live → who is the viewer (account, or
 * the address's hash of the day) → one mark per viewer, article and day, and the total moves only when the mark is
 * new. The mark and the total change in one transaction; the day's salt is settled before it, in statements of its
 * own, so that a view that fails never leaves this node with a salt the database does not hold. A view that counted is
 * then added to its hour for {@link MostRead} in memory ({@link HourlyViews}, written every few seconds). A repeat
 * this node has seen today, the article's liveness and its total are answered from memory ({@link ViewMemory}): only a
 * view that may count writes.
 */
@Service
public class ArticleViews {

    /** What became of a view. */
    public sealed interface Outcome {
        /** The article's total after this view; {@code counted} false when this viewer was counted today already. */
        record Counted(long views, boolean counted) implements Outcome {
        }

        /** No live article by that id. */
        record NotFound() implements Outcome {
        }

        /** The address sent more views than its allowance; nothing was counted. */
        record Throttled() implements Outcome {
        }
    }

    private final ContentQueries content;
    private final JdbcArticleViews views;
    private final Viewers viewers;
    private final ViewThrottle throttle;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final ViewMemory memory;
    private final HourlyViews hourly;

    ArticleViews(ContentQueries content, JdbcArticleViews views, Viewers viewers, ViewThrottle throttle, Clock clock,
                 PlatformTransactionManager transactions, ViewMemory memory, HourlyViews hourly) {
        this.memory = memory;
        this.hourly = hourly;
        this.content = content;
        this.views = views;
        this.viewers = viewers;
        this.throttle = throttle;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Counts a view of the article by the logged-in reader, or by the anonymous visitor at the address.
     *
     * @param reader  the logged-in actor, empty for an anonymous visitor
     * @param address the client's address (as the server sees it)
     */
    public Outcome view(long articleId, Optional<Actor> reader, String address) {
        if (!throttle.tryAcquire(address)) {
            return new Outcome.Throttled();
        }
        if (!live(articleId)) {
            return new Outcome.NotFound();
        }
        Instant now = clock.instant();
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        String viewer = reader.map(actor -> Viewers.ofAccount(actor.accountId()))
                .orElseGet(() -> viewers.ofAddress(address, day));
        if (!memory.seen(articleId, viewer, day)) {
            boolean counted = Boolean.TRUE.equals(transaction.execute(status -> {
                boolean fresh = views.mark(articleId, viewer, day);
                if (fresh) {
                    views.addOne(articleId);
                }
                return fresh;
            }));
            memory.remember(articleId, viewer, day);
            if (counted) {
                hourly.add(articleId, ViewHours.hourOf(now));
                return new Outcome.Counted(memory.total(articleId, views.total(articleId)), true);
            }
        }
        return new Outcome.Counted(remembered(articleId), false);
    }

    /** The total of a live article (at most a second old); empty when there is none by that id. */
    public Optional<Long> total(long articleId) {
        return live(articleId) ? Optional.of(remembered(articleId)) : Optional.empty();
    }

    private long remembered(long articleId) {
        return memory.total(articleId, () -> views.total(articleId));
    }

    private boolean live(long articleId) {
        return memory.live(articleId,
                () -> content.state(articleId).filter(state -> state == ArticleState.LIVE).isPresent());
    }
}
