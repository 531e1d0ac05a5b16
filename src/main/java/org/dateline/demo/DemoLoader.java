package org.dateline.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.dateline.content.Body;
import org.dateline.content.ContentQueries;
import org.dateline.editions.Edition;
import org.dateline.editions.Editions;
import org.dateline.identity.Actor;
import org.dateline.identity.Role;
import org.dateline.media.UploadPicture;
import org.dateline.newsroom.PublishCommand;
import org.dateline.newsroom.PublishStory;
import org.dateline.newsroom.StoryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo content through the newsroom's publishing use case: on first start when the database holds no
 * article (unless {@code DATELINE_DEMO_ON_EMPTY=false}), or on demand with the {@code --demo} command-line flag.
 * It loads before the web server opens its port (a lifecycle phase below the server's), so a node reports healthy
 * only with its content, and a first visitor never finds an empty site.
 */
@Component
public class DemoLoader implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);
    static final long SEED = 20070222L;
    static final int CHUNK = 2000;
    /** Who publishes the demo content: the system itself, as the revisions name it. */
    static final Actor LOADER = new Actor(0, "", "Dateline", Role.ADMIN);

    private final Editions editions;
    private final ContentQueries content;
    private final PublishStory publishStory;
    private final UploadPicture uploadPicture;
    private final TransactionTemplate transaction;
    private final DemoSettings settings;
    private final DemoCommunity community;
    private final Clock clock;
    private final ApplicationArguments arguments;
    private volatile boolean running;

    DemoLoader(Editions editions, ContentQueries content, PublishStory publishStory, UploadPicture uploadPicture,
               TransactionTemplate transaction, DemoSettings settings, DemoCommunity community, Clock clock,
               ApplicationArguments arguments) {
        this.editions = editions;
        this.content = content;
        this.publishStory = publishStory;
        this.uploadPicture = uploadPicture;
        this.transaction = transaction;
        this.settings = settings;
        this.community = community;
        this.clock = clock;
        this.arguments = arguments;
    }

    @Override
    public void start() {
        running = true;
        boolean asked = arguments.containsOption("demo");
        if (asked || settings.onEmpty() && content.count() == 0) {
            int perEdition = asked && !arguments.getOptionValues("demo").isEmpty()
                    ? Integer.parseInt(arguments.getOptionValues("demo").get(0)) : settings.perEdition();
            load(perEdition);
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the chats' writer (the demo opens conversations), before the web server. */
    @Override
    public int getPhase() {
        return WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE - 2048;
    }

    /** Publishes the seed article and {@code perEdition} generated articles per edition, all or nothing. */
    public int load(int perEdition) {
        long started = System.nanoTime();
        Instant now = clock.instant();
        List<DemoArticle> articles = DemoCorpus.articles(perEdition, SEED, now,
                edition -> editions.find(edition).map(Edition::zone).orElse(ZoneOffset.UTC));
        transaction.executeWithoutResult(status -> {
            for (DemoSection section : DemoCorpus.sections()) {
                editions.ensureSection(section.edition(), section.slug(), section.name(), section.description(),
                        section.position());
            }
        });
        Map<String, Long> pictures = transaction.execute(status -> DemoPictures.upload(uploadPicture, LOADER));
        Map<String, Long> firstOfStory = new HashMap<>();
        Map<String, Long> seedStories = new HashMap<>();
        int published = 0;
        // Chunks of one transaction each: the default load is a single chunk (all or nothing), and a benchmark's
        // hundreds of thousands of stories do not pile up in one transaction.
        for (int from = 0; from < articles.size(); from += CHUNK) {
            List<DemoArticle> chunk = articles.subList(from, Math.min(articles.size(), from + CHUNK));
            int offset = from;
            published += transaction.execute(status -> publish(chunk, offset, firstOfStory, seedStories, pictures));
        }
        log.info("Loaded {} demo articles in {} ms", published, (System.nanoTime() - started) / 1_000_000);
        if (settings.community()) {
            community.open(seedStories);
        }
        return published;
    }

    /**
     * Two stories in three carry their section's illustration as lead picture (the seed story and the latest among
     * them), so lists show both kinds of teaser.
     */
    private int publish(List<DemoArticle> chunk, int offset, Map<String, Long> firstOfStory,
                        Map<String, Long> seedStories, Map<String, Long> pictures) {
        int count = 0;
        for (DemoArticle article : chunk) {
            int index = offset + count;
            // By story, not by article: both editions of a story look alike, and the latest leads with its picture.
            Long leadPicture = index / 2 % 3 == 2 ? null
                    : pictures.get(article.edition() + ":" + article.sectionSlug());
            Long translationOf = article.translationKey() == null ? null : firstOfStory.get(article.translationKey());
            StoryResult result = publishStory.publishNew(LOADER, new PublishCommand(article.edition(), article.sectionSlug(),
                    article.headline(), article.lead(), Body.plain(article.paragraphs()).blocks(), article.datelinePlace(), null,
                    article.credit(), article.tags(), article.authors(), article.slug(), translationOf, leadPicture),
                    article.publishedAt());
            if (!(result instanceof StoryResult.Done published)) {
                throw new IllegalStateException("Demo article refused: " + result);
            }
            count++;
            if (index < DemoCorpus.SEED_STORIES) {
                seedStories.put(article.edition(), published.storyId());
            }
            if (translationOf == null && article.translationKey() != null) {
                firstOfStory.put(article.translationKey(), published.storyId());
            }
        }
        return count;
    }
}
