package org.dateline.newsroom;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.dateline.changes.ChangeKinds;
import org.dateline.changes.ChangeLog;
import org.dateline.content.Article;
import org.dateline.content.ArticleState;
import org.dateline.content.ArticleStore;
import org.dateline.content.ContentKeys;
import org.dateline.content.ContentQueries;
import org.dateline.editions.Author;
import org.dateline.editions.Section;
import org.dateline.editions.Tag;
import org.dateline.identity.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Puts a story on the site now, and is the only way any story goes live: find → the policy allows publishing it →
 * the lock is free or the actor's → the editor's fields, if sent, are saved first → a story that was never public is
 * checked in full → in one transaction the article goes live, the change is logged with the keys of every page that
 * shows it, and {@link ArticlePublished} is announced (its listeners' rows commit with it).
 * <p>
 * Rules: a scheduled or unpublished story goes live as it stands; a scheduled story whose time has come is released
 * by the scheduler ({@link #releaseDue}) without an actor, its schedule having been allowed when it was made; a new
 * story may be stored and published at once ({@link #publishNew}), by the newsroom form, the admin API and imports.
 */
@Service
public class PublishStory {

    static final int RELEASE_BATCH = 100;

    private final StoryChecks checks;
    private final ArticleStore articles;
    private final ContentQueries content;
    private final StoryValidation validation;
    private final SaveStory saveStory;
    private final CreateStory createStory;
    private final ChangeLog changes;
    private final ApplicationEventPublisher events;
    private final StoryTransaction transaction;
    private final MarkBreaking markBreaking;
    private final Clock clock;

    PublishStory(StoryChecks checks, ArticleStore articles, ContentQueries content, StoryValidation validation,
                 SaveStory saveStory, CreateStory createStory, ChangeLog changes,
                 ApplicationEventPublisher events, StoryTransaction transaction, MarkBreaking markBreaking,
                 Clock clock) {
        this.markBreaking = markBreaking;
        this.checks = checks;
        this.articles = articles;
        this.content = content;
        this.validation = validation;
        this.saveStory = saveStory;
        this.createStory = createStory;
        this.changes = changes;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    public StoryResult publish(Actor actor, long id) {
        return publish(actor, id, null);
    }

    /** Saves the editor's fields (when they changed) and publishes, in one transaction. */
    public StoryResult publish(Actor actor, long id, StoryEdit edit) {
        StoryChecks.Checked checked = checks.step(actor, id, WorkflowAction.PUBLISH);
        if (checked.refused()) {
            return checked.refusal();
        }
        Story story = checked.story();
        return transaction.run(() -> saveStory.savedThen(actor, story, edit, current -> {
            Instant now = now();
            if (!current.state().isUnpublishedWork()) {
                return goLive(id, now) ? new StoryResult.Done(id, ArticleState.LIVE, current.revision())
                        : StoryResult.refused(StoryRefusal.STATE_CHANGED);
            }
            List<FieldProblem> problems = validation.unpublishable(current.fields());
            if (!problems.isEmpty()) {
                return new StoryResult.Rejected(problems);
            }
            if (!articles.publishWork(id, now, false, false)) {
                return StoryResult.refused(StoryRefusal.STATE_CHANGED);
            }
            announce(id);
            return new StoryResult.Done(id, ArticleState.LIVE, current.revision());
        }));
    }

    /** Stores a new story and publishes it now. */
    public StoryResult publishNew(Actor actor, PublishCommand command) {
        return publishNew(actor, command, clock.instant());
    }

    /**
     * Stores a new story and publishes it now, marked breaking news when {@code breaking}: one transaction, so a
     * mark the actor may not set (only editors and administrators may) publishes nothing either.
     */
    public StoryResult publishNew(Actor actor, PublishCommand command, boolean breaking) {
        if (!breaking) {
            return publishNew(actor, command);
        }
        return transaction.run(() -> markedBreaking(actor, publishNew(actor, command)));
    }

    /** Saves the editor's fields (when they changed) and publishes, marked breaking news when {@code breaking}. */
    public StoryResult publish(Actor actor, long id, StoryEdit edit, boolean breaking) {
        if (!breaking) {
            return publish(actor, id, edit);
        }
        return transaction.run(() -> markedBreaking(actor, publish(actor, id, edit)));
    }

    private StoryResult markedBreaking(Actor actor, StoryResult published) {
        if (!(published instanceof StoryResult.Done done)) {
            return published;
        }
        StoryResult marked = markBreaking.mark(actor, done.storyId(), true);
        return marked instanceof StoryResult.Done ? published : marked;
    }

    /** Stores a new story and publishes it with this publication time: imports keep their original times. */
    public StoryResult publishNew(Actor actor, PublishCommand command, Instant publishedAt) {
        if (!(WorkflowPolicy.decide(actor, StoryStatus.READY, WorkflowAction.PUBLISH, true, true)
                instanceof WorkflowPolicy.Allowed)) {
            return StoryResult.refused(StoryRefusal.NOT_PERMITTED);
        }
        List<FieldProblem> problems = new ArrayList<>();
        List<String> blocks = StoryValidation.blocks(command.body());
        Optional<Section> section = validation.validate(command, blocks, problems);
        if (!problems.isEmpty()) {
            return new StoryResult.Rejected(problems);
        }
        Instant at = publishedAt.truncatedTo(ChronoUnit.MILLIS);
        return transaction.run(() -> {
            long id = createStory.insert(actor, command, section.orElseThrow(), blocks, StoryStore.NEWSROOM_DESK,
                    null, ArticleState.LIVE, at, false);
            announce(id);
            return new StoryResult.Done(id, ArticleState.LIVE, 1);
        });
    }

    /**
     * The scheduler's entrance: every scheduled or embargoed story whose time has come goes live at its time. Every
     * node asks; the conditional update lets exactly one release each story, so it is logged and announced once.
     *
     * @return how many stories this call released
     */
    public int releaseDue() {
        int released = 0;
        for (long id : articles.due(clock.instant(), RELEASE_BATCH)) {
            if (transaction.run(() -> goLive(id, null) ? new StoryResult.Done(id, ArticleState.LIVE, 0)
                    : StoryResult.refused(StoryRefusal.STATE_CHANGED)) instanceof StoryResult.Done) {
                released++;
            }
        }
        return released;
    }

    /** A scheduled or unpublished story goes live; at its scheduled time when {@code at} is null. */
    private boolean goLive(long id, Instant at) {
        if (!articles.release(id, at)) {
            return false;
        }
        announce(id);
        return true;
    }

    /** The one place a story going live is logged for every node and announced once for the cluster. */
    private void announce(long id) {
        Article live = content.article(id).orElseThrow();
        List<Long> translations = live.translationKey() == null ? List.of()
                : articles.articlesWithTranslationKey(live.translationKey(), id);
        changes.append(ChangeKinds.ARTICLE_PUBLISHED, live.edition(), id, ContentKeys.of(id, live.edition(),
                live.section().id(), live.tags().stream().map(Tag::id).toList(),
                live.authors().stream().map(Author::id).toList(), translations));
        events.publishEvent(new ArticlePublished(id, live.edition(), live.path(), live.publishedAt(),
                live.headline()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
