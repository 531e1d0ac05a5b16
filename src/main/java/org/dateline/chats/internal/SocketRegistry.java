package org.dateline.chats.internal;

import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

/**
 * This node's chat sockets and what each listens to: by connection, and by the key of a room or article
 * ({@link org.dateline.chats.ChatKeys}), so that a change finds its audience with one look-up per key.
 */
@Component
class SocketRegistry {

    static final int MAX_SUBSCRIPTIONS = 20;

    private final ReaderInboxes inboxes;
    private final Map<String, Set<Subscriber>> byKey = new ConcurrentHashMap<>();
    private final Map<String, Subscriber> bySession = new ConcurrentHashMap<>();
    private final AtomicInteger lanes = new AtomicInteger();

    SocketRegistry(ReaderInboxes inboxes) {
        this.inboxes = inboxes;
    }

    /** A new connection, given the next fan-out lane. */
    void opened(WebSocketSession session) {
        bySession.put(session.getId(), new Subscriber(session, lanes.getAndIncrement()));
    }

    /** The connection's subscriber; null once it was dropped. */
    Subscriber of(WebSocketSession session) {
        return bySession.get(session.getId());
    }

    /** The connection is closed (by either side). */
    void closed(WebSocketSession session) {
        Subscriber subscriber = bySession.get(session.getId());
        if (subscriber != null) {
            drop(subscriber);
        }
    }

    /** False, and nothing registered, when it would be the subscriber's key beyond {@link #MAX_SUBSCRIPTIONS}. */
    boolean subscribe(Subscriber subscriber, String key) {
        if (!subscriber.keys.contains(key) && subscriber.keys.size() >= MAX_SUBSCRIPTIONS) {
            return false;
        }
        subscriber.keys.add(key);
        byKey.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(subscriber);
        return true;
    }

    void unsubscribe(Subscriber subscriber, String key) {
        subscriber.keys.remove(key);
        Set<Subscriber> set = byKey.get(key);
        if (set != null) {
            set.remove(subscriber);
        }
    }

    /** Everyone subscribed to any of the keys, each once. */
    Set<Subscriber> audience(Collection<String> keys) {
        Set<Subscriber> audience = new LinkedHashSet<>();
        for (String key : keys) {
            Set<Subscriber> subscribers = byKey.get(key);
            if (subscribers != null) {
                audience.addAll(subscribers);
            }
        }
        return audience;
    }

    List<Subscriber> all() {
        return List.copyOf(bySession.values());
    }

    /** Forgets the connection and closes it; a client that comes back reconnects and catches up. */
    void drop(Subscriber subscriber) {
        bySession.remove(subscriber.id());
        inboxes.forget(subscriber);
        for (String key : subscriber.keys) {
            byKey.computeIfPresent(key, (k, set) -> {
                set.remove(subscriber);
                return set.isEmpty() ? null : set;
            });
        }
        try {
            subscriber.session.close(CloseStatus.GOING_AWAY);
        } catch (IOException | RuntimeException ignored) {
            // already closed
        }
    }

    void dropAll() {
        all().forEach(this::drop);
    }
}
