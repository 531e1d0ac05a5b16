package org.dateline.newsroom;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

import org.dateline.changes.ChangeKinds;
import org.dateline.changes.ChangeLog;
import org.dateline.content.Article;
import org.dateline.content.ArticleState;
import org.dateline.content.ArticleStore;
import org.dateline.content.ContentKeys;
import org.dateline.content.ContentQueries;
import org.dateline.editions.Author;
import org.dateline.editions.Tag;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What unpublishing and killing a live story share, inside the use case's transaction: take it off the site, log the
 * change with the keys of every page that showed it (the change log then evicts those pages on every node) and
 * announce the event.
 */
@Component
class Takedown {

    private final ContentQueries content;
    private final ArticleStore articles;
    private final ChangeLog changes;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Takedown(ContentQueries content, ArticleStore articles, ChangeLog changes, ApplicationEventPublisher events,
             Clock clock) {
        this.content = content;
        this.articles = articles;
        this.changes = changes;
        this.events = events;
        this.clock = clock;
    }

    /** @param event the event announcing it, from the article as it was and the time it left */
    StoryResult remove(Story story, ArticleState to, BiFunction<Article, Instant, Object> event) {
        long id = story.id();
        Instant now = clock.instant();
        Optional<Article> live = content.article(id);
        if (live.isEmpty() || !articles.remove(id, to, now)) {
            return StoryResult.refused(StoryRefusal.STATE_CHANGED);
        }
        Article article = live.get();
        List<Long> translations = article.translationKey() == null ? List.of()
                : articles.articlesWithTranslationKey(article.translationKey(), id);
        changes.append(ChangeKinds.ARTICLE_REMOVED, article.edition(), id, ContentKeys.of(id, article.edition(),
                article.section().id(), article.tags().stream().map(Tag::id).toList(),
                article.authors().stream().map(Author::id).toList(), translations));
        events.publishEvent(event.apply(article, now));
        if (story.breaking()) {
            MarkBreaking.announce(story, false, now, changes, events);
        }
        return new StoryResult.Done(id, to, story.revision());
    }
}
