package org.dateline.newsroom;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.dateline.changes.ChangeKinds;
import org.dateline.changes.ChangeLog;
import org.dateline.content.ArticleStore;
import org.dateline.identity.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Marks a live story as breaking news, or ends the mark. Find → the policy allows it (the story is live, the actor
 * may take down or change it) → in one transaction the mark, the change log entry {@code article.breaking} (no page
 * keys: the bar reaches open pages over the newsfeed stream, cached pages stay) and {@link ArticleBreaking}.
 * <p>
 * The edit lock is not asked: the mark changes no word of the story, and the desk must be able to flag news while
 * someone is still editing its text. Asking for the state the story is in already does nothing.
 */
@Service
public class MarkBreaking {

    private final StoryQueries queries;
    private final ArticleStore articles;
    private final StoryTransaction transaction;
    private final ChangeLog changes;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MarkBreaking(StoryQueries queries, ArticleStore articles, StoryTransaction transaction, ChangeLog changes,
                 ApplicationEventPublisher events, Clock clock) {
        this.queries = queries;
        this.articles = articles;
        this.transaction = transaction;
        this.changes = changes;
        this.events = events;
        this.clock = clock;
    }

    public StoryResult mark(Actor actor, long id, boolean breaking) {
        Optional<Story> found = queries.find(id);
        if (found.isEmpty()) {
            return StoryResult.refused(StoryRefusal.NOT_FOUND);
        }
        Story story = found.get();
        if (WorkflowPolicy.decide(actor, story, WorkflowAction.BREAKING) instanceof WorkflowPolicy.Refused refused) {
            return StoryResult.refused(refused.reason(), StoryStatus.of(story.state()).name().toLowerCase()
                    .replace('_', ' '));
        }
        if (story.breaking() == breaking) {
            return new StoryResult.Done(id, story.state(), story.revision());
        }
        Instant now = clock.instant();
        return transaction.run(() -> {
            if (!articles.markBreaking(id, breaking ? now : null)) {
                return StoryResult.refused(StoryRefusal.STATE_CHANGED);
            }
            announce(story, breaking, now, changes, events);
            return new StoryResult.Done(id, story.state(), story.revision());
        });
    }

    /** The change log entry and event of a mark set or ended, also when a take-down ends it. */
    static void announce(Story story, boolean breaking, Instant at, ChangeLog changes,
                         ApplicationEventPublisher events) {
        changes.append(ChangeKinds.ARTICLE_BREAKING, story.edition(), story.id(), List.of());
        events.publishEvent(new ArticleBreaking(story.id(), story.edition(), breaking, at, story.path(),
                story.headline()));
    }
}
