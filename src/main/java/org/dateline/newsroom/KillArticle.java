package org.dateline.newsroom;

import org.dateline.content.ArticleState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Kills a published article: it leaves every surface (pages, feeds, sitemaps, newsfeed) within a second, its address
 * answers 410 Gone, and no cache keeps a copy. A killed article never comes back.
 */
@Service
public class KillArticle {

    private final Takedown takedown;
    private final ApplicationEventPublisher events;

    KillArticle(Takedown takedown, ApplicationEventPublisher events) {
        this.takedown = takedown;
        this.events = events;
    }

    public TakedownResult kill(long articleId) {
        return takedown.remove(articleId, ArticleState.KILLED,
                (article, at) -> events.publishEvent(new ArticleKilled(article.id(), article.edition(), at,
                        article.path(), article.headline())));
    }
}
