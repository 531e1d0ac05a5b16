package org.dateline.newsroom;

import org.dateline.content.ArticleState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** Takes a published article off the site (its address answers 404); unlike a kill, it may be published again. */
@Service
public class UnpublishArticle {

    private final Takedown takedown;
    private final ApplicationEventPublisher events;

    UnpublishArticle(Takedown takedown, ApplicationEventPublisher events) {
        this.takedown = takedown;
        this.events = events;
    }

    public TakedownResult unpublish(long articleId) {
        return takedown.remove(articleId, ArticleState.UNPUBLISHED,
                (article, at) -> events.publishEvent(new ArticleUnpublished(article.id(), article.edition(),
                        at, article.path(), article.headline())));
    }
}
