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
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;

import org.apache.lucene.document.Document;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.dateline.changes.Change;
import org.dateline.changes.ChangeHistory;
import org.dateline.changes.ChangeListener;
import org.dateline.changes.ChangeLog;
import org.dateline.editions.Edition;
import org.dateline.editions.Editions;
import org.dateline.search.IndexStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps one index on disk in step with the change log: the machinery the article index ({@link SearchIndexer}) and
 * the story index ({@link StoryIndexer}) share; each says which changes it follows, how it builds itself from the
 * database and how it applies one change.
 * <p>
 * The tailer's changes are queued and applied on the index's own thread ({@code <name>-changes}), so a burst of
 * changes never holds up the node's other listeners. A subclass applies every change by reading its subject's current
 * state (there: put, otherwise: removed), so applying a change twice, or out of order, leaves the same index: the
 * tailer may hand over again what the index already holds, a batch applies each subject once, and the catch-up below
 * and the tailer may overlap without harm.
 * <p>
 * At start the index says in its last commit which change-log position it reflects. From there it reads the log
 * itself up to the head (the tailer starts at its own position, which may be ahead), in the background, while it
 * already answers. An index that is missing, unreadable, of another schema, ahead of the log (another database) or
 * behind what the log still keeps is built afresh from the database in the background; meanwhile it is not ready.
 * Changes that arrive while it is built are applied as they come, and once more after the bulk (which may have
 * written an older state of the same subject over them).
 * <p>
 * Changes become searchable at the next refresh ({@code dateline.search.refresh-interval}). The position is committed
 * every {@code dateline.search.commit-interval} and at stop, never while a build or catch-up is under way.
 */
abstract class ChangeFedIndex<T> implements ChangeListener, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChangeFedIndex.class);
    private static final int CATCH_UP_BATCH = 500;
    private static final Duration RETRY = Duration.ofSeconds(10);
    private static final int PENDING_BATCH = 1000;

    private final String name;
    private final Path folder;
    private final String schema;
    private final Subjects<T> subjects;
    private final Editions editions;
    private final ChangeLog changeLog;
    private final ChangeHistory history;
    private final SearchSettings settings;
    private final Object writing = new Object();
    private final Object refreshing = new Object();
    private final Object advancing = new Object();
    /** What the changes written since the last refresh touched, as {@link #note} notes it. */
    private final Set<String> unrefreshed = ConcurrentHashMap.newKeySet();
    /** Subjects changed while a build runs, applied again after it. */
    private final Set<Long> touched = ConcurrentHashMap.newKeySet();

    private volatile ArticleIndex index;
    private volatile boolean ready;
    private volatile boolean built;
    private volatile boolean running;
    /** A build or catch-up is under way: commits wait, and changes are remembered in {@link #touched}. */
    private volatile boolean catchingUp;
    private volatile long applied;
    /** The last position the tailer handed over; every change followed up to it is queued or applied. */
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

    /**
     * What an index follows and where it reads its subjects.
     *
     * @param kinds   the change kinds it applies (only those with a subject)
     * @param current the subject with an id as the index shows it now, empty when it shows none (not live, gone)
     * @param after   the subjects the index shows with an id above the one given, by id, at most so many: the bulk
     */
    record Subjects<T>(Set<String> kinds, LongFunction<Optional<T>> current, Batches<T> after, ToLongFunction<T> id) {
    }

    interface Batches<T> {
        List<T> after(long afterId, int limit);
    }

    /**
     * @param name   what the log calls it, and the start of its threads' names
     * @param folder where it lives, {@code <data-dir>/search/<name>}
     * @param schema its fields' version and the analysis' fingerprint ({@link ArticleIndex#schema}): an index on
     *               disk of another is built afresh
     */
    ChangeFedIndex(String name, Path folder, String schema, Subjects<T> subjects, Editions editions,
                   ChangeLog changeLog, ChangeHistory history, SearchSettings settings) {
        this.name = name;
        this.folder = folder;
        this.schema = schema;
        this.subjects = subjects;
        this.editions = editions;
        this.changeLog = changeLog;
        this.history = history;
        this.settings = settings;
    }

    /** The document the index keeps of a subject, under its id. */
    abstract Document document(T subject);

    /**
     * Notes what applying a change shows anew, for {@link #refreshed}; at least one entry, or the refresh waits for
     * the timer's next turn. The subject's id unless a subclass knows better.
     *
     * @param edition the change's edition, null when it has none or the change is applied again after a build
     */
    void note(long id, String edition, Optional<T> now, Set<String> touched) {
        touched.add(Long.toString(id));
    }

    /** Called once the index was built and answers. */
    void whenBuilt(long count) {
    }

    /** Called after a refresh made the changes that touched these searchable. */
    void refreshed(Set<String> touched) {
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
            throw new UncheckedIOException("Cannot make the folder of the " + name + " index " + folder, e);
        }
        Optional<String> rebuild = open();
        built = rebuild.isPresent();
        rebuild.ifPresent(reason -> log.info("Building the {} index from the database: {}", name, reason));
        worker = new Thread(() -> rebuild.ifPresentOrElse(reason -> build(), this::catchUp), name + "-index");
        worker.setDaemon(true);
        worker.start();
        applier = new Thread(this::applyPending, name + "-changes");
        applier.setDaemon(true);
        applier.start();
        timers = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name + "-refresh");
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
            ArticleIndex.Found found = ArticleIndex.inspect(directory, schema);
            String problem = "there is none";
            if (found instanceof ArticleIndex.Outdated outdated) {
                problem = outdated.reason();
            } else if (found instanceof ArticleIndex.Usable usable) {
                problem = resumable(usable.position());
                if (problem == null) {
                    index = ArticleIndex.open(directory, schema, usable.position());
                    applied = usable.position();
                    resumedFrom = usable.position();
                    committedApplied = usable.position();
                    catchingUp = true;
                    ready = true;
                    log.info("The {} index resumes after change-log position {} (head {})", name, applied, floor);
                    return Optional.empty();
                }
            }
            index = ArticleIndex.create(directory, schema);
            catchingUp = true;
            return Optional.of(problem);
        } catch (LockObtainFailedException e) {
            throw new IllegalStateException("Another process holds the " + name + " index in " + folder
                    + ": each node needs a data folder of its own (dateline.data-dir)", e);
        } catch (IOException | RuntimeException e) {
            log.warn("The {} index in {} cannot be read ({}); it is built afresh", name, folder, e.toString());
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
            index = ArticleIndex.create(FSDirectory.open(folder), schema);
            catchingUp = true;
            return "unreadable: " + cause;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make the " + name + " index in " + folder, e);
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
     * Reads everything into the empty index, then applies again what changed meanwhile. A failure (the
     * database away) is tried again after a pause; what was written stays, since writing a subject again is harmless.
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
                whenBuilt(count);
                log.info("The {} index built: {} documents in {} ms", name, count,
                        (System.nanoTime() - started) / 1_000_000);
                return;
            } catch (IOException | RuntimeException e) {
                log.error("Building the {} index failed; trying again in {}", name, RETRY, e);
                sleep(RETRY);
            }
        }
    }

    private long readAll() throws IOException {
        long count = 0;
        long after = 0;
        while (running) {
            List<T> batch = subjects.after().after(after, settings.rebuildBatch());
            if (batch.isEmpty()) {
                break;
            }
            for (T subject : batch) {
                index.put(subjects.id().applyAsLong(subject), document(subject));
            }
            count += batch.size();
            after = subjects.id().applyAsLong(batch.get(batch.size() - 1));
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
                log.error("Catching the {} index up failed; trying again in {}", name, RETRY, e);
                sleep(RETRY);
            }
        }
    }

    private void finishCatchUp() throws IOException {
        catchingUp = false;
        Set<Long> again = new HashSet<>(touched);
        touched.removeAll(again);
        for (long subjectId : again) {
            applyNow(subjectId, null);
        }
        advance(floor);
        index.refresh();
        commit();
    }

    /**
     * Hands a change to the index's own thread and returns at once: the tailer delivers to every listener of the
     * node one after another, and reading the subject and writing it here must not hold up the page cache, the
     * newsfeed or the chats behind it (a bulk publish is thousands of changes).
     */
    @Override
    public void onChange(Change change) {
        if (subjects.kinds().contains(change.kind()) && change.subjectId() != null) {
            pending.add(change);
        }
        seen = change.position(); // after the add: whatever is at or below it is queued or needs nothing
    }

    /** The index's thread: applies queued changes in batches, each subject once per batch. */
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
                log.warn("The {} index could not apply {} changes; trying again shortly", name, batch.size(), e);
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
        if (subjects.kinds().contains(change.kind()) && change.subjectId() != null) {
            if (catchingUp) {
                touched.add(change.subjectId());
            }
            applyNow(change.subjectId(), change.edition());
        }
    }

    private void applyNow(long subjectId, String edition) throws IOException {
        synchronized (writing) {
            Optional<T> now = subjects.current().apply(subjectId);
            if (now.isPresent()) {
                index.put(subjectId, document(now.get()));
            } else {
                index.remove(subjectId);
            }
            note(subjectId, edition, now, unrefreshed);
        }
    }

    /** Makes written changes searchable, then tells {@link #refreshed} what they touched. */
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
                log.warn("Refreshing the {} index failed; tried again shortly", name, e);
                return;
            }
            refreshed(changed);
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
            log.warn("Committing the {} index at position {} failed; tried again later", name, position, e);
        }
    }

    boolean ready() {
        return ready;
    }

    <T> T search(ArticleIndex.SearchWork<T> work) throws IOException {
        return index.search(work);
    }

    Language languageOf(String edition) {
        return editions.find(edition).map(Edition::locale).map(Language::of).orElse(Language.OTHER);
    }

    IndexStatus status() {
        try {
            long documents = ready ? search(view -> (long) view.getIndexReader().numDocs()) : 0;
            return new IndexStatus(ready, applied, documents, built);
        } catch (IOException e) {
            throw new UncheckedIOException("The " + name + " index could not be read", e);
        }
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
            log.warn("Closing the {} index failed", name, e);
        }
        ready = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
