package org.dateline.chats.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores items in groups: whatever was handed in while the previous group was being stored goes into one
 * transaction, and one commit makes them all durable. A commit is the costly part of a write (H2 writes a new chunk
 * of its file, PostgreSQL flushes its log), and under load most of it is then shared; and a group is stored by one
 * {@link Store} call, which can send each kind of statement for the whole group at once (a JDBC batch: one round
 * trip instead of one per item). A lone item is stored at once, in a transaction of its own. A caller returns only
 * after the commit that stored its item: nothing is acknowledged before it is durable.
 * <p>
 * A group runs without savepoints (each would cost two more round trips per item on PostgreSQL); when any part of it
 * fails, the group is rolled back and each of its items is stored again in a transaction of its own, so that only
 * the failing one fails. Several threads may store groups at once; each key (for chat messages, a room) belongs to one
 * of them, so that two groups being stored at once never lock the same rows behind their keys (a room's row is
 * locked by every message posted to it, and a group of 64 spread over 500 rooms overlapped every other group: the
 * writers took turns instead of working side by side). Items of one key are stored in the order they came; a group is
 * handed to the store in the order of its items' keys.
 *
 * @param <T> what is stored
 */
public final class GroupWriter<T> {

    private static final Logger log = LoggerFactory.getLogger(GroupWriter.class);
    /** At most this many items share a commit, so that one group never holds its rows for long. */
    static final int MAX_GROUP = 64;

    /** Stores a group, inside the group's transaction. */
    @FunctionalInterface
    public interface Store<T> {
        /** @return one result per item (a generated id), in the order of the items */
        long[] store(List<T> group);
    }

    private record Pending<T>(T item, CompletableFuture<Long> done) {
    }

    private final String name;
    private final TransactionTemplate transaction;
    private final int writers;
    private final ToLongFunction<T> key;
    private final Comparator<Pending<T>> order;
    private final Store<T> store;
    /** One per writer: an item waits in the queue of the writer its key belongs to. */
    private final List<BlockingQueue<Pending<T>>> queues = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    /**
     * @param name    of the writing threads
     * @param writers threads storing groups at once
     * @param key     which writer stores an item (the key modulo the writers), and the order in which a group's items
     *                are handed to the store (stable: items of one key keep the order they came in)
     */
    public GroupWriter(String name, PlatformTransactionManager transactions, int writers, ToLongFunction<T> key,
                       Store<T> store) {
        this.name = name;
        this.transaction = new TransactionTemplate(transactions);
        this.writers = writers;
        this.key = key;
        this.order = Comparator.comparingLong(pending -> key.applyAsLong(pending.item()));
        this.store = store;
        for (int i = 0; i < writers; i++) {
            queues.add(new LinkedBlockingQueue<>());
        }
    }

    /**
     * Stores the item and returns its result once the transaction that stored it has committed. A runtime exception
     * of the store (or of the commit) is thrown here.
     */
    public long write(T item) {
        CompletableFuture<Long> done = new CompletableFuture<>();
        boolean queued;
        synchronized (this) { // never queued once the writer was told to stop: it empties the queue and ends
            queued = running;
            if (queued) {
                queues.get((int) Math.floorMod(key.applyAsLong(item), (long) writers)).add(new Pending<>(item, done));
            }
        }
        if (!queued) { // starting or stopping: on the caller's thread, in a transaction of its own
            return storeAlone(item);
        }
        try {
            return done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the item was being stored", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void run(BlockingQueue<Pending<T>> queue) {
        List<Pending<T>> pending = new ArrayList<>(MAX_GROUP);
        while (running || !queue.isEmpty()) {
            try {
                Pending<T> first = queue.poll(200, TimeUnit.MILLISECONDS);
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
                log.error("Group writer {} failed", name, unexpected);
                pending.forEach(p -> p.done().completeExceptionally(unexpected));
            } finally {
                pending.clear();
            }
        }
    }

    private void writeGroup(List<Pending<T>> pending) {
        if (pending.size() == 1) { // nothing to share
            writeAlone(pending.get(0));
            return;
        }
        pending.sort(order);
        List<T> items = pending.stream().map(Pending::item).toList();
        long[] results;
        try {
            results = transaction.execute(status -> checked(store.store(items), items.size()));
        } catch (RuntimeException failed) { // rolled back: each again on its own, and only the failing one fails
            log.debug("A group of {} writes of {} failed; storing each alone", pending.size(), name, failed);
            pending.forEach(this::writeAlone);
            return;
        }
        for (int i = 0; i < pending.size(); i++) {
            pending.get(i).done().complete(results[i]);
        }
    }

    private void writeAlone(Pending<T> one) {
        try {
            one.done().complete(storeAlone(one.item()));
        } catch (RuntimeException failed) {
            one.done().completeExceptionally(failed);
        }
    }

    private long storeAlone(T item) {
        return transaction.execute(status -> checked(store.store(List.of(item)), 1))[0];
    }

    private static long[] checked(long[] results, int items) {
        if (results.length != items) { // inside the transaction: rolled back
            throw new IllegalStateException("A store returned " + results.length + " results for " + items + " items");
        }
        return results;
    }

    public synchronized void start() {
        running = true;
        for (int i = 0; i < writers; i++) {
            BlockingQueue<Pending<T>> queue = queues.get(i);
            Thread writer = new Thread(() -> run(queue), name + "-" + i);
            writer.setDaemon(true);
            threads.add(writer);
            writer.start();
        }
    }

    /** Takes no more items into the queue, and stores what is in it before returning. */
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

    public boolean isRunning() {
        return running;
    }
}
