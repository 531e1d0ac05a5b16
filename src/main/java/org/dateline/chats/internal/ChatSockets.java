package org.dateline.chats.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.dateline.changes.Change;
import org.dateline.changes.ChangeKinds;
import org.dateline.changes.ChangeListener;
import org.dateline.chats.ActiveBan;
import org.dateline.chats.ChatKeys;
import org.dateline.chats.ChatResult;
import org.dateline.chats.MessageView;
import org.dateline.chats.PostMessage;
import org.dateline.chats.Refusal;
import org.dateline.chats.Room;
import org.dateline.content.ContentQueries;
import org.dateline.identity.Account;
import org.dateline.identity.LoginSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * This node's chat sockets ({@code /ws/chats}) and the delivery of chat changes to them.
 * <p>
 * A client subscribes to rooms (by room id, or by article id when the article's room does not exist yet); every
 * chat change in the change log, from whichever node, is encoded once and sent to everyone subscribed to its room.
 * Every frame about a change carries {@code seq}, the change's position in the change log. A (re)connecting client
 * names the highest {@code seq} it has applied ({@code since}; the page carries the room's position when it was
 * rendered) and first receives exactly what changed after it, oldest change first: {@code message} for a message
 * that became visible, {@code changed} (the message as it is now: text, edit mark, reactions) for one that was
 * visible already, {@code deleted} for one that left; then {@code synced} with the new {@code seq} and whether the
 * room is {@code open}. When more changed than {@link #MAX_CATCH_UP}, {@code synced} says {@code reset}: the client
 * reloads the newest page of history and goes on from that {@code seq}. The older protocol, {@code after} (the last
 * message id a page has), still brings the visible messages after it.
 * <p>
 * A logged-in reader's page also posts over its socket ({@code post}): the same use case as the HTTP API, for the
 * account the handshake carried, while the login session it was opened with still stands (checked at every post,
 * so a logout or expiry on any node stops it). The answer names the client's {@code ref}:
 * {@code posted} with the stored message, or {@code refused} with the refusal's {@code code} and {@code detail}
 * (and {@code bannedUntil}, {@code everyRoom} for a ban). The message reaches the room's subscribers, the author's
 * other sockets included, through the change log like any other.
 * <p>
 * Protocol, JSON text frames. Client: {@code {"type":"subscribe","room":7,"since":3310}} or
 * {@code {"type":"subscribe","article":42,"since":0}}, {@code {"type":"unsubscribe","room":7}},
 * {@code {"type":"ping"}}, {@code {"type":"inbox","details":false}} (a logged-in reader's unread counts:
 * {@link ReaderInboxes}),
 * {@code {"type":"post","ref":"c1","room":7,"body":"…","replyTo":null}} (or {@code "article":42} instead of the room).
 * Server: {@code subscribed}, {@code message}, {@code edited}, {@code changed} (each with a {@code message}),
 * {@code deleted} and {@code reactions} (with {@code id}, {@code room} and {@code reactions}), {@code room} (with
 * {@code open}), {@code synced}, {@code pong}, {@code posted} and {@code refused} (with the {@code ref}), {@code error} (with a
 * {@code code}). Frames may arrive twice around a
 * (re)subscription: each states how things are now, so applying one again changes nothing.
 */
@Component
class ChatSockets extends TextWebSocketHandler implements ChangeListener, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChatSockets.class);
    static final int MAX_SUBSCRIPTIONS = 20;
    static final int MAX_CATCH_UP = 200;
    private static final int SEND_TIME_LIMIT_MS = 5_000;
    private static final int BUFFER_LIMIT_BYTES = 512 * 1024;
    private static final int MAX_REF_LENGTH = 64;
    static final int HEARTBEAT_SLOTS = 25;

    private final JdbcRooms rooms;
    private final JdbcMessages messages;
    private final JdbcReactions reactions;
    private final ContentQueries content;
    private final JsonMapper json;
    private final ReaderInboxes inboxes;
    private final PostMessage posts;
    private final LoginSessions logins;
    private final FreshMessages fresh;
    private final Map<String, Set<Subscriber>> byKey = new ConcurrentHashMap<>();
    private final Map<String, Subscriber> bySession = new ConcurrentHashMap<>();
    private final AtomicInteger lanes = new AtomicInteger();
    private final FanOut fanOut;
    private volatile boolean running;
    private long heartbeats; // the scheduler's thread only

    ChatSockets(JdbcRooms rooms, JdbcMessages messages, JdbcReactions reactions, ContentQueries content, JsonMapper json, ReaderInboxes inboxes, PostMessage posts,
                LoginSessions logins, FreshMessages fresh,
                ChatSettings settings) {
        this.rooms = rooms;
        this.messages = messages;
        this.reactions = reactions;
        this.fanOut = new FanOut(settings.sendLanes(), gone -> {
                    Subscriber subscriber = (Subscriber) gone;
                    log.debug("Chat socket {} dropped", subscriber.session.getId());
                    bySession.remove(subscriber.session.getId());
                    drop(subscriber);
                });
        this.posts = posts;
        this.logins = logins;
        this.fresh = fresh;
        this.inboxes = inboxes;
        this.content = content;
        this.json = json;
    }

    /** One connection: sends are serialised, and a client that cannot keep up is dropped, never waited for. */
    static final class Subscriber implements FanOut.Target {
        final WebSocketSession session;
        /** The fan-out lane that writes this socket's change frames, for its whole life. */
        private final int lane;
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

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        session.setTextMessageSizeLimit(4096);
        bySession.put(session.getId(), new Subscriber(session, lanes.getAndIncrement()));
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        Subscriber subscriber = bySession.remove(session.getId());
        if (subscriber != null) {
            drop(subscriber);
        }
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage frame) {
        Subscriber subscriber = bySession.get(session.getId());
        if (subscriber == null) {
            return;
        }
        JsonNode request;
        try {
            request = json.readTree(frame.getPayload());
        } catch (JacksonException malformed) {
            error(subscriber, "malformed_frame", null);
            return;
        }
        switch (request.path("type").asString("")) {
            case "subscribe" -> subscribe(subscriber, request);
            case "unsubscribe" -> unsubscribe(subscriber, request);
            case "ping" -> subscriber.send(new TextMessage("{\"type\":\"pong\"}"));
            case "inbox" -> inbox(subscriber, session, request.path("details").asBoolean(false));
            case "post" -> post(subscriber, session, request);
            default -> error(subscriber, "unknown_type", null);
        }
    }

    private void subscribe(Subscriber subscriber, JsonNode request) {
        long roomId = request.path("room").asLong(0);
        long articleId = request.path("article").asLong(0);
        // present (0 for a page that shows no message yet): catch up; absent: live only
        long since = request.has("since") ? Math.max(0, request.path("since").asLong(0)) : -1;
        long after = request.has("after") ? Math.max(0, request.path("after").asLong(0)) : -1;
        Optional<Room> room;
        String key;
        if (roomId > 0) {
            room = rooms.room(roomId).filter(r -> !r.articleRemoved());
            if (room.isEmpty()) {
                error(subscriber, "room_not_found", roomId);
                return;
            }
            key = ChatKeys.room(roomId);
        } else if (articleId > 0 && content.article(articleId).isPresent()) {
            room = rooms.roomOfArticle(articleId);
            key = ChatKeys.article(articleId);
        } else {
            error(subscriber, "room_not_found", null);
            return;
        }
        if (!subscriber.keys.contains(key) && subscriber.keys.size() >= MAX_SUBSCRIPTIONS) {
            error(subscriber, "too_many_subscriptions", room.map(Room::id).orElse(null));
            return;
        }
        // Registered before the catch-up is read, so nothing posted in between is missed (at worst sent twice).
        subscriber.keys.add(key);
        byKey.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(subscriber);
        Map<String, Object> ack = new LinkedHashMap<>();
        ack.put("type", "subscribed");
        ack.put("room", room.map(Room::id).orElse(null));
        if (articleId > 0) {
            ack.put("article", articleId);
        }
        subscriber.send(text(ack));
        if (since >= 0) {
            catchUp(subscriber, room.orElse(null), since);
        } else if (after >= 0 && room.isPresent()) {
            for (MessageView missed : messages.after(room.get().id(), after, MAX_CATCH_UP)) {
                subscriber.send(text(event("message", missed)));
            }
        }
    }

    /** Everything that changed in the room after the position, then {@code synced}. */
    private void catchUp(Subscriber subscriber, Room room, long since) {
        Map<String, Object> synced = new LinkedHashMap<>();
        synced.put("type", "synced");
        synced.put("room", room == null ? null : room.id());
        if (room == null) { // nobody has written under the article yet: nothing to catch up with
            synced.put("seq", since);
            synced.put("open", true);
            subscriber.send(text(synced));
            return;
        }
        long head = rooms.lastChange(room.id()); // read first: anything later comes in the catch-up or live
        List<JdbcMessages.ChangedMessage> changes = messages.changedSince(room.id(), since, MAX_CATCH_UP + 1);
        long seq = Math.max(since, head);
        if (changes.size() > MAX_CATCH_UP) {
            synced.put("reset", true);
        } else {
            for (JdbcMessages.ChangedMessage change : changes) {
                Map<String, Object> frame = catchUpFrame(room.id(), change, since);
                if (frame != null) {
                    frame.put("seq", change.lastChange());
                    subscriber.send(text(frame));
                }
                seq = Math.max(seq, change.lastChange());
            }
        }
        synced.put("seq", seq);
        synced.put("open", room.state() == org.dateline.chats.RoomState.OPEN);
        subscriber.send(text(synced));
    }

    /** How one changed message looks to a client that has seen everything up to {@code since}; null: nothing. */
    private static Map<String, Object> catchUpFrame(long roomId, JdbcMessages.ChangedMessage change, long since) {
        boolean shownBefore = change.shownChange() != null && change.shownChange() <= since;
        if (change.view() != null) {
            return event(shownBefore ? "changed" : "message", change.view());
        }
        if (!shownBefore) {
            return null; // held, or shown and gone again while the client was away: it never knew the message
        }
        Map<String, Object> deleted = new LinkedHashMap<>();
        deleted.put("type", "deleted");
        deleted.put("room", roomId);
        deleted.put("id", change.id());
        return deleted;
    }

    /** A logged-in reader's connection asks for its unread counts; the handshake said who it is. */
    private void inbox(Subscriber subscriber, WebSocketSession session, boolean details) {
        if (!(session.getAttributes().get(ChatSocketConfiguration.READER) instanceof Long reader)) {
            error(subscriber, "login_required", null);
            return;
        }
        inboxes.watch(subscriber, reader, details);
    }

    /** A reader posts over the socket; the answer carries the client's ref. */
    private void post(Subscriber subscriber, WebSocketSession session, JsonNode request) {
        String ref = request.path("ref").asString("");
        if (ref.length() > MAX_REF_LENGTH) {
            ref = ref.substring(0, MAX_REF_LENGTH);
        }
        Optional<Account> reader = acting(session);
        if (reader.isEmpty()) {
            refused(subscriber, ref, Refusal.LOGIN_REQUIRED, null);
            return;
        }
        long roomId = request.path("room").asLong(0);
        long articleId = request.path("article").asLong(0);
        JsonNode body = request.path("body");
        long replyTo = request.path("replyTo").asLong(0);
        PostMessage.Command command = new PostMessage.Command(roomId > 0 ? roomId : null,
                roomId > 0 || articleId <= 0 ? null : articleId, body.isString() ? body.asString() : null,
                replyTo > 0 ? replyTo : null, (String) session.getAttributes().get(ChatSocketConfiguration.ADDRESS));
        ChatResult<MessageView> result = posts.postAs(reader.get(), command);
        if (result instanceof ChatResult.Refused<MessageView> refusal) {
            ActiveBan ban = refusal.reason() == Refusal.BANNED ? posts.banOf(reader.get().id(), command).orElse(null) : null;
            refused(subscriber, ref, refusal.reason(), ban);
            return;
        }
        Map<String, Object> posted = new LinkedHashMap<>();
        posted.put("type", "posted");
        posted.put("ref", ref);
        posted.put("message", ((ChatResult.Done<MessageView>) result).value());
        subscriber.send(text(posted));
    }

    /**
     * The account the connection acts for, read fresh, while the login session it was opened with stands (one
     * look-up for both); empty otherwise.
     */
    private Optional<Account> acting(WebSocketSession session) {
        if (!(session.getAttributes().get(ChatSocketConfiguration.READER) instanceof Long reader)) {
            return Optional.empty();
        }
        Optional<Account> account = logins.use((String) session.getAttributes()
                .get(ChatSocketConfiguration.LOGIN_SESSION), reader);
        if (account.isEmpty()) {
            // logged out (here or on another node) or expired: this connection is anonymous from now on
            session.getAttributes().remove(ChatSocketConfiguration.READER);
        }
        return account;
    }

    private void refused(Subscriber subscriber, String ref, Refusal refusal, ActiveBan ban) {
        Map<String, Object> refused = new LinkedHashMap<>();
        refused.put("type", "refused");
        refused.put("ref", ref);
        refused.put("code", refusal.code());
        refused.put("detail", refusal.message());
        if (ban != null) {
            refused.put("bannedUntil", ban.expiresAt() == null ? null : ban.expiresAt().toString());
            refused.put("everyRoom", ban.roomId() == null);
        }
        subscriber.send(text(refused));
    }

    private void unsubscribe(Subscriber subscriber, JsonNode request) {
        long roomId = request.path("room").asLong(0);
        long articleId = request.path("article").asLong(0);
        String key = roomId > 0 ? ChatKeys.room(roomId) : ChatKeys.article(articleId);
        subscriber.keys.remove(key);
        Set<Subscriber> set = byKey.get(key);
        if (set != null) {
            set.remove(subscriber);
        }
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
        Set<Subscriber> audience = new LinkedHashSet<>();
        for (String key : change.keys()) {
            Set<Subscriber> subscribers = byKey.get(key);
            if (subscribers != null) {
                audience.addAll(subscribers);
            }
        }
        if (audience.isEmpty()) {
            return;
        }
        Map<String, Object> event = frame(change, message);
        if (event == null) {
            return;
        }
        event.put("seq", change.position());
        fanOut.send(audience, text(event));
    }

    /** The change as its one frame for every subscriber; null when there is nothing to say any more. */
    private Map<String, Object> frame(Change change, Supplier<Optional<MessageView>> message) {
        long id = change.subjectId();
        Long roomId = change.keys().stream().map(ChatKeys::roomIdOf).flatMap(Optional::stream).findFirst()
                .orElse(null);
        switch (change.kind()) {
            case ChangeKinds.CHAT_MESSAGE, ChangeKinds.CHAT_EDITED -> {
                // posted on this node: as stored. Already deleted again by the time this node reads the log: the
                // deletion follows
                return message.get().map(m -> event(
                        ChangeKinds.CHAT_MESSAGE.equals(change.kind()) ? "message" : "edited", m)).orElse(null);
            }
            case ChangeKinds.CHAT_DELETED -> {
                Map<String, Object> deleted = new LinkedHashMap<>();
                deleted.put("type", "deleted");
                deleted.put("room", roomId);
                deleted.put("id", id);
                return deleted;
            }
            case ChangeKinds.CHAT_ROOM -> {
                return rooms.room(id).map(room -> {
                    Map<String, Object> state = new LinkedHashMap<>();
                    state.put("type", "room");
                    state.put("room", id);
                    state.put("open", room.state() == org.dateline.chats.RoomState.OPEN);
                    return state;
                }).orElse(null);
            }
            case ChangeKinds.CHAT_REACTION -> {
                Map<String, Object> counts = new LinkedHashMap<>();
                counts.put("type", "reactions");
                counts.put("room", roomId);
                counts.put("id", id);
                counts.put("reactions", reactions.reactionCounts(id));
                return counts;
            }
            default -> {
                return null;
            }
        }
    }

    private static Map<String, Object> event(String type, MessageView message) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", type);
        event.put("room", message.roomId());
        event.put("message", message);
        return event;
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

    private void error(Subscriber subscriber, String code, Long roomId) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", "error");
        error.put("code", code);
        if (roomId != null) {
            error.put("room", roomId);
        }
        subscriber.send(text(error));
    }

    private TextMessage text(Map<String, Object> event) {
        return new TextMessage(json.writeValueAsString(event));
    }

    private void drop(Subscriber subscriber) {
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

    /**
     * Keeps idle connections open through proxies, and finds the dead ones: each socket is pinged every
     * {@link #HEARTBEAT_SLOTS} seconds, a slot of them each second. Pinging all at once made every client answer at
     * once, and with thousands of sockets that burst delayed the messages being delivered.
     */
    @Scheduled(fixedDelayString = "PT1S", initialDelayString = "PT1S")
    void heartbeat() {
        int slot = (int) (heartbeats++ % HEARTBEAT_SLOTS);
        for (Subscriber subscriber : List.copyOf(bySession.values())) {
            if (Math.floorMod(subscriber.session.getId().hashCode(), HEARTBEAT_SLOTS) != slot) {
                continue;
            }
            try {
                subscriber.session.sendMessage(new PingMessage());
            } catch (IOException | RuntimeException gone) {
                bySession.remove(subscriber.session.getId());
                drop(subscriber);
            }
        }
    }

    int connections() {
        return bySession.size();
    }

    long delivered() {
        return fanOut.delivered();
    }

    @Override
    public void start() {
        running = true;
        fanOut.start("chat-send");
    }

    /** Closes every socket before the web server's graceful shutdown; clients reconnect (elsewhere) and catch up. */
    @Override
    public void stop() {
        running = false;
        fanOut.stop();
        for (Subscriber subscriber : List.copyOf(bySession.values())) {
            bySession.remove(subscriber.session.getId());
            drop(subscriber);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
