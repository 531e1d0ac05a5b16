package org.dateline.chats.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.dateline.changes.Change;
import org.dateline.changes.ChangeKinds;
import org.dateline.chats.ChatKeys;
import org.dateline.chats.ChatQueries;
import org.dateline.chats.MessageView;
import org.dateline.chats.ReaderRoom;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.TextMessage;
import tools.jackson.databind.json.JsonMapper;

/**
 * The unread counts of logged-in readers, live on their sockets: {@code {"type":"inbox"}} on a socket whose handshake
 * carried a reader's session answers with the count of every room the reader follows
 * ({@code {"type":"inbox","rooms":[{"room":7,"unread":3}]}}) and from then on sends
 * {@code {"type":"unread","room":7,"unread":4}} whenever a message appears in, or leaves, one of those rooms (with
 * {@code last}, author and preview, for a new message; {@code followed:false} once the reader stopped following).
 * Asking again answers afresh: a client sends it on every (re)connection, and when it learns of a room it follows
 * since. Only rooms followed by a reader connected to this node cost anything.
 */
@Component
class ReaderInboxes {

    private final JdbcChats chats;
    private final ChatQueries queries;
    private final JsonMapper json;
    private final JdbcModeration moderation;
    private final Map<Long, Set<ChatSockets.Subscriber>> byReader = new ConcurrentHashMap<>();
    private final Map<Long, Set<Long>> readersByRoom = new ConcurrentHashMap<>();
    private final Map<Long, Set<Long>> roomsByReader = new ConcurrentHashMap<>();

    ReaderInboxes(JdbcChats chats, ChatQueries queries, JsonMapper json, JdbcModeration moderation) {
        this.chats = chats;
        this.queries = queries;
        this.json = json;
        this.moderation = moderation;
    }

    /** Registers first, then reads the counts: a message posted in between comes again as {@code unread}. */
    void watch(ChatSockets.Subscriber subscriber, long accountId) {
        subscriber.reader = accountId;
        byReader.computeIfAbsent(accountId, k -> ConcurrentHashMap.newKeySet()).add(subscriber);
        List<ReaderRoom> rooms = queries.roomsOf(accountId);
        for (ReaderRoom room : rooms) {
            follows(accountId, room.roomId());
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

    /** A message appeared in or left a room: its online followers get their new count; a ban reaches its reader. */
    void onChange(Change change) {
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
        Optional<MessageView> message = posted ? chats.message(change.subjectId()) : Optional.empty();
        // posting follows the room: the author's other tabs start counting it (their own messages count 0)
        message.filter(m -> byReader.containsKey(m.authorId())).ifPresent(m -> audience.add(m.authorId()));
        if (audience.isEmpty()) {
            return;
        }
        Map<Long, Long> unread = chats.unreadIn(roomId, audience);
        for (long reader : audience) {
            Map<String, Object> frame = new LinkedHashMap<>();
            frame.put("type", "unread");
            frame.put("room", roomId);
            Long count = unread.get(reader);
            frame.put("unread", count == null ? 0 : count);
            if (count == null) {
                frame.put("followed", false);
                unfollows(reader, roomId);
            } else {
                follows(reader, roomId);
                message.ifPresent(m -> frame.put("last", last(m)));
            }
            TextMessage text = new TextMessage(json.writeValueAsString(frame));
            for (ChatSockets.Subscriber socket : byReader.getOrDefault(reader, Set.of())) {
                socket.send(text);
            }
        }
    }

    private static Map<String, Object> last(MessageView message) {
        Map<String, Object> last = new LinkedHashMap<>();
        last.put("id", message.id());
        last.put("author", message.authorName());
        last.put("text", ReaderRoom.preview(message.text()));
        last.put("at", message.createdAt().toString());
        return last;
    }

    private void follows(long reader, long room) {
        readersByRoom.computeIfAbsent(room, k -> ConcurrentHashMap.newKeySet()).add(reader);
        roomsByReader.computeIfAbsent(reader, k -> ConcurrentHashMap.newKeySet()).add(room);
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
    }
}
