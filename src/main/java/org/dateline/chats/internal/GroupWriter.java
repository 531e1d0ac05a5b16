package org.dateline.chats.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes new chat messages in groups: whatever was posted while the previous group was being written goes into one
 * transaction, and one commit makes them all durable. A commit is the costly part of a post (H2 writes a new chunk of
 * its file, PostgreSQL flushes its log), and under load most of it is then shared; a lone post is written at once, in
 * a transaction of its own. A caller returns only after the commit that stored its write: nothing is acknowledged
 * before it is durable.
 * <p>
 * A group runs without savepoints (each would cost two more round trips per post on PostgreSQL); when any write of
 * it fails, the group is rolled back and each of its writes is done again in a transaction of its own, so that only
 * the failing one fails. On H2 one thread writes (its commits are serialised anyway); on PostgreSQL several do,
 * each group in the order of its rooms, so that two groups lock the rows of their rooms in the same order and never
 * wait on each other in a circle.
 */
@Component
public class GroupWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GroupWriter.class);
    /** At most this many writes share a commit, so that one group never holds its rows for long. */
    static final int MAX_GROUP = 64;

    private record Pending(long room, Supplier<Long> write, CompletableFuture<Long> done) {
    }

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final TransactionTemplate group;
    private final int writers;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    /**
     * @param writers threads writing groups at once; by default 1 on H2 and 4 on other databases
     *                ({@code dateline.chats.writers})
     */
    GroupWriter(PlatformTransactionManager transactions, @Value("${dateline.chats.writers:0}") int writers,
                @Value("${spring.datasource.url:}") String databaseUrl) {
        this.group = new TransactionTemplate(transactions);
        this.writers = writers > 0 ? writers : databaseUrl.startsWith("jdbc:h2:") ? 1 : 4;
    }

    /**
     * Runs the write inside a transaction and returns its result once that transaction has committed. A runtime
     * exception of the write (or of the commit) is thrown here.
     */
    public long write(long room, Supplier<Long> write) {
        CompletableFuture<Long> done = new CompletableFuture<>();
        boolean queued;
        synchronized (this) { // never queued once the writer was told to stop: it empties the queue and ends
            queued = running;
            if (queued) {
                queue.add(new Pending(room, write, done));
            }
        }
        if (!queued) { // starting or stopping: on the caller's thread, in a transaction of its own
            return group.execute(status -> write.get());
        }
        try {
            return done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the message was being stored", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void run() {
        List<Pending> pending = new ArrayList<>(MAX_GROUP);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                pending.add(first);
                queue.drainTo(pending, MAX_GROUP - 1);
                writeGroup(pending);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error unexpected) {
                log.error("Chat group writer failed", unexpected);
                pending.forEach(p -> p.done().completeExceptionally(unexpected));
            } finally {
                pending.clear();
            }
        }
    }

    private void writeGroup(List<Pending> pending) {
        if (pending.size() == 1) { // nothing to share
            writeAlone(pending.get(0));
            return;
        }
        pending.sort(Comparator.comparingLong(Pending::room)); // stable: one room's posts keep their order
        Long[] results = new Long[pending.size()];
        try {
            group.executeWithoutResult(status -> {
                for (int i = 0; i < pending.size(); i++) {
                    results[i] = pending.get(i).write().get();
                }
            });
        } catch (RuntimeException failed) { // rolled back: each again on its own, and only the failing one fails
            log.debug("A group of {} chat writes failed; writing each alone", pending.size(), failed);
            pending.forEach(this::writeAlone);
            return;
        }
        for (int i = 0; i < pending.size(); i++) {
            pending.get(i).done().complete(results[i]);
        }
    }

    private void writeAlone(Pending one) {
        try {
            one.done().complete(group.execute(status -> one.write().get()));
        } catch (RuntimeException failed) {
            one.done().completeExceptionally(failed);
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        for (int i = 0; i < writers; i++) {
            Thread writer = new Thread(this::run, "chat-writer-" + i);
            writer.setDaemon(true);
            threads.add(writer);
            writer.start();
        }
    }

    /** Takes no more writes into the queue, and writes what is in it before the database goes. */
    @Override
    public void stop() {
        synchronized (this) {
            running = false;
        }
        for (Thread writer : threads) {
            try {
                writer.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
