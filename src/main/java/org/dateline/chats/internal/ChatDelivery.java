package org.dateline.chats.internal;

import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.dateline.changes.Change;
import org.dateline.changes.ChangeKinds;
import org.dateline.changes.ChangeListener;
import org.dateline.chats.ChatKeys;
import org.dateline.chats.MessageView;
import org.dateline.chats.RoomState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Delivers every chat change in the change log, from whichever node, to this node's sockets subscribed to its room:
 * encoded once, written by the {@link FanOut}'s lanes, with {@code seq}, the change's position. Frames may arrive
 * twice around a (re)subscription: each states how things are now, so applying one again changes nothing. A reader's
 * own news (a ban, what they read) goes only to their sockets, through {@link ReaderInboxes}.
 */
@Component
class ChatDelivery implements ChangeListener, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChatDelivery.class);

    private final SocketRegistry sockets;
    private final ChatProtocol protocol;
    private final ReaderInboxes inboxes;
    private final JdbcRooms rooms;
    private final JdbcMessages messages;
    private final JdbcReactions reactions;
    private final FreshMessages fresh;
    private final FanOut fanOut;
    private volatile boolean running;

    ChatDelivery(SocketRegistry sockets, ChatProtocol protocol, ReaderInboxes inboxes, JdbcRooms rooms,
                 JdbcMessages messages, JdbcReactions reactions, FreshMessages fresh, ChatSettings settings) {
        this.sockets = sockets;
        this.protocol = protocol;
        this.inboxes = inboxes;
        this.rooms = rooms;
        this.messages = messages;
        this.reactions = reactions;
        this.fresh = fresh;
        this.fanOut = new FanOut(settings.sendLanes(), gone -> {
            Subscriber subscriber = (Subscriber) gone;
            log.debug("Chat socket {} dropped", subscriber.id());
            sockets.drop(subscriber);
        });
    }

    @Override
    public void onChange(Change change) {
        if (!change.kind().startsWith("chat.") || change.subjectId() == null) {
            return;
        }
        // a new message is read once (or taken as stored here) for the inboxes and the room's frame alike
        Supplier<Optional<MessageView>> message = memoised(() -> ChangeKinds.CHAT_MESSAGE.equals(change.kind())
                ? fresh.take(change.subjectId()).or(() -> messages.message(change.subjectId()))
                : messages.message(change.subjectId()));
        try {
            deliver(change, message);
        } finally {
            if (ChangeKinds.CHAT_MESSAGE.equals(change.kind())) {
                fresh.forget(change.subjectId()); // announced, or nobody here to announce it to
            }
        }
    }

    private void deliver(Change change, Supplier<Optional<MessageView>> message) {
        inboxes.onChange(change, message);
        if (ChangeKinds.CHAT_BAN.equals(change.kind()) || ChangeKinds.CHAT_READ.equals(change.kind())) {
            return; // a reader's own news: only their sockets, through the inboxes
        }
        Set<Subscriber> audience = sockets.audience(change.keys());
        if (audience.isEmpty()) {
            return;
        }
        ServerFrame frame = frame(change, message);
        if (frame != null) {
            fanOut.send(audience, protocol.write(frame));
        }
    }

    /** The change as its one frame for every subscriber; null when there is nothing to say any more. */
    private ServerFrame frame(Change change, Supplier<Optional<MessageView>> message) {
        long id = change.subjectId();
        long seq = change.position();
        Long roomId = change.keys().stream().map(ChatKeys::roomIdOf).flatMap(Optional::stream).findFirst()
                .orElse(null);
        return switch (change.kind()) {
            // posted on this node: as stored. Already deleted again by the time this node reads the log: the
            // deletion follows
            case ChangeKinds.CHAT_MESSAGE -> message.get().map(m -> ServerFrame.MessageNow.shown(m, seq)).orElse(null);
            case ChangeKinds.CHAT_EDITED -> message.get().map(m -> ServerFrame.MessageNow.edited(m, seq)).orElse(null);
            case ChangeKinds.CHAT_DELETED -> new ServerFrame.Deleted(roomId, id, seq);
            case ChangeKinds.CHAT_ROOM -> rooms.room(id)
                    .map(room -> new ServerFrame.RoomOpen(id, room.state() == RoomState.OPEN, seq)).orElse(null);
            case ChangeKinds.CHAT_REACTION -> new ServerFrame.Reactions(roomId, id, reactions.reactionCounts(id), seq);
            default -> null;
        };
    }

    private static <T> Supplier<T> memoised(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;
            private boolean done;

            @Override
            public T get() {
                if (!done) {
                    value = supplier.get();
                    done = true;
                }
                return value;
            }
        };
    }

    @Override
    public void start() {
        running = true;
        fanOut.start("chat-send");
    }

    /**
     * Writes what the lanes hold, then closes every socket before the web server's graceful shutdown; clients
     * reconnect (elsewhere) and catch up.
     */
    @Override
    public void stop() {
        running = false;
        fanOut.stop();
        sockets.dropAll();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
