package org.dateline.wire;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.dateline.newsroom.FieldProblem;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * The feed URLs the newsroom polls: add, change, pause and resume, delete, list, and poll one now. Who may do so is
 * for the caller to check ({@link FeedPolicy} on the newsroom page, scope {@code wire:push} on the API).
 */
@Service
public class WireFeeds {

    public static final int MIN_INTERVAL = 60;
    public static final int DEFAULT_INTERVAL = 300;
    public static final int MAX_INTERVAL = 86_400;
    public static final int MAX_NAME = 120;

    private final FeedStore store;
    private final FeedPoller poller;
    private final WireSettings settings;
    private final Clock clock;

    WireFeeds(FeedStore store, FeedPoller poller, WireSettings settings, Clock clock) {
        this.store = store;
        this.poller = poller;
        this.settings = settings;
        this.clock = clock;
    }

    /** What a person asks for: the name shown in the ingest log, the URL, and the interval (null for the default). */
    public record FeedCommand(String name, String url, Integer intervalSeconds) {
    }

    public List<WireFeed> all() {
        return store.all();
    }

    public Optional<WireFeed> find(long id) {
        return store.find(id);
    }

    public FeedResult add(FeedCommand command) {
        List<FieldProblem> problems = problems(command, 0);
        if (!problems.isEmpty()) {
            return new FeedResult.Refused(problems);
        }
        try {
            long id = store.insert(command.name().strip(), command.url().strip(), interval(command), clock.instant());
            return new FeedResult.Done(store.find(id).orElseThrow());
        } catch (DuplicateKeyException raced) {
            return new FeedResult.Refused(List.of(duplicate()));
        }
    }

    public FeedResult update(long id, FeedCommand command) {
        if (store.find(id).isEmpty()) {
            return new FeedResult.NotFound();
        }
        List<FieldProblem> problems = problems(command, id);
        if (!problems.isEmpty()) {
            return new FeedResult.Refused(problems);
        }
        try {
            store.update(id, command.name().strip(), command.url().strip(), interval(command), clock.instant());
        } catch (DuplicateKeyException raced) {
            return new FeedResult.Refused(List.of(duplicate()));
        }
        return store.find(id).<FeedResult>map(FeedResult.Done::new).orElseGet(FeedResult.NotFound::new);
    }

    /** Paused feeds are not polled; a resumed feed is polled at once. */
    public FeedResult setActive(long id, boolean active) {
        if (!store.setActive(id, active, clock.instant())) {
            return new FeedResult.NotFound();
        }
        return store.find(id).<FeedResult>map(FeedResult.Done::new).orElseGet(FeedResult.NotFound::new);
    }

    /** Stops polling it; what it brought in stays in the newsroom and the ingest log. */
    public boolean delete(long id) {
        return store.delete(id);
    }

    /** Polls the feed now, paused or not, and answers its state after; busy when a poll of it is under way. */
    public FeedResult pollNow(long id) {
        Optional<WireFeed> feed = store.find(id);
        if (feed.isEmpty()) {
            return new FeedResult.NotFound();
        }
        return poller.poll(feed.get()).<FeedResult>map(FeedResult.Done::new)
                .orElseGet(() -> new FeedResult.Busy(store.find(id).orElse(feed.get())));
    }

    private List<FieldProblem> problems(FeedCommand command, long id) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = command.name() == null ? "" : command.name().strip();
        if (name.isEmpty()) {
            problems.add(new FieldProblem("name", "name_required", "Enter a name for the feed."));
        } else if (name.length() > MAX_NAME || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            problems.add(new FieldProblem("name", "invalid_name",
                    "Use a name of at most " + MAX_NAME + " characters on one line."));
        }
        Optional<FieldProblem> url = FeedAddresses.check(command.url(), settings.allowLocalFeeds());
        url.ifPresent(problems::add);
        if (url.isEmpty() && store.urlTaken(command.url().strip(), id)) {
            problems.add(duplicate());
        }
        Integer interval = command.intervalSeconds();
        if (interval != null && (interval < MIN_INTERVAL || interval > MAX_INTERVAL)) {
            problems.add(new FieldProblem("intervalSeconds", "invalid_interval",
                    "Poll every " + MIN_INTERVAL + " to " + MAX_INTERVAL + " seconds."));
        }
        return problems;
    }

    private static int interval(FeedCommand command) {
        return command.intervalSeconds() == null ? DEFAULT_INTERVAL : command.intervalSeconds();
    }

    private static FieldProblem duplicate() {
        return new FieldProblem("url", "duplicate_url", "This feed is polled already.");
    }
}
