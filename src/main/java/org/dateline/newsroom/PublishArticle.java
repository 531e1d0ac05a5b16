package org.dateline.newsroom;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.dateline.changes.ChangeKinds;
import org.dateline.changes.ChangeLog;
import org.dateline.content.ArticlePaths;
import org.dateline.content.ArticleState;
import org.dateline.content.ArticleStore;
import org.dateline.content.Body;
import org.dateline.content.ContentKeys;
import org.dateline.content.NewArticle;
import org.dateline.editions.Author;
import org.dateline.editions.Editions;
import org.dateline.identity.Actor;
import org.dateline.identity.CurrentActor;
import org.dateline.editions.Section;
import org.dateline.editions.Tag;
import org.dateline.shared.Slug;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes a story now: validate every field → resolve edition, section and translation → store the article, its
 * tags and authors and the change log entry in one transaction, and announce {@link ArticlePublished} in it.
 * Either all of it is stored or nothing is.
 */
@Service
public class PublishArticle {


    private final Editions editions;
    private final ArticleStore store;
    private final ChangeLog changes;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final StoryValidation validation;
    private final StoryStore stories;
    private final CurrentActor currentActor;

    PublishArticle(Editions editions, ArticleStore store, ChangeLog changes,
                   TransactionTemplate transaction, ApplicationEventPublisher events, Clock clock,
                   StoryValidation validation, StoryStore stories, CurrentActor currentActor) {
        this.validation = validation;
        this.stories = stories;
        this.currentActor = currentActor;
        this.editions = editions;
        this.store = store;
        this.changes = changes;
        this.transaction = transaction;
        this.events = events;
        this.clock = clock;
    }

    public PublishResult publish(PublishCommand command) {
        return publish(command, clock.instant());
    }

    /** Publishes with a given publication time: the demo loader and imports keep their original times. */
    public PublishResult publish(PublishCommand command, Instant publishedAt) {
        return store(command, publishedAt, false, false);
    }

    /**
     * Stores the story now and publishes it at {@code at}: nothing of it is public before (pages, feeds, sitemaps,
     * newsfeed, APIs), and {@link ReleaseArticle} puts it everywhere within a second after. An embargo is a time the
     * source imposed rather than our choice.
     */
    public PublishResult schedule(PublishCommand command, Instant at, boolean embargo) {
        Instant now = clock.instant();
        if (at == null || !at.isAfter(now) || at.isAfter(now.plus(java.time.Duration.ofDays(366)))) {
            return new PublishResult.Rejected(List.of(new FieldProblem("publishAt", "invalid_time",
                    "The publication time must be in the future, within a year.")));
        }
        return store(command, at, true, embargo);
    }

    private PublishResult store(PublishCommand command, Instant publishedAt, boolean scheduled, boolean embargo) {
        List<FieldProblem> problems = new ArrayList<>();
        List<String> paragraphs = StoryValidation.blocks(command.body());
        Optional<Section> section = validation.validate(command, paragraphs, problems);
        if (!problems.isEmpty()) {
            return new PublishResult.Rejected(problems);
        }
        Instant at = publishedAt.truncatedTo(ChronoUnit.MILLIS);
        Section target = section.orElseThrow();
        String slug = command.slug() != null ? command.slug() : Slug.from(command.headline()).value();
        long id = transaction.execute(status -> {
            String translationKey = null;
            if (command.translationOf() != null) {
                translationKey = store.translationKeyOf(command.translationOf()).orElse(null);
            }
            List<Tag> tags = StoryValidation.distinct(command.tags()).stream()
                    .map(name -> editions.ensureTag(command.edition(), name)).toList();
            List<Author> authors = StoryValidation.distinct(command.authors()).stream().map(editions::ensureAuthor).toList();
            LocalDate datelineDate = command.datelineDate() != null ? command.datelineDate()
                    : at.atZone(ZoneOffset.UTC).toLocalDate();
            long stored = store.insert(new NewArticle(target, slug, command.headline().strip(),
                    command.lead().strip(), Body.ofBlocks(paragraphs), command.datelinePlace().strip(), datelineDate,
                    command.credit().strip(), tags, authors, at, translationKey),
                    scheduled ? ArticleState.SCHEDULED : ArticleState.LIVE, embargo);
            Actor actor = currentActor.get().orElse(null);
            stories.create(stored, StoryStore.NEWSROOM_DESK, actor, at, null);
            stories.appendRevision(stored, null, at, actor, scheduled ? ArticleState.SCHEDULED : ArticleState.LIVE,
                    Stories.normalized(command, paragraphs), null);
            if (scheduled) {
                return stored; // nothing public changes until its release
            }
            List<Long> translations = translationKey == null ? List.of()
                    : store.articlesWithTranslationKey(translationKey, stored);
            changes.append(ChangeKinds.ARTICLE_PUBLISHED, target.edition(), stored, ContentKeys.of(stored,
                    target.edition(), target.id(), tags.stream().map(Tag::id).toList(),
                    authors.stream().map(Author::id).toList(), translations));
            events.publishEvent(new ArticlePublished(stored, target.edition(),
                    ArticlePaths.path(target.edition(), target.slug(), at, stored, slug), at, command.headline().strip()));
            return stored;
        });
        String path = ArticlePaths.path(target.edition(), target.slug(), at, id, slug);
        if (scheduled) {
            return new PublishResult.Scheduled(id, path, at, embargo);
        }
        return new PublishResult.Published(id, path);
    }
}
