package org.dateline.newsroom;

import java.util.Optional;

import org.dateline.content.ArticleState;
import org.dateline.content.ArticleStore;
import org.dateline.identity.Actor;
import org.springframework.stereotype.Service;

/**
 * Kills a story for good, wherever it stands: a live one leaves every surface (pages, feeds, sitemaps, newsfeed)
 * within a second, its address answers 410 Gone and no cache keeps a copy; one that was never public simply never
 * will be. Find → the policy allows it → the lock is free or the actor's → in one transaction the state, and for a
 * live story the change log and {@link ArticleKilled} ({@link Takedown}).
 * <p>
 * Rule {@link #killFromWire}: when the agency withdraws an item ({@code canceled}), its story is killed whoever holds
 * the edit lock; a story killed already stays so.
 */
@Service
public class KillStory {

    private final StoryQueries queries;
    private final ArticleStore articles;
    private final StoryChecks checks;
    private final Takedown takedown;
    private final StoryStore stories;
    private final StoryTransaction transaction;

    KillStory(StoryQueries queries, StoryChecks checks, ArticleStore articles, Takedown takedown, StoryStore stories,
              StoryTransaction transaction) {
        this.queries = queries;
        this.articles = articles;
        this.checks = checks;
        this.takedown = takedown;
        this.stories = stories;
        this.transaction = transaction;
    }

    public StoryResult kill(Actor actor, long id) {
        StoryChecks.Checked checked = checks.step(actor, id, WorkflowAction.KILL);
        if (checked.refused()) {
            return checked.refusal();
        }
        Story story = checked.story();
        return transaction.run(() -> kill(story));
    }

    /** The wire withdrew the item the story came from. */
    public StoryResult killFromWire(long id, Story.Provenance provenance) {
        Optional<Story> found = queries.find(id);
        if (found.isEmpty()) {
            return StoryResult.refused(StoryRefusal.NOT_FOUND);
        }
        Story story = found.get();
        return transaction.run(() -> {
            StoryResult killed = story.state() == ArticleState.KILLED
                    ? new StoryResult.Done(id, ArticleState.KILLED, story.revision()) : kill(story);
            if (killed instanceof StoryResult.Done) {
                stories.wireVersion(id, provenance.version(), provenance.receivedAt());
            }
            return killed;
        });
    }

    private StoryResult kill(Story story) {
        if (story.state() == ArticleState.LIVE) {
            return takedown.remove(story, ArticleState.KILLED, (article, at) -> new ArticleKilled(article.id(),
                    article.edition(), at, article.path(), article.headline()));
        }
        return articles.move(story.id(), story.state(), ArticleState.KILLED)
                ? new StoryResult.Done(story.id(), ArticleState.KILLED, story.revision())
                : StoryResult.refused(StoryRefusal.STATE_CHANGED);
    }
}
