package org.dateline.newsroom;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.dateline.changes.ChangeKinds;
import org.dateline.changes.ChangeLog;
import org.dateline.content.Article;
import org.dateline.content.ArticleState;
import org.dateline.content.ArticleStore;
import org.dateline.content.Body;
import org.dateline.content.ContentKeys;
import org.dateline.content.ContentQueries;
import org.dateline.content.NewArticle;
import org.dateline.editions.Author;
import org.dateline.editions.Editions;
import org.dateline.editions.Section;
import org.dateline.editions.Tag;
import org.dateline.identity.Actor;
import org.dateline.shared.Slug;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The newsroom's work on stories before and after publication: drafts, saves (each one a revision), the workflow
 * (submit, ready, back to draft, schedule, publish), revisions and restore, and the edit lock. Every action is
 * checked against {@link WorkflowPolicy} for the actor; published stories are changed through
 * {@link UpdateArticle}, so readers see the same thing whichever way an editor works.
 */
@Service
public class Stories {

    private final ArticleStore store;
    private final ContentQueries content;
    private final StoryStore stories;
    private final Editions editions;
    private final StoryValidation validation;
    private final UpdateArticle updateArticle;
    private final ReleaseArticle releaseArticle;
    private final KillArticle killArticle;
    private final UnpublishArticle unpublishArticle;
    private final ChangeLog changes;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Stories(ArticleStore store, ContentQueries content, StoryStore stories, Editions editions, StoryValidation validation,
            UpdateArticle updateArticle, ReleaseArticle releaseArticle, KillArticle killArticle, UnpublishArticle unpublishArticle, ChangeLog changes,
            TransactionTemplate transaction, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.content = content;
        this.stories = stories;
        this.editions = editions;
        this.validation = validation;
        this.updateArticle = updateArticle;
        this.releaseArticle = releaseArticle;
        this.killArticle = killArticle;
        this.unpublishArticle = unpublishArticle;
        this.changes = changes;
        this.transaction = transaction;
        this.events = events;
        this.clock = clock;
    }

    public Optional<Story> find(long id) {
        return store.stored(id).flatMap(article -> content.state(id).flatMap(state -> stories.meta(id)
                .map(meta -> story(article, state, meta))));
    }

    public List<StorySummary> list(StoryFilter filter) {
        return stories.list(filter, clock.instant());
    }

    public List<StoryRevision> revisions(long id) {
        return stories.revisions(id);
    }

    public Optional<StoryRevision> revision(long id, int number) {
        return stories.revision(id, number);
    }

    /** A new draft on the newsroom desk. */
    public StoryResult create(Actor actor, PublishCommand command) {
        return create(actor, command, StoryStore.NEWSROOM_DESK, null);
    }

    /**
     * A new draft on a desk, with its wire provenance when a wire sent it. It needs an edition, a section and a
     * headline; the rest may come later.
     */
    public StoryResult create(Actor actor, PublishCommand command, String desk, Story.Provenance provenance) {
        if (actor != null && !actor.role().isStaff() || actor != null && actor.role() == org.dateline.identity.Role.MODERATOR) {
            return new StoryResult.Refused("not_permitted", "Only newsroom staff write stories.");
        }
        List<FieldProblem> problems = new ArrayList<>();
        List<String> paragraphs = StoryValidation.blocks(command.body());
        Optional<Section> section = validation.validateDraft(command, paragraphs, problems);
        if (!problems.isEmpty()) {
            return new StoryResult.Rejected(problems);
        }
        Instant now = now();
        long id = transaction.execute(status -> {
            String translationKey = command.translationOf() == null ? null
                    : store.translationKeyOf(command.translationOf()).orElse(null);
            long stored = store.insert(fields(command, section.orElseThrow(), paragraphs, now, translationKey),
                    ArticleState.DRAFT, false);
            stories.create(stored, desk, actor, now, provenance);
            stories.appendRevision(stored, null, now, actor, ArticleState.DRAFT, normalized(command, paragraphs), null);
            return stored;
        });
        return new StoryResult.Done(id, ArticleState.DRAFT, 1);
    }

    /**
     * Saves a story's fields as its next revision. A published story is updated on the site (readers see an
     * "updated" stamp); a scheduled one stays complete. With {@code expectedRevision}, refused when someone saved
     * in between.
     */
    public StoryResult save(Actor actor, long id, PublishCommand requested, Integer expectedRevision) {
        return save(actor, id, requested, expectedRevision, false);
    }

    private StoryResult save(Actor actor, long id, PublishCommand requested, Integer expectedRevision,
                             boolean overLock) {
        Optional<Story> found = find(id);
        if (found.isEmpty()) {
            return new StoryResult.NotFound(id);
        }
        Story story = found.get();
        if (!WorkflowPolicy.canEdit(actor, story.status(), own(actor, story), true)) {
            return new StoryResult.Refused(story.state() == ArticleState.KILLED ? "story_killed" : "not_permitted",
                    "You may not change this story now.");
        }
        Optional<StoryResult> locked = overLock ? Optional.empty() : lockedByOther(actor, story);
        if (locked.isPresent()) {
            return locked.get();
        }
        if (expectedRevision != null && expectedRevision != story.revision()) {
            return stale(story);
        }
        // The edition and the translation link do not change by a save.
        PublishCommand command = new PublishCommand(story.edition(), requested.section(), requested.headline(),
                requested.lead(), requested.body(), requested.datelinePlace(), requested.datelineDate(),
                requested.credit(), requested.tags(), requested.authors(), requested.slug(), null);
        if (story.state() == ArticleState.LIVE) {
            UpdateResult result = updateArticle.update(id, command);
            if (result instanceof UpdateResult.Rejected rejected) {
                return new StoryResult.Rejected(rejected.problems());
            }
            if (result instanceof UpdateResult.NotFound) {
                return new StoryResult.Conflict("state_changed", "The story left the site while you edited it.");
            }
            return new StoryResult.Done(id, ArticleState.LIVE, stories.meta(id).orElseThrow().revision());
        }
        List<FieldProblem> problems = new ArrayList<>();
        List<String> paragraphs = StoryValidation.blocks(command.body());
        Optional<Section> section = story.state().isUnpublishedWork()
                ? validation.validateDraft(command, paragraphs, problems)
                : validation.validate(command, paragraphs, problems);
        if (!problems.isEmpty()) {
            return new StoryResult.Rejected(problems);
        }
        Instant now = now();
        Integer revision = transaction.execute(status -> {
            if (!store.saveOffSite(id, fields(command, section.orElseThrow(), paragraphs, now, null), now)) {
                return null;
            }
            Optional<Integer> next = stories.appendRevision(id, story.revision(), now, actor, story.state(),
                    normalized(command, paragraphs), null);
            if (next.isEmpty()) {
                status.setRollbackOnly();
                return -1;
            }
            return next.get();
        });
        if (revision == null) {
            return new StoryResult.Conflict("state_changed", "The story changed state while you edited it.");
        }
        if (revision < 0) {
            return stale(story);
        }
        return new StoryResult.Done(id, story.state(), revision);
    }

    /** The story a wire item with this guid became, if any. */
    public Optional<Story> byWireGuid(String guid) {
        return stories.byWireGuid(guid).flatMap(this::find);
    }

    /**
     * A newer version of a wire item: its fields replace the story's (a published story is updated on the site,
     * as an update), whoever holds the edit lock, and the provenance records the version.
     */
    public StoryResult applyWireVersion(long id, PublishCommand fields, Story.Provenance provenance) {
        StoryResult result = save(wireActor(provenance), id, fields, null, true);
        if (result instanceof StoryResult.Done) {
            stories.wireVersion(id, provenance.version(), provenance.receivedAt());
        }
        return result;
    }

    /** The wire withdrew an item: the story is killed wherever it stands (a published one leaves every surface). */
    public StoryResult killFromWire(long id, Story.Provenance provenance) {
        Optional<Story> found = find(id);
        if (found.isEmpty()) {
            return new StoryResult.NotFound(id);
        }
        Story story = found.get();
        if (story.state() == ArticleState.KILLED) {
            return new StoryResult.Done(id, ArticleState.KILLED, story.revision());
        }
        StoryResult result = kill(story);
        if (result instanceof StoryResult.Done) {
            stories.wireVersion(id, provenance.version(), provenance.receivedAt());
        }
        return result;
    }

    /** Kills a story for good, wherever it stands: a published one leaves every surface and its URL answers 410. */
    public StoryResult kill(Actor actor, long id) {
        Optional<Story> found = find(id);
        if (found.isEmpty()) {
            return new StoryResult.NotFound(id);
        }
        Story story = found.get();
        WorkflowPolicy.Decision decision = WorkflowPolicy.decide(actor, story.status(), WorkflowAction.KILL,
                own(actor, story), true);
        if (decision instanceof WorkflowPolicy.Refused refused) {
            return refused(refused, story, WorkflowAction.KILL);
        }
        return kill(story);
    }

    /** Takes a published story off the site; it may be published again. */
    public StoryResult unpublish(Actor actor, long id) {
        Optional<Story> found = find(id);
        if (found.isEmpty()) {
            return new StoryResult.NotFound(id);
        }
        Story story = found.get();
        WorkflowPolicy.Decision decision = WorkflowPolicy.decide(actor, story.status(), WorkflowAction.UNPUBLISH,
                own(actor, story), true);
        if (decision instanceof WorkflowPolicy.Refused refused) {
            return refused(refused, story, WorkflowAction.UNPUBLISH);
        }
        return unpublishArticle.unpublish(id) instanceof TakedownResult.Done
                ? new StoryResult.Done(id, ArticleState.UNPUBLISHED, story.revision())
                : new StoryResult.Conflict("state_changed", "The story changed state meanwhile.");
    }

    /** Changes a published story with a public correction note, shown on its page and in its structured data. */
    public StoryResult correct(Actor actor, long id, PublishCommand fields, String note) {
        Optional<Story> found = find(id);
        if (found.isEmpty()) {
            return new StoryResult.NotFound(id);
        }
        Story story = found.get();
        WorkflowPolicy.Decision decision = WorkflowPolicy.decide(actor, story.status(), WorkflowAction.CORRECT,
                own(actor, story), true);
        if (decision instanceof WorkflowPolicy.Refused refused) {
            return refused(refused, story, WorkflowAction.CORRECT);
        }
        Optional<StoryResult> locked = lockedByOther(actor, story);
        if (locked.isPresent()) {
            return locked.get();
        }
        UpdateResult result = updateArticle.correct(id, fields, note);
        if (result instanceof UpdateResult.Rejected rejected) {
            return new StoryResult.Rejected(rejected.problems());
        }
        if (result instanceof UpdateResult.NotFound) {
            return new StoryResult.Conflict("state_changed", "The story left the site meanwhile.");
        }
        return new StoryResult.Done(id, ArticleState.LIVE, stories.meta(id).orElseThrow().revision());
    }

    /** Whether two sets of fields would store the same story (a save of the same text is no new revision). */
    public static boolean sameFields(PublishCommand a, PublishCommand b) {
        return normalized(a, StoryValidation.blocks(a.body()))
                .equals(normalized(b, StoryValidation.blocks(b.body())));
    }

    private StoryResult kill(Story story) {
        long id = story.id();
        boolean killed = story.state() == ArticleState.LIVE
                ? killArticle.kill(id) instanceof TakedownResult.Done
                : store.move(id, story.state(), ArticleState.KILLED);
        if (!killed) {
            return new StoryResult.Conflict("state_changed", "The story changed state meanwhile.");
        }
        return new StoryResult.Done(id, ArticleState.KILLED, story.revision());
    }

    /** Who acts for a wire: an editor's rights on the stories the wire sent. */
    public static Actor wireActor(Story.Provenance provenance) {
        return new Actor(0, "", "Wire: " + provenance.source(), org.dateline.identity.Role.EDITOR);
    }

    /** Saves an earlier revision's fields again, as the newest revision. */
    public StoryResult restore(Actor actor, long id, int number) {
        Optional<StoryRevision> revision = stories.revision(id, number);
        if (revision.isEmpty()) {
            return find(id).<StoryResult>map(s -> new StoryResult.Refused("unknown_revision",
                    "Story " + id + " has no revision " + number + ".")).orElse(new StoryResult.NotFound(id));
        }
        return save(actor, id, revision.get().fields(), null);
    }

    /** Submit, mark ready, send back to draft, or take back a schedule. */
    public StoryResult move(Actor actor, long id, WorkflowAction action) {
        if (!List.of(WorkflowAction.SUBMIT, WorkflowAction.MARK_READY, WorkflowAction.RETURN_TO_DRAFT,
                WorkflowAction.UNSCHEDULE).contains(action)) {
            throw new IllegalArgumentException("Not a move between newsroom states: " + action);
        }
        Optional<Story> found = find(id);
        if (found.isEmpty()) {
            return new StoryResult.NotFound(id);
        }
        Story story = found.get();
        WorkflowPolicy.Decision decision = WorkflowPolicy.decide(actor, story.status(), action, own(actor, story), true);
        if (decision instanceof WorkflowPolicy.Refused refused) {
            return refused(refused, story, action);
        }
        ArticleState to = state(((WorkflowPolicy.Allowed) decision).to());
        if (!store.move(id, story.state(), to)) {
            return new StoryResult.Conflict("state_changed", "The story changed state meanwhile.");
        }
        return new StoryResult.Done(id, to, story.revision());
    }

    /** Publishes a story now: a draft, in edit or ready (checked in full first), or a scheduled or unpublished one. */
    public StoryResult publish(Actor actor, long id) {
        return publish(actor, id, null, false);
    }

    /**
     * Publishes a story at a time: nothing of it is public before (pages, feeds, sitemaps, newsfeed, APIs) and it
     * appears everywhere within a second after. An embargo is a time the source imposed rather than our choice.
     */
    public StoryResult schedule(Actor actor, long id, Instant at, boolean embargo) {
        Instant now = now();
        if (at == null || !at.isAfter(now) || at.isAfter(now.plus(Duration.ofDays(366)))) {
            return new StoryResult.Rejected(List.of(new FieldProblem("publishAt", "invalid_time",
                    "The publication time must be in the future, within a year.")));
        }
        return publish(actor, id, at.truncatedTo(ChronoUnit.MILLIS), embargo);
    }

    private StoryResult publish(Actor actor, long id, Instant at, boolean embargo) {
        Optional<Story> found = find(id);
        if (found.isEmpty()) {
            return new StoryResult.NotFound(id);
        }
        Story story = found.get();
        WorkflowAction action = at == null ? WorkflowAction.PUBLISH
                : embargo ? WorkflowAction.EMBARGO : WorkflowAction.SCHEDULE;
        WorkflowPolicy.Decision decision = WorkflowPolicy.decide(actor, story.status(), action, own(actor, story), true);
        if (decision instanceof WorkflowPolicy.Refused refused) {
            return refused(refused, story, action);
        }
        if (!story.state().isUnpublishedWork()) {
            // Scheduled or unpublished: the release use case puts it live now.
            TakedownResult result = releaseArticle.publishNow(id);
            return result instanceof TakedownResult.Done
                    ? new StoryResult.Done(id, ArticleState.LIVE, story.revision())
                    : new StoryResult.Conflict("state_changed", "The story changed state meanwhile.");
        }
        List<FieldProblem> problems = new ArrayList<>();
        PublishCommand fields = story.fields();
        validation.validate(fields, StoryValidation.blocks(fields.body()), problems);
        if (!problems.isEmpty()) {
            return new StoryResult.Rejected(problems);
        }
        Instant when = at != null ? at : now();
        boolean scheduled = at != null;
        Article published = transaction.execute(status -> {
            if (!store.publishWork(id, when, scheduled, embargo)) {
                return null;
            }
            Article article = store.stored(id).orElseThrow();
            if (!scheduled) {
                List<Long> translations = article.translationKey() == null ? List.of()
                        : store.articlesWithTranslationKey(article.translationKey(), id);
                changes.append(ChangeKinds.ARTICLE_PUBLISHED, article.edition(), id, ContentKeys.of(id,
                        article.edition(), article.section().id(), article.tags().stream().map(Tag::id).toList(),
                        article.authors().stream().map(Author::id).toList(), translations));
                // Inside the transaction, like every newsroom event: its listeners' rows commit with the change.
                events.publishEvent(new ArticlePublished(id, article.edition(), article.path(), when,
                        article.headline()));
            }
            return article;
        });
        if (published == null) {
            return new StoryResult.Conflict("state_changed", "The story changed state meanwhile.");
        }
        if (scheduled) {
            return new StoryResult.Done(id, ArticleState.SCHEDULED, story.revision());
        }
        return new StoryResult.Done(id, ArticleState.LIVE, story.revision());
    }

    /** Takes the edit lock (or takes it over from someone else); refused while another editor holds it. */
    public StoryResult lock(Actor actor, long id, boolean takeOver) {
        Optional<Story> found = find(id);
        if (found.isEmpty()) {
            return new StoryResult.NotFound(id);
        }
        Story story = found.get();
        if (!WorkflowPolicy.canEdit(actor, story.status(), own(actor, story), true)) {
            return new StoryResult.Refused("not_permitted", "You may not edit this story now.");
        }
        if (!stories.lock(id, actor, now(), takeOver)) {
            return lockedByOther(actor, find(id).orElseThrow()).orElse(
                    new StoryResult.Conflict("story_locked", "Someone else is editing this story."));
        }
        return new StoryResult.Done(id, story.state(), story.revision());
    }

    public void unlock(Actor actor, long id) {
        stories.unlock(id, actor);
    }

    Optional<StoryResult> lockedByOther(Actor actor, Story story) {
        Story.Lock lock = story.lock();
        if (lock == null || actor == null || lock.accountId() == actor.accountId()
                || lock.at().isBefore(now().minus(StoryStore.LOCK_TIMEOUT))) {
            return Optional.empty();
        }
        return Optional.of(new StoryResult.Conflict("story_locked", lock.name() + " is editing this story."));
    }

    private static StoryResult stale(Story story) {
        return new StoryResult.Conflict("stale_revision",
                "Someone saved this story in between (revision " + story.revision() + "); reload it first.");
    }

    private static StoryResult refused(WorkflowPolicy.Refused refused, Story story, WorkflowAction action) {
        String message = switch (refused.code()) {
            case "not_permitted" -> "Your role may not " + words(action) + " this story.";
            case "story_killed" -> "The story was killed.";
            default -> "A story that is " + words(story.status()) + " cannot be " + past(action) + ".";
        };
        return new StoryResult.Refused(refused.code(), message);
    }

    private static String words(Enum<?> value) {
        return value.name().toLowerCase().replace('_', ' ');
    }

    private static String past(WorkflowAction action) {
        return switch (action) {
            case SUBMIT -> "submitted";
            case MARK_READY -> "marked ready";
            case RETURN_TO_DRAFT -> "sent back to draft";
            case PUBLISH -> "published";
            case SCHEDULE -> "scheduled";
            case EMBARGO -> "embargoed";
            case UNSCHEDULE -> "unscheduled";
            case UPDATE -> "updated";
            case CORRECT -> "corrected";
            case UNPUBLISH -> "unpublished";
            case KILL -> "killed";
        };
    }

    private static ArticleState state(StoryStatus status) {
        return switch (status) {
            case DRAFT -> ArticleState.DRAFT;
            case IN_EDIT -> ArticleState.IN_EDIT;
            case READY -> ArticleState.READY;
            case SCHEDULED -> ArticleState.SCHEDULED;
            case PUBLISHED -> ArticleState.LIVE;
            case UNPUBLISHED -> ArticleState.UNPUBLISHED;
            case KILLED -> ArticleState.KILLED;
        };
    }

    static boolean own(Actor actor, Story story) {
        return actor != null && story.createdBy() != null && story.createdBy() == actor.accountId();
    }

    private NewArticle fields(PublishCommand command, Section section, List<String> paragraphs, Instant now,
                              String translationKey) {
        List<Tag> tags = StoryValidation.distinct(command.tags()).stream()
                .map(name -> editions.ensureTag(section.edition(), name)).toList();
        List<Author> authors = StoryValidation.distinct(command.authors()).stream().map(editions::ensureAuthor).toList();
        String slug = command.slug() != null ? command.slug() : Slug.from(command.headline()).value();
        LocalDate date = command.datelineDate() != null ? command.datelineDate() : now.atZone(ZoneOffset.UTC).toLocalDate();
        return new NewArticle(section, slug, command.headline().strip(), strip(command.lead()), Body.ofBlocks(paragraphs),
                strip(command.datelinePlace()), date, strip(command.credit()), tags, authors, now, translationKey);
    }

    static PublishCommand normalized(PublishCommand command, List<String> paragraphs) {
        return new PublishCommand(command.edition(), command.section(), strip(command.headline()),
                strip(command.lead()), paragraphs, strip(command.datelinePlace()), command.datelineDate(),
                strip(command.credit()), StoryValidation.distinct(command.tags()),
                StoryValidation.distinct(command.authors()), command.slug(), null);
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static Story story(Article article, ArticleState state, StoryStore.Meta meta) {
        boolean everPublic = !state.isUnpublishedWork();
        return new Story(article.id(), state, meta.desk(), article.edition(), article.section().slug(),
                article.slug(), article.headline(), article.lead(), article.body().blocks(), article.datelinePlace(),
                article.datelineDate(), article.credit(), article.tags().stream().map(Tag::name).toList(),
                article.authors().stream().map(Author::name).toList(), everPublic ? article.publishedAt() : null,
                article.updatedAt(), everPublic ? article.path() : null, article.correctionNote(), meta.revision(),
                meta.createdBy(), meta.createdByName(), meta.lock(), meta.provenance());
    }

}
