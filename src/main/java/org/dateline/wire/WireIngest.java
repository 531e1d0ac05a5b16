package org.dateline.wire;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.dateline.content.Body;
import org.dateline.editions.Edition;
import org.dateline.editions.Editions;
import org.dateline.editions.Section;
import org.dateline.media.Picture;
import org.dateline.media.PictureQueries;
import org.dateline.newsroom.CreateStory;
import org.dateline.newsroom.FieldProblem;
import org.dateline.newsroom.KillStory;
import org.dateline.newsroom.PublishCommand;
import org.dateline.newsroom.SaveStory;
import org.dateline.newsroom.Story;
import org.dateline.newsroom.StoryQueries;
import org.dateline.newsroom.StoryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts parsed wire items into the newsroom: a new guid becomes a draft on the Incoming desk of the edition of its
 * language; a newer version of a known guid updates its story (the published article too, as an update); a
 * {@code canceled} status kills it; a version already held is a duplicate. Each item goes in or is refused on its
 * own, and every one is written to the ingest log; nothing stops the rest of a batch. The wire enters the newsroom
 * through its use cases ({@link CreateStory}, {@link SaveStory#applyWireVersion}, {@link KillStory#killFromWire}),
 * whose named rules say where the wire acts over an editor's lock.
 * <p>
 * Pictures go into the library first ({@link WirePictures}): those delivered as items of their own, then those the
 * text items that will be created or updated describe inline; each picture is fetched, stored and logged on its own,
 * outside the text's transaction, so that no database transaction waits on the network. A text item then gets its
 * lead picture: the first of its pictures with role {@code lead}, as stored now or already in the library by its
 * guid (and usable); its other pictures are in the library for the desk but not put in the body. A newer version
 * that names no lead picture leaves the story without one.
 */
@Service
public class WireIngest {

    private static final Logger log = LoggerFactory.getLogger(WireIngest.class);
    static final int MAX_TAGS = 20;
    static final int MAX_AUTHORS = 10;
    static final int MAX_NAME = 120;
    static final int MAX_LEAD = 2000;

    private final StoryQueries stories;
    private final CreateStory createStory;
    private final SaveStory saveStory;
    private final KillStory killStory;
    private final Editions editions;
    private final WireLog wireLog;
    private final WirePictures wirePictures;
    private final PictureQueries library;
    private final Clock clock;
    private final TransactionTemplate batch;
    private final TransactionTemplate itemSavepoint;

    WireIngest(StoryQueries stories, CreateStory createStory, SaveStory saveStory, KillStory killStory,
               Editions editions, WireLog wireLog, WirePictures wirePictures, PictureQueries library, Clock clock,
               PlatformTransactionManager transactions) {
        this.stories = stories;
        this.createStory = createStory;
        this.saveStory = saveStory;
        this.killStory = killStory;
        this.editions = editions;
        this.wireLog = wireLog;
        this.wirePictures = wirePictures;
        this.library = library;
        this.clock = clock;
        this.batch = new TransactionTemplate(transactions);
        this.itemSavepoint = new TransactionTemplate(transactions);
        this.itemSavepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * Ingests what a parse found, and logs the parse's own errors beside the items' outcomes. Its pictures first,
     * each stored on its own (and answered first); then the text items: the whole batch of them is one
     * transaction, so a newsMessage of fifty items costs one commit, not a hundred; each item runs in a savepoint of
     * its own, so one item's failure is undone alone and the rest still go in. Nothing is acknowledged before the
     * commit, and a batch sent again after a failure is told apart by guid and version.
     */
    public List<WireOutcome> ingest(ParseResult parsed, String transport, String source) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<WireItem> items = parsed.items().stream().map(WireIngest::versioned).toList();
        List<WireOutcome> outcomes = new ArrayList<>();
        Map<String, Long> pictures = new HashMap<>();
        for (WirePicture picture : picturesToTake(parsed.pictures(), items)) {
            WirePictures.Taken taken = wirePictures.take(picture, transport, source, now);
            outcomes.add(taken.outcome());
            pictures.put(picture.guid(), taken.usable());
        }
        outcomes.addAll(batch.execute(status -> {
            List<WireOutcome> lines = new ArrayList<>();
            for (ParseError error : parsed.errors()) {
                lines.add(wireLog.write(now, transport, source, error.itemRef(), null, null, WireOutcome.REJECTED,
                        null, error.code(), error.message()));
            }
            for (WireItem item : items) {
                lines.add(ingest(item, leadPicture(item, pictures), transport, source, now));
            }
            return lines;
        }));
        return outcomes;
    }

    /**
     * A picture file sent as it is (pushed with an image type, or dropped in the watched folder): a library entry,
     * versioned by guid when the sender gives one.
     */
    public WireOutcome picture(byte[] bytes, String contentType, String fileName, String guid, long version,
                               String transport, String source) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return wirePictures.file(bytes, contentType, fileName, guid, version, transport, source, now).outcome();
    }

    /**
     * The pictures delivered as items, then those described inline by the text items that are new or newer versions
     * (a duplicate or a cancellation fetches nothing); each guid once, a delivered picture before its description.
     */
    private List<WirePicture> picturesToTake(List<WirePicture> delivered, List<WireItem> items) {
        if (!wirePictures.fetching()) {
            return List.of();
        }
        Map<String, WirePicture> byGuid = new LinkedHashMap<>();
        delivered.forEach(picture -> byGuid.putIfAbsent(picture.guid(), picture));
        for (WireItem item : items) {
            if (item.pubStatus() == PubStatus.CANCELED || item.pictures().isEmpty() || !newVersion(item)) {
                continue;
            }
            item.pictures().stream().map(PictureRef::inline).filter(inline -> inline != null)
                    .forEach(inline -> byGuid.putIfAbsent(inline.guid(), inline));
        }
        return List.copyOf(byGuid.values());
    }

    private boolean newVersion(WireItem item) {
        return stories.byWireGuid(item.guid())
                .map(story -> item.version() > (story.provenance() == null ? 0 : story.provenance().version()))
                .orElse(true);
    }

    /**
     * The item's lead picture: its first picture of role {@code lead}, as this batch stored it, else as the library
     * holds it by guid; {@code null} when it names none or that picture is not usable.
     */
    private Long leadPicture(WireItem item, Map<String, Long> taken) {
        return item.pictures().stream().filter(PictureRef::isLead).findFirst()
                .map(ref -> taken.get(ref.guid()) != null ? taken.get(ref.guid())
                        : library.byWireGuid(ref.guid()).filter(Picture::usable).map(Picture::id).orElse(null))
                .orElse(null);
    }

    public List<WireOutcome> recent(long beforeId, int limit) {
        return wireLog.recent(beforeId, Math.max(1, Math.min(200, limit)));
    }

    private WireOutcome ingest(WireItem item, Long leadPicture, String transport, String source, Instant now) {
        Verdict verdict;
        try {
            verdict = item(item, leadPicture, source, now);
        } catch (RuntimeException e) {
            // One item's failure (a duplicate guid raced in by another node, a database hiccup) never stops the rest:
            // its savepoint is rolled back, and the batch goes on.
            log.warn("Wire item {} from {} not ingested: {}", item.guid(), source, e.toString());
            verdict = new Verdict(WireOutcome.REJECTED, null, "ingest_failed",
                    "The item could not be stored; it may be sent again.");
        }
        boolean stored = WireOutcome.CREATED.equals(verdict.result()) || WireOutcome.UPDATED.equals(verdict.result());
        return wireLog.write(now, transport, source, item.guid(), item.guid(), item.version(), verdict.result(),
                verdict.storyId(), verdict.code(), verdict.message(), WireOutcome.TEXT, stored ? leadPicture : null);
    }

    /** What became of one item: a result of {@link WireOutcome}, its story, and why when it was refused. */
    private record Verdict(String result, Long storyId, String code, String message) {
    }

    /** The item's effect on the newsroom, inside a savepoint of the batch: all of it, or (on an exception) none. */
    private Verdict item(WireItem item, Long leadPicture, String source, Instant now) {
        return itemSavepoint.execute(status -> {
            Story.Provenance provenance = new Story.Provenance(source, item.guid(), item.version(), now);
            Optional<Story> existing = stories.byWireGuid(item.guid());
            if (existing.isPresent()) {
                Story story = existing.get();
                long held = story.provenance() == null ? 0 : story.provenance().version();
                if (item.version() <= held) {
                    return new Verdict(WireOutcome.DUPLICATE, story.id(), null,
                            "Version " + item.version() + " is already held (" + held + ").");
                }
                if (item.pubStatus() == PubStatus.CANCELED) {
                    return verdict(WireOutcome.KILLED, killStory.killFromWire(story.id(), provenance));
                }
                Optional<PublishCommand> fields = fields(item, story.edition(), leadPicture);
                if (fields.isEmpty()) {
                    return new Verdict(WireOutcome.REJECTED, story.id(), "no_section",
                            "Edition " + story.edition() + " has no section.");
                }
                return verdict(WireOutcome.UPDATED,
                        saveStory.applyWireVersion(story.id(), fields.get(), provenance));
            }
            if (item.pubStatus() == PubStatus.CANCELED) {
                return new Verdict(WireOutcome.REJECTED, null, "canceled_unknown",
                        "A cancellation of an item never received.");
            }
            Optional<Edition> edition = edition(item.language());
            if (edition.isEmpty()) {
                return new Verdict(WireOutcome.REJECTED, null, "no_edition_for_language",
                        "No edition publishes in language \"" + item.language() + "\".");
            }
            Optional<PublishCommand> fields = fields(item, edition.get().code(), leadPicture);
            if (fields.isEmpty()) {
                return new Verdict(WireOutcome.REJECTED, null, "no_section",
                        "Edition " + edition.get().code() + " has no section.");
            }
            return verdict(WireOutcome.CREATED,
                    createStory.fromWire(fields.get(), provenance));
        });
    }

    /**
     * Feeds carry no version; their updated time orders the versions of one guid, so it stands in as the version
     * (epoch milliseconds): an entry whose updated time moved on is a newer version.
     */
    static WireItem versioned(WireItem item) {
        boolean feed = "rss".equals(item.format()) || "atom".equals(item.format());
        if (!feed || item.versionCreated() == null) {
            return item;
        }
        return new WireItem(item.guid(), item.versionCreated().toEpochMilli(), item.pubStatus(), item.kind(),
                item.language(), item.headline(), item.slugline(), item.lead(), item.paragraphs(),
                item.datelinePlace(), item.datelineDate(), item.credit(), item.subjects(), item.bylines(),
                item.firstCreated(), item.versionCreated(), item.link(), item.format(), item.body(), item.pictures());
    }

    private static Verdict verdict(String success, StoryResult result) {
        if (result instanceof StoryResult.Done done) {
            return new Verdict(success, done.storyId(), null, null);
        }
        if (result instanceof StoryResult.Rejected rejected) {
            FieldProblem first = rejected.problems().get(0);
            return new Verdict(WireOutcome.REJECTED, null, "invalid_" + first.field(), first.message());
        }
        StoryResult.Refused refused = (StoryResult.Refused) result;
        return new Verdict(WireOutcome.REJECTED, null, refused.reason().code(),
                "The newsroom refused it (" + refused.reason().code() + ").");
    }

    private Optional<Edition> edition(String language) {
        if (language == null || language.isBlank()) {
            return Optional.of(editions.defaultEdition());
        }
        return editions.all().stream()
                .filter(e -> e.locale().getLanguage().equalsIgnoreCase(language)).findFirst();
    }

    /** The item's fields as a story of the edition: its section the one its subjects or slugline name, else the first. */
    private Optional<PublishCommand> fields(WireItem item, String edition, Long leadPicture) {
        List<Section> sections = editions.sections(edition);
        if (sections.isEmpty()) {
            return Optional.empty();
        }
        Section section = sections.stream().filter(s -> names(item, s)).findFirst().orElse(sections.get(0));
        List<String> tags = item.subjects().stream().filter(WireIngest::usableName).distinct().limit(MAX_TAGS).toList();
        List<String> authors = item.bylines().stream().filter(WireIngest::usableName).distinct().limit(MAX_AUTHORS)
                .toList();
        String lead = shorten(item.lead() != null && !item.lead().isBlank() ? oneLine(item.lead())
                : item.paragraphs().isEmpty() ? null : oneLine(item.paragraphs().get(0)), MAX_LEAD);
        String headline = oneLine(item.headline());
        // The body's shape as markup; its text escaped, so a "*" or a "1990." opening a paragraph stays literal.
        return Optional.of(new PublishCommand(edition, section.slug(), headline, lead,
                item.body().isEmpty() ? Body.plain(item.paragraphs()).blocks() : item.body(),
                item.datelinePlace() == null ? null : oneLine(item.datelinePlace()), item.datelineDate(),
                item.credit() == null ? null : oneLine(item.credit()), tags, authors, null, null, leadPicture));
    }

    private static boolean names(WireItem item, Section section) {
        List<String> words = new ArrayList<>(item.subjects());
        if (item.slugline() != null) {
            words.add(item.slugline());
        }
        return words.stream().map(w -> w.strip().toLowerCase(Locale.ROOT))
                .anyMatch(w -> w.equals(section.slug()) || w.equals(section.name().toLowerCase(Locale.ROOT)));
    }

    private static boolean usableName(String name) {
        return name != null && !name.isBlank() && name.strip().length() <= MAX_NAME
                && name.codePoints().anyMatch(Character::isLetterOrDigit)
                && name.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }

    /** Cut at a word boundary with an ellipsis when longer than {@code max}. */
    static String shorten(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        int cut = value.lastIndexOf(' ', max - 1);
        return value.substring(0, cut > max / 2 ? cut : max - 1).strip() + "…";
    }

    private static String oneLine(String value) {
        return value == null ? null : value.replaceAll("\\s+", " ").strip();
    }
}
