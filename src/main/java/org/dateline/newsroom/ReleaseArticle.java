package org.dateline.newsroom;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.dateline.changes.ChangeKinds;
import org.dateline.changes.ChangeLog;
import org.dateline.content.Article;
import org.dateline.content.ArticleStore;
import org.dateline.content.ContentKeys;
import org.dateline.content.ContentQueries;
import org.dateline.editions.Author;
import org.dateline.editions.Tag;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts scheduled and embargoed articles live when their time comes, and republishes unpublished ones on request.
 * Every node looks for due articles, but the conditional update lets exactly one node release each, so the change
 * is logged (and announced) once per cluster.
 */
@Service
public class ReleaseArticle {

    static final int BATCH = 100;

    private final ArticleStore store;
    private final ContentQueries content;
    private final ChangeLog changes;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReleaseArticle(ArticleStore store, ContentQueries content, ChangeLog changes, TransactionTemplate transaction,
                   ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.content = content;
        this.changes = changes;
        this.transaction = transaction;
        this.events = events;
        this.clock = clock;
    }

    /** Releases every article whose time has come; returns how many this node released. */
    @Scheduled(fixedDelayString = "${dateline.releases.interval:250ms}")
    public int releaseDue() {
        int released = 0;
        for (long id : store.due(clock.instant(), BATCH)) {
            if (release(id, null)) {
                released++;
            }
        }
        return released;
    }

    /** Publishes a scheduled or unpublished article now. */
    public TakedownResult publishNow(long articleId) {
        if (release(articleId, clock.instant().truncatedTo(ChronoUnit.MILLIS))) {
            return new TakedownResult.Done(articleId, org.dateline.content.ArticleState.LIVE);
        }
        return content.state(articleId).<TakedownResult>map(s -> new TakedownResult.NotLive(articleId, s))
                .orElse(new TakedownResult.NotFound(articleId));
    }

    private boolean release(long articleId, Instant publishedAt) {
        Article article = transaction.execute(status -> {
            if (!store.release(articleId, publishedAt)) {
                return null;
            }
            Article live = content.article(articleId).orElseThrow();
            List<Long> translations = live.translationKey() == null ? List.of()
                    : store.articlesWithTranslationKey(live.translationKey(), articleId);
            changes.append(ChangeKinds.ARTICLE_PUBLISHED, live.edition(), articleId, ContentKeys.of(articleId,
                    live.edition(), live.section().id(), live.tags().stream().map(Tag::id).toList(),
                    live.authors().stream().map(Author::id).toList(), translations));
            events.publishEvent(new ArticlePublished(live.id(), live.edition(), live.path(), live.publishedAt(),
                    live.headline()));
            return live;
        });
        return article != null;
    }
}
