package org.dateline.newsroom;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.dateline.changes.ChangeKinds;
import org.dateline.changes.ChangeLog;
import org.dateline.content.Article;
import org.dateline.content.ArticleState;
import org.dateline.content.ArticleStore;
import org.dateline.content.ContentKeys;
import org.dateline.content.ContentQueries;
import org.dateline.editions.Author;
import org.dateline.editions.Tag;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What unpublishing and killing share: load the live article → take it off the site and log the change with the
 * keys of every page that showed it, in one transaction. The change log then evicts those pages on every node.
 */
@Component
class Takedown {

    private final ContentQueries content;
    private final ArticleStore store;
    private final ChangeLog changes;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Takedown(ContentQueries content, ArticleStore store, ChangeLog changes, TransactionTemplate transaction,
             Clock clock) {
        this.content = content;
        this.store = store;
        this.changes = changes;
        this.transaction = transaction;
        this.clock = clock;
    }

    TakedownResult remove(long articleId, ArticleState to, java.util.function.BiConsumer<Article, Instant> announce) {
        Instant now = clock.instant();
        TakedownResult result = transaction.execute(status -> {
            Article article = content.article(articleId).orElse(null);
            if (article == null) {
                return content.state(articleId).<TakedownResult>map(s -> new TakedownResult.NotLive(articleId, s))
                        .orElse(new TakedownResult.NotFound(articleId));
            }
            if (!store.remove(articleId, to, now)) {
                return new TakedownResult.NotLive(articleId, content.state(articleId).orElse(to));
            }
            List<Long> translations = article.translationKey() == null ? List.of()
                    : store.articlesWithTranslationKey(article.translationKey(), articleId);
            changes.append(ChangeKinds.ARTICLE_REMOVED, article.edition(), articleId, ContentKeys.of(articleId,
                    article.edition(), article.section().id(), article.tags().stream().map(Tag::id).toList(),
                    article.authors().stream().map(Author::id).toList(), translations));
            announce.accept(article, now);
            return new TakedownResult.Done(articleId, to);
        });
        return result;
    }
}
