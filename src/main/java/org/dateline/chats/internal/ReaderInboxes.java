package org.dateline.chats.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.dateline.changes.Change;
import org.dateline.changes.ChangeKinds;
import org.dateline.chats.ChatKeys;
import org.dateline.chats.ChatQueries;
import org.dateline.chats.MessageView;
import org.dateline.chats.ReaderRoom;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.TextMessage;
import tools.jackson.databind.json.JsonMapper;

/**
 * The unread counts of logged-in readers, live on their sockets: {@code {"type":"inbox"}} on a socket whose handshake
 * carried a reader's session answers with the count of every room the reader follows
 * ({@code {"type":"inbox","rooms":[{"room":7,"unread":3}]}}) and from then on, at most every half second,
 * {@code {"type":"unread","rooms":[{"room":7,"unread":4}]}} with each room whose count moved: a message appeared in or
 * left it (with {@code last}, author and preview, for a new message), or the reader stopped following it
 * ({@code followed:false}).
 * Asking again answers afresh: a client sends it on every (re)connection, and when it learns of a room it follows
 * since. Only rooms followed by a reader connected to this node cost anything.
 * <p>
 * Counts are kept in memory and moved on by each new message (one more for every follower but the author, whose
 * own message reads the room up to it), so a message costs no query however many followers are online. The
 * database says again what each count is: for the whole room at its first message after {@link #RECOUNT} (what
 * a reader read or unfollowed through another node), at every deletion, and for the reader and room at once when
 * the reader reads, follows or unfollows it through this node ({@link #readerMoved}). A room the reader newly
 * follows comes with its {@code title} and {@code url}, so a page listing the rooms can add it. Only a socket that asked
 * with {@code "details":true} (the reader's chats page) gets those and {@code last}; a header needs the counts alone.
 */
@Component
public class ReaderInboxes {

    /** How long a room's counts are moved on in memory before the database is asked again (plus up to a minute). */
    static final long RECOUNT = 300_000_000_000L;

    private final JdbcChats chats;
    private final ChatQueries queries;
    private final JsonMapper json;
    private final JdbcModeration moderation;
    private final Map<Long, Set<ChatSockets.Subscriber>> byReader = new ConcurrentHashMap<>();
    private final Map<Long, Set<Long>> readersByRoom = new ConcurrentHashMap<>();
    private final Map<Long, Set<Long>> roomsByReader = new ConcurrentHashMap<>();
    /** Unread messages by reader and room, for the readers watching on this node. */
    private final Map<Long, Map<Long, Long>> counts = new ConcurrentHashMap<>();
    /** The counts to send at the next {@link #flush}, by reader and room. */
    private final Map<Long, Map<Long, Map<String, Object>>> pending = new ConcurrentHashMap<>();
    /** When each room's counts are to be read from the database again ({@link System#nanoTime}). */
    private final Map<Long, Long> recountedAt = new ConcurrentHashMap<>();

    ReaderInboxes(JdbcChats chats, ChatQueries queries, JsonMapper json, JdbcModeration moderation) {
        this.chats = chats;
        this.queries = queries;
        this.json = json;
        this.moderation = moderation;
    }

    /** Registers first, then reads the counts: a message posted in between comes again as {@code unread}. */
    void watch(ChatSockets.Subscriber subscriber, long accountId, boolean details) {
        subscriber.reader = accountId;
        subscriber.inboxDetails = details;
        byReader.computeIfAbsent(accountId, k -> ConcurrentHashMap.newKeySet()).add(subscriber);
        List<ReaderRoom> rooms = queries.roomsOf(accountId);
        for (ReaderRoom room : rooms) {
            follows(accountId, room.roomId(), room.unread());
        }
        List<Map<String, Object>> counts = new ArrayList<>();
        for (ReaderRoom room : rooms) {
            Map<String, Object> count = new LinkedHashMap<>();
            count.put("room", room.roomId());
            count.put("unread", room.unread());
            counts.add(count);
        }
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "inbox");
        frame.put("rooms", counts);
        subscriber.send(new TextMessage(json.writeValueAsString(frame)));
    }

    void forget(ChatSockets.Subscriber subscriber) {
        Long reader = subscriber.reader;
        if (reader == null) {
            return;
        }
        Set<ChatSockets.Subscriber> sockets = byReader.computeIfPresent(reader, (k, set) -> {
            set.remove(subscriber);
            return set.isEmpty() ? null : set;
        });
        if (sockets == null) { // the reader's last socket on this node
            for (long room : Optional.ofNullable(roomsByReader.remove(reader)).orElse(Set.of())) {
                unfollows(reader, room);
            }
            counts.remove(reader);
            pending.remove(reader);
        }
    }

    /**
     * A ban began or was lifted: the reader's sockets on this node hear {@code {"type":"ban","room":7,"until":…}}
     * ({@code room} null: every room; {@code until} null: until lifted; {@code lifted:true} when it ended), so an open
     * page stops offering to post at once instead of at the next attempt.
     */
    private void onBan(long banId) {
        moderation.banNotice(banId).filter(ban -> byReader.containsKey(ban.accountId())).ifPresent(ban -> {
            Map<String, Object> frame = new LinkedHashMap<>();
            frame.put("type", "ban");
            frame.put("room", ban.roomId());
            frame.put("until", ban.expiresAt() == null ? null : ban.expiresAt().toString());
            frame.put("lifted", ban.lifted());
            TextMessage text = new TextMessage(json.writeValueAsString(frame));
            for (ChatSockets.Subscriber socket : byReader.getOrDefault(ban.accountId(), Set.of())) {
                socket.send(text);
            }
        });
    }

    /**
     * A message appeared in or left a room: its online followers get their new count; a ban reaches its reader.
     *
     * @param message the message of a {@code chat.message} change, read once for every part of this node that needs it
     */
    void onChange(Change change, Supplier<Optional<MessageView>> message) {
        if (ChangeKinds.CHAT_BAN.equals(change.kind()) && change.subjectId() != null && !byReader.isEmpty()) {
            onBan(change.subjectId());
            return;
        }
        boolean posted = ChangeKinds.CHAT_MESSAGE.equals(change.kind());
        if (byReader.isEmpty() || change.subjectId() == null
                || !(posted || ChangeKinds.CHAT_DELETED.equals(change.kind()))) {
            return;
        }
        Long roomId = change.keys().stream().map(ChatKeys::roomIdOf).flatMap(Optional::stream).findFirst()
                .orElse(null);
        if (roomId == null) {
            return;
        }
        Set<Long> audience = new HashSet<>(readersByRoom.getOrDefault(roomId, Set.of()));
        Optional<MessageView> shown = posted ? message.get() : Optional.empty();
        // posting follows the room: the author's other tabs start counting it (their own messages count 0)
        Long author = shown.map(MessageView::authorId).filter(byReader::containsKey).orElse(null);
        if (author != null) {
            audience.add(author);
        }
        if (audience.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        Long due = recountedAt.get(roomId);
        Map<Long, Long> unread;
        if (!posted || due == null || now - due > 0) { // the database's word
            unread = chats.unreadIn(roomId, audience);
            // the next time, spread so that rooms counted at once (a node starting) are not counted again at once
            recountedAt.put(roomId, now + RECOUNT + ThreadLocalRandom.current().nextLong(60_000_000_000L));
        } else { // one more for everyone but the author
            unread = new HashMap<>();
            for (long reader : audience) {
                Long count = count(reader, roomId);
                if (author != null && reader == author) {
                    unread.put(reader, 0L);
                } else if (count != null) {
                    unread.put(reader, count + 1);
                }
            }
        }
        for (long reader : audience) {
            send(reader, roomId, unread.get(reader), shown);
        }
    }

    /**
     * The reader read, followed or unfollowed the room through this node: the count is read again and goes to the
     * reader's sockets here with the next flush (a room followed just now with its title and address).
     */
    public void readerMoved(long reader, long roomId) {
        if (byReader.containsKey(reader)) {
            send(reader, roomId, chats.unreadIn(roomId, List.of(reader)).get(reader), Optional.empty());
        }
    }

    private Long count(long reader, long roomId) {
        return counts.getOrDefault(reader, Map.of()).get(roomId);
    }

    /**
     * Notes the reader's new count of the room for the next {@link #flush}; {@code unread} null: the reader does not
     * follow the room (any more).
     */
    private void send(long reader, long roomId, Long unread, Optional<MessageView> message) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("room", roomId);
        entry.put("unread", unread == null ? 0 : unread);
        if (unread == null) {
            entry.put("followed", false);
            unfollows(reader, roomId);
        } else {
            boolean known = count(reader, roomId) != null;
            follows(reader, roomId, unread);
            message.ifPresent(m -> entry.put("last", last(m)));
            if (!known && byReader.getOrDefault(reader, Set.of()).stream().anyMatch(socket -> socket.inboxDetails)) {
                // for the reader's list of rooms, open on a page here
                chats.room(roomId).ifPresent(room -> chats.link(room).ifPresent(link -> {
                    entry.put("title", link.title());
                    entry.put("url", link.url());
                    entry.put("at", room.lastActivityAt().toString());
                }));
            }
        }
        Map<Long, Map<String, Object>> rooms = pending.computeIfAbsent(reader, k -> new LinkedHashMap<>());
        synchronized (rooms) {
            Map<String, Object> earlier = rooms.remove(roomId);
            if (earlier != null && unread != null) { // what the newer entry does not say again still holds
                earlier.forEach(entry::putIfAbsent);
            }
            rooms.put(roomId, entry);
        }
    }

    /**
     * Sends each reader one {@code unread} frame with every room whose count moved since the last flush. A reader of
     * busy rooms hears at most this often, whatever the rate of messages: per message and socket, the counts cost
     * more frames than the messages themselves.
     */
    @Scheduled(fixedDelayString = "PT0.5S", initialDelayString = "PT0.5S")
    void flush() {
        for (Long reader : List.copyOf(pending.keySet())) {
            Map<Long, Map<String, Object>> rooms = pending.remove(reader);
            if (rooms == null) {
                continue;
            }
            List<Map<String, Object>> entries;
            synchronized (rooms) {
                entries = List.copyOf(rooms.values());
            }
            TextMessage detailed = null;
            TextMessage counted = null;
            for (ChatSockets.Subscriber socket : byReader.getOrDefault(reader, Set.of())) {
                if (socket.inboxDetails) {
                    detailed = detailed != null ? detailed : unreadFrame(entries, true);
                    socket.send(detailed);
                } else {
                    counted = counted != null ? counted : unreadFrame(entries, false);
                    socket.send(counted);
                }
            }
        }
    }

    /** Without details: the room, its count and whether it is still followed (what a header shows). */
    private TextMessage unreadFrame(List<Map<String, Object>> entries, boolean details) {
        List<Map<String, Object>> rooms = entries;
        if (!details) {
            rooms = new ArrayList<>(entries.size());
            for (Map<String, Object> entry : entries) {
                Map<String, Object> count = new LinkedHashMap<>();
                count.put("room", entry.get("room"));
                count.put("unread", entry.get("unread"));
                if (entry.containsKey("followed")) {
                    count.put("followed", entry.get("followed"));
                }
                rooms.add(count);
            }
        }
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "unread");
        frame.put("rooms", rooms);
        return new TextMessage(json.writeValueAsString(frame));
    }

    private static Map<String, Object> last(MessageView message) {
        Map<String, Object> last = new LinkedHashMap<>();
        last.put("id", message.id());
        last.put("author", message.authorName());
        last.put("text", ReaderRoom.preview(message.text()));
        last.put("at", message.createdAt().toString());
        return last;
    }

    private void follows(long reader, long room, long unread) {
        readersByRoom.computeIfAbsent(room, k -> ConcurrentHashMap.newKeySet()).add(reader);
        roomsByReader.computeIfAbsent(reader, k -> ConcurrentHashMap.newKeySet()).add(room);
        counts.computeIfAbsent(reader, k -> new ConcurrentHashMap<>()).put(room, unread);
    }

    private void unfollows(long reader, long room) {
        readersByRoom.computeIfPresent(room, (k, set) -> {
            set.remove(reader);
            return set.isEmpty() ? null : set;
        });
        Set<Long> rooms = roomsByReader.get(reader);
        if (rooms != null) {
            rooms.remove(room);
        }
        Map<Long, Long> unread = counts.get(reader);
        if (unread != null) {
            unread.remove(room);
        }
    }
}
