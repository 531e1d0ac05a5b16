package org.dateline.chats.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.TextMessage;

/**
 * Writes a change's frame to its audience on a few threads ("lanes") instead of the change log's one: each socket
 * belongs to one lane for its life, so its frames keep their order, and the sockets of a busy room are written by
 * all lanes at once. A socket write costs a system call and, on loopback, the receiver's side of TCP too; one thread
 * writing every frame of a node was the ceiling of its deliveries, and under load it got one scheduler share among
 * the dozens of threads busy with posts.
 * <p>
 * Each lane holds at most {@link #BACKLOG} frames waiting; beyond that the change log's thread waits for the lane
 * (the log is durable, so a backlog waits there rather than in memory).
 */
final class FanOut {

    static final int BACKLOG = 4096;

    /** A socket's end of the fan-out: which lane writes to it, and how. */
    interface Target {
        int lane();

        /** @return false when the socket is gone */
        boolean send(TextMessage frame);
    }

    private record Frame<T extends Target>(TextMessage frame, List<T> to) {
    }

    private final int lanes;
    private final Consumer<Target> dropped;
    private static final Logger log = LoggerFactory.getLogger(FanOut.class);

    private final List<BlockingQueue<Frame<? extends Target>>> queues = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong delivered = new AtomicLong();
    private volatile boolean running;

    /** @param dropped told (on a lane's thread) of a socket a frame could not be written to */
    FanOut(int lanes, Consumer<Target> dropped) {
        this.lanes = Math.max(1, lanes);
        this.dropped = dropped;
        for (int i = 0; i < this.lanes; i++) {
            queues.add(new ArrayBlockingQueue<>(BACKLOG));
        }
    }

    /** Hands the frame to the lanes of its audience; written at once on this thread when the lanes are not running. */
    <T extends Target> void send(Collection<T> audience, TextMessage frame) {
        if (!running) {
            write(new Frame<>(frame, List.copyOf(audience)));
            return;
        }
        List<List<T>> byLane = new ArrayList<>(lanes);
        for (int i = 0; i < lanes; i++) {
            byLane.add(new ArrayList<>());
        }
        for (T target : audience) {
            byLane.get(Math.floorMod(target.lane(), lanes)).add(target);
        }
        for (int i = 0; i < lanes; i++) {
            if (!byLane.get(i).isEmpty()) {
                enqueue(queues.get(i), new Frame<>(frame, byLane.get(i)));
            }
        }
    }

    /** Waits while the lane is full; written here once the lanes were told to stop (or this thread to end). */
    private void enqueue(BlockingQueue<Frame<? extends Target>> queue, Frame<? extends Target> frame) {
        try {
            while (!queue.offer(frame, 100, TimeUnit.MILLISECONDS)) {
                if (!running) {
                    write(frame);
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            write(frame);
        }
    }

    private void write(Frame<? extends Target> frame) {
        for (Target target : frame.to()) {
            if (target.send(frame.frame())) {
                delivered.incrementAndGet();
            } else {
                dropped.accept(target);
            }
        }
    }

    long delivered() {
        return delivered.get();
    }

    synchronized void start(String name) {
        running = true;
        for (int i = 0; i < lanes; i++) {
            BlockingQueue<Frame<? extends Target>> queue = queues.get(i);
            Thread lane = new Thread(() -> run(queue), name + "-" + i);
            lane.setDaemon(true);
            threads.add(lane);
            lane.start();
        }
    }

    private void run(BlockingQueue<Frame<? extends Target>> queue) {
        while (running || !queue.isEmpty()) {
            try {
                Frame<? extends Target> frame = queue.poll(200, TimeUnit.MILLISECONDS);
                if (frame != null) {
                    write(frame);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException unexpected) { // a lane never ends before the node does
                log.error("Chat fan-out lane failed", unexpected);
            }
        }
    }

    /** Writes what the lanes hold (for at most a few seconds), then ends them. */
    synchronized void stop() {
        running = false;
        for (Thread lane : threads) {
            try {
                lane.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }
}
