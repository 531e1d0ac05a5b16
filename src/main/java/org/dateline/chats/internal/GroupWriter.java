package org.dateline.chats.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes new chat messages in groups: whatever was posted while the previous group was being written goes into one
 * transaction, each write in a savepoint of its own, and one commit makes them all durable. A commit is the costly
 * part of a post (H2 writes a new chunk of its file, PostgreSQL flushes its log), and under load most of it is then
 * shared; a lone post is written at once, in a transaction of its own. A caller returns only after the commit that
 * stored its write: nothing is acknowledged before it is durable.
 * <p>
 * One thread writes, so the group's rows are locked in the order they were posted; writes that fail (their savepoint
 * rolled back) fail alone, and a commit that fails fails its whole group.
 */
@Component
public class GroupWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GroupWriter.class);
    /** At most this many writes share a commit, so that one group never holds its rows for long. */
    static final int MAX_GROUP = 64;

    private record Pending(Supplier<Long> write, CompletableFuture<Long> done) {
    }

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final TransactionTemplate group;
    private final TransactionTemplate savepoint;
    private volatile Thread thread;
    private volatile boolean running;

    GroupWriter(PlatformTransactionManager transactions) {
        this.group = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * Runs the write inside a transaction and returns its result once that transaction has committed. A runtime
     * exception of the write (or of the commit) is thrown here.
     */
    public long write(Supplier<Long> write) {
        CompletableFuture<Long> done = new CompletableFuture<>();
        boolean queued;
        synchronized (this) { // never queued once the writer was told to stop: it empties the queue and ends
            queued = running;
            if (queued) {
                queue.add(new Pending(write, done));
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
        if (pending.size() == 1) { // nothing to share: no savepoint
            Pending only = pending.get(0);
            try {
                only.done().complete(group.execute(status -> only.write().get()));
            } catch (RuntimeException failed) {
                only.done().completeExceptionally(failed);
            }
            return;
        }
        Long[] results = new Long[pending.size()];
        RuntimeException[] failures = new RuntimeException[pending.size()];
        try {
            group.executeWithoutResult(status -> {
                for (int i = 0; i < pending.size(); i++) {
                    Pending one = pending.get(i);
                    try {
                        results[i] = savepoint.execute(nested -> one.write().get());
                    } catch (RuntimeException failed) { // rolled back to its savepoint; the others go on
                        failures[i] = failed;
                    }
                }
            });
        } catch (RuntimeException commitFailed) {
            pending.forEach(p -> p.done().completeExceptionally(commitFailed));
            return;
        }
        for (int i = 0; i < pending.size(); i++) {
            if (failures[i] != null) {
                pending.get(i).done().completeExceptionally(failures[i]);
            } else {
                pending.get(i).done().complete(results[i]);
            }
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        Thread writer = new Thread(this::run, "chat-writer");
        writer.setDaemon(true);
        thread = writer;
        writer.start();
    }

    /** Takes no more writes into the queue, and writes what is in it before the database goes. */
    @Override
    public void stop() {
        synchronized (this) {
            running = false;
        }
        Thread writer = thread;
        if (writer != null) {
            try {
                writer.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
