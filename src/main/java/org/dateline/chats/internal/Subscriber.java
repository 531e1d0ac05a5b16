package org.dateline.chats.internal;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

/** One chat socket: sends are serialised, and a client that cannot keep up is dropped, never waited for. */
final class Subscriber implements FanOut.Target {

    private static final int SEND_TIME_LIMIT_MS = 5_000;
    private static final int BUFFER_LIMIT_BYTES = 512 * 1024;

    final WebSocketSession session;
    /** The fan-out lane that writes this socket's change frames, for its whole life. */
    private final int lane;
    /** The rooms and articles it listens to ({@link org.dateline.chats.ChatKeys}). */
    final Set<String> keys = ConcurrentHashMap.newKeySet();
    /** The reader whose unread counts this connection receives, once it asked ({@link ReaderInboxes}). */
    volatile Long reader;
    /** Whether it asked for each room's last message, title and address too (a list of rooms), or counts alone. */
    volatile boolean inboxDetails;
    /** The total a header shows now ({@link ReaderInboxes#shown}); -1 before the first; the flush's thread only. */
    long shownTotal = -1;

    Subscriber(WebSocketSession session, int lane) {
        this.lane = lane;
        this.session = new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MS, BUFFER_LIMIT_BYTES,
                ConcurrentWebSocketSessionDecorator.OverflowStrategy.TERMINATE);
    }

    String id() {
        return session.getId();
    }

    @Override
    public int lane() {
        return lane;
    }

    @Override
    public boolean send(TextMessage message) {
        try {
            session.sendMessage(message);
            return true;
        } catch (IOException | RuntimeException gone) {
            return false;
        }
    }
}
