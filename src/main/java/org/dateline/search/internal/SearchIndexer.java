package org.dateline.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.dateline.changes.Change;
import org.dateline.changes.ChangeHistory;
import org.dateline.changes.ChangeKinds;
import org.dateline.changes.ChangeListener;
import org.dateline.changes.ChangeLog;
import org.dateline.content.Article;
import org.dateline.content.ContentQueries;
import org.dateline.editions.Edition;
import org.dateline.editions.Editions;
import org.dateline.platform.DatelineSettings;
import org.dateline.platform.cache.PageCache;
import org.dateline.search.SearchKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps this node's index of live articles in step with the change log.
 * <p>
 * The tailer's changes are queued and applied on the index's own thread ({@code search-changes}), so a burst of
 * publications never holds up the node's other listeners. Every article change is applied by reading the article's
 * current state (live: put, otherwise: removed), so applying a change twice, or out of order, leaves the same index:
 * the tailer may hand over again what the index already holds, a batch applies each article once, and the catch-up
 * below and the tailer may overlap without harm.
 * <p>
 * At start the index says in its last commit which change-log position it reflects. From there it reads the log
 * itself up to the head (the tailer starts at its own position, which may be ahead), in the background, while it
 * already answers. An index that is missing, unreadable, of another schema, ahead of the log (another database) or
 * behind what the log still keeps is built afresh from the database in the background; meanwhile searches say it is
 * being prepared. Changes that arrive while it is built are applied as they come, and once more after the bulk
 * (which may have written an older state of the same article over them).
 * <p>
 * Changes become searchable at the next refresh ({@code dateline.search.refresh-interval}), which also evicts the
 * cached search pages of the editions they touched. The position is committed every
 * {@code dateline.search.commit-interval} and at stop, never while a build or catch-up is under way.
 */
@Component
class SearchIndexer implements ChangeListener, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);
    private static final Set<String> ARTICLE_KINDS = Set.of(ChangeKinds.ARTICLE_PUBLISHED,
            ChangeKinds.ARTICLE_UPDATED, ChangeKinds.ARTICLE_REMOVED);
    private static final int CATCH_UP_BATCH = 500;
    private static final Duration RETRY = Duration.ofSeconds(10);
    private static final int PENDING_BATCH = 1000;

    private final Path folder;
    private final ContentQueries content;
    private final Editions editions;
    private final ChangeLog changeLog;
    private final ChangeHistory history;
    private final PageCache pageCache;
    private final SearchSettings settings;
    private final Object writing = new Object();
    private final Object refreshing = new Object();
    private final Object advancing = new Object();
    /** Editions whose changes were written since the last refresh. */
    private final Set<String> unrefreshed = ConcurrentHashMap.newKeySet();
    /** Articles changed while a build runs, applied again after it. */
    private final Set<Long> touched = ConcurrentHashMap.newKeySet();

    private volatile ArticleIndex index;
    private volatile boolean ready;
    private volatile boolean built;
    private volatile boolean running;
    /** A build or catch-up is under way: commits wait, and changes are remembered in {@link #touched}. */
    private volatile boolean catchingUp;
    private volatile long applied;
    /** The last position the tailer handed over; every article change up to it is queued or applied. */
    private volatile long seen;
    private final BlockingQueue<Change> pending = new LinkedBlockingQueue<>();
    private Thread applier;
    /** Whatever happens, everything up to here is in the index once the catch-up is done. */
    private volatile long floor;
    private volatile long committedApplied = -1;
    /** The position of the commit the index was opened at. */
    private long resumedFrom;
    private Thread worker;
    private ScheduledExecutorService timers;

    SearchIndexer(DatelineSettings node, ContentQueries content, Editions editions, ChangeLog changeLog,
                  ChangeHistory history, PageCache pageCache, SearchSettings settings) {
        this.folder = node.dataDir().resolve("search").resolve("articles");
        this.content = content;
        this.editions = editions;
        this.changeLog = changeLog;
        this.history = history;
        this.pageCache = pageCache;
        this.settings = settings;
    }

    /** Before the change-log tailer (default phase), so the index is open when the first change comes. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1;
    }

    @Override
    public void start() {
        running = true;
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make the search index folder " + folder, e);
        }
        Optional<String> rebuild = open();
        built = rebuild.isPresent();
        rebuild.ifPresent(reason -> log.info("Building the search index from the database: {}", reason));
        worker = new Thread(() -> rebuild.ifPresentOrElse(reason -> build(), this::catchUp), "search-index");
        worker.setDaemon(true);
        worker.start();
        applier = new Thread(this::applyPending, "search-changes");
        applier.setDaemon(true);
        applier.start();
        timers = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "search-refresh");
            thread.setDaemon(true);
            return thread;
        });
        long refresh = settings.refreshInterval().toMillis();
        timers.scheduleWithFixedDelay(this::refresh, refresh, refresh, TimeUnit.MILLISECONDS);
        long commit = settings.commitInterval().toMillis();
        timers.scheduleWithFixedDelay(this::commit, commit, commit, TimeUnit.MILLISECONDS);
    }

    /**
     * Opens the index on disk if it can be resumed, else an empty one to build.
     *
     * @return why it must be built, empty when it is resumed
     */
    private Optional<String> open() {
        floor = changeLog.head();
        try {
            Directory directory = FSDirectory.open(folder);
            ArticleIndex.Found found = ArticleIndex.inspect(directory);
            String problem = "there is none";
            if (found instanceof ArticleIndex.Outdated outdated) {
                problem = outdated.reason();
            } else if (found instanceof ArticleIndex.Usable usable) {
                problem = resumable(usable.position());
                if (problem == null) {
                    index = ArticleIndex.open(directory, usable.position());
                    applied = usable.position();
                    resumedFrom = usable.position();
                    committedApplied = usable.position();
                    catchingUp = true;
                    ready = true;
                    log.info("Search index resumes after change-log position {} (head {})", applied, floor);
                    return Optional.empty();
                }
            }
            index = ArticleIndex.create(directory);
            catchingUp = true;
            return Optional.of(problem);
        } catch (LockObtainFailedException e) {
            throw new IllegalStateException("Another process holds the search index in " + folder
                    + ": each node needs a data folder of its own (dateline.data-dir)", e);
        } catch (IOException | RuntimeException e) {
            log.warn("The search index in {} cannot be read ({}); it is built afresh", folder, e.toString());
            return Optional.of(createOverBroken(e));
        }
    }

    /** Null when the index can catch up from {@code position}, else why not. */
    private String resumable(long position) {
        if (position > floor) {
            return "it has followed the change log to " + position + ", past its head " + floor
                    + " (another database?)";
        }
        long oldest = history.oldest();
        if (position < floor && oldest > position + 1) {
            return "the change log no longer keeps what came after its position " + position;
        }
        return null;
    }

    private String createOverBroken(Exception cause) {
        try {
            if (index != null) {
                index.close();
            }
            deleteFolderContents();
            index = ArticleIndex.create(FSDirectory.open(folder));
            catchingUp = true;
            return "unreadable: " + cause;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make a search index in " + folder, e);
        }
    }

    private void deleteFolderContents() throws IOException {
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /**
     * Reads every live article into the empty index, then applies again what changed meanwhile. A failure (the
     * database away) is tried again after a pause; what was written stays, since writing an article again is harmless.
     */
    private void build() {
        while (running) {
            long started = System.nanoTime();
            try {
                long count = readAll();
                if (!running) {
                    return;
                }
                finishCatchUp();
                ready = true;
                // Pages rendered while the index was built showed what it could not answer yet (no related stories)
                pageCache.evict(editions.all().stream().map(Edition::code).map(SearchKeys::results).toList());
                log.info("Search index built: {} articles in {} ms", count, (System.nanoTime() - started) / 1_000_000);
                return;
            } catch (IOException | RuntimeException e) {
                log.error("Building the search index failed; trying again in {}", RETRY, e);
                sleep(RETRY);
            }
        }
    }

    private long readAll() throws IOException {
        long count = 0;
        long after = 0;
        while (running) {
            List<Article> batch = content.liveAfter(after, settings.rebuildBatch());
            if (batch.isEmpty()) {
                break;
            }
            for (Article article : batch) {
                index.put(IndexedArticle.of(article, languageOf(article.edition())));
            }
            count += batch.size();
            after = batch.get(batch.size() - 1).id();
        }
        return count;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Applies what the log holds after the index's position up to the head read at start, then lets commits record
     * the position again. A failure is tried again after a pause, from the start: applying twice is harmless.
     */
    private void catchUp() {
        while (running) {
            try {
                long position = resumedFrom; // not applied: the tailer may be ahead of it already
                boolean more = true;
                while (running && more && position < floor) {
                    List<Change> changes = history.after(position, CATCH_UP_BATCH);
                    more = !changes.isEmpty();
                    for (Change change : changes) {
                        if (change.position() > floor) {
                            more = false;
                            break;
                        }
                        write(change);
                        position = change.position();
                    }
                }
                if (running) {
                    finishCatchUp();
                }
                return;
            } catch (IOException | RuntimeException e) {
                log.error("Catching the search index up failed; trying again in {}", RETRY, e);
                sleep(RETRY);
            }
        }
    }

    private void finishCatchUp() throws IOException {
        catchingUp = false;
        Set<Long> again = new HashSet<>(touched);
        touched.removeAll(again);
        for (long articleId : again) {
            apply(articleId, null);
        }
        advance(floor);
        index.refresh();
        commit();
    }

    /**
     * Hands an article change to the index's own thread and returns at once: the tailer delivers to every listener
     * of the node one after another, and reading the article and writing it here must not hold up the page cache,
     * the newsfeed or the chats behind it (a bulk publish is thousands of changes).
     */
    @Override
    public void onChange(Change change) {
        if (ARTICLE_KINDS.contains(change.kind()) && change.subjectId() != null) {
            pending.add(change);
        }
        seen = change.position(); // after the add: whatever is at or below it is queued or needs nothing
    }

    /** The index's thread: applies queued changes in batches, each article once per batch. */
    private void applyPending() {
        List<Change> batch = new ArrayList<>();
        while (running) {
            try {
                long upTo = seen;
                Change first = pending.poll(settings.refreshInterval().toMillis(), TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    pending.drainTo(batch, PENDING_BATCH);
                }
                Map<Long, Change> latest = new LinkedHashMap<>();
                batch.forEach(change -> latest.put(change.subjectId(), change));
                for (Change change : latest.values()) {
                    write(change);
                }
                long last = batch.isEmpty() ? 0 : batch.get(batch.size() - 1).position();
                batch.clear();
                advance(pending.isEmpty() ? Math.max(upTo, last) : last);
                if (last > 0) {
                    refresh(); // at once: the timer's refresh is for the build's and the catch-up's writes
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException | RuntimeException e) {
                // The batch stays: its changes are tried again, and the position waits for them.
                log.warn("The search index could not apply {} changes; trying again shortly", batch.size(), e);
                sleep(Duration.ofSeconds(1));
            }
        }
    }

    private void advance(long position) {
        synchronized (advancing) {
            if (position > applied) {
                applied = position;
            }
        }
    }

    private void write(Change change) throws IOException {
        if (ARTICLE_KINDS.contains(change.kind()) && change.subjectId() != null) {
            if (catchingUp) {
                touched.add(change.subjectId());
            }
            apply(change.subjectId(), change.edition());
        }
    }

    /** Puts the article as it is now, or takes it out when it is not live. */
    private void apply(long articleId, String edition) throws IOException {
        synchronized (writing) {
            Optional<Article> live = content.article(articleId);
            if (live.isPresent()) {
                Article article = live.get();
                index.put(IndexedArticle.of(article, languageOf(article.edition())));
                unrefreshed.add(article.edition());
            } else {
                index.remove(articleId);
            }
            if (edition != null) {
                unrefreshed.add(edition);
            } else if (live.isEmpty()) {
                editions.all().forEach(e -> unrefreshed.add(e.code()));
            }
        }
    }

    Language languageOf(String edition) {
        return editions.find(edition).map(Edition::locale).map(Language::of).orElse(Language.OTHER);
    }

    /** Makes written changes searchable, then evicts the cached result pages they may change. */
    private void refresh() {
        synchronized (refreshing) { // from the index's thread after each batch and from the timer
            if (unrefreshed.isEmpty()) {
                return;
            }
            Set<String> changed = new HashSet<>(unrefreshed);
            unrefreshed.removeAll(changed);
            try {
                index.refresh();
            } catch (IOException | RuntimeException e) {
                unrefreshed.addAll(changed);
                log.warn("Refreshing the search index failed; tried again shortly", e);
                return;
            }
            pageCache.evict(changed.stream().map(SearchKeys::results).toList());
        }
    }

    private synchronized void commit() {
        long position = applied;
        if (catchingUp || position == committedApplied) {
            return;
        }
        try {
            index.commit(position);
            committedApplied = position;
        } catch (IOException | RuntimeException e) {
            log.warn("Committing the search index at position {} failed; tried again later", position, e);
        }
    }

    boolean ready() {
        return ready;
    }

    boolean built() {
        return built;
    }

    long applied() {
        return applied;
    }

    <T> T search(ArticleIndex.SearchWork<T> work) throws IOException {
        return index.search(work);
    }

    @Override
    public void stop() {
        running = false;
        if (timers != null) {
            timers.shutdownNow();
        }
        for (Thread thread : new Thread[] {worker, applier}) {
            if (thread == null) {
                continue;
            }
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        commit();
        try {
            index.close();
        } catch (IOException | RuntimeException e) {
            log.warn("Closing the search index failed", e);
        }
        ready = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
