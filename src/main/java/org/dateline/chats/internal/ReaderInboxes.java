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

/**
 * The unread counts of logged-in readers, live on their sockets. {@code {"type":"inbox"}} on a socket whose handshake
 * carried a reader's session answers with the reader's {@code total} of unread messages, and from then on, at most
 * every half second, {@code {"type":"unread","total":12}} when what a header shows moved: a message appeared in or left
 * a room the reader follows, the reader read it, followed it or stopped following it. A header shows "99+" beyond
 * {@link #SHOWN_MAX}, so a reader of busy rooms who does not read is not sent a new total every half second.
 * A socket that asks with {@code "details":true} (the reader's chats page) also gets each room:
 * {@code {"type":"inbox","total":3,"rooms":[{"room":7,"unread":3}]}}, then {@code unread} frames listing every room whose
 * count moved ({@code {"room":7,"unread":4}}), with {@code last} (author, preview, time) when a message was posted
 * in it, {@code title}, {@code url} and {@code at} for a room the reader newly follows, and {@code followed:false} for
 * one they stopped following.
 * Asking again answers afresh: a client sends it on every (re)connection, and when it learns of a room it follows
 * since. Only rooms followed by a reader connected to this node cost anything.
 * <p>
 * Counts are kept in memory and moved on by each new message (one more for every follower but the author, whose
 * own message reads the room up to it): a message costs no query however many followers are online, and per
 * follower two map updates on the change log's thread; frames are built at the flush, once per reader. The
 * database says again what each count is: for the whole room at its first message after {@link #RECOUNT} (what
 * a message deleted, hidden or held since), at every deletion, and for the reader and room at once when the reader
 * reads, follows or unfollows it on any node (a {@code chat.read} change).
 */
@Component
class ReaderInboxes {

    /** How long a room's counts are moved on in memory before the database is asked again (plus up to a minute). */
    static final long RECOUNT = 300_000_000_000L;
    /** The largest total a header shows as a number; beyond it, "99+". */
    static final long SHOWN_MAX = 99;

    private final JdbcRooms rooms;
    private final JdbcMemberships memberships;
    private final RoomLinks links;
    private final ChatQueries queries;
    private final ChatProtocol protocol;
    private final JdbcModeration moderation;
    private final Map<Long, Set<Subscriber>> byReader = new ConcurrentHashMap<>();
    private final Map<Long, Set<Long>> readersByRoom = new ConcurrentHashMap<>();
    /** Unread messages by reader and room, for the readers watching on this node; the keys are the rooms they follow. */
    private final Map<Long, Map<Long, Long>> counts = new ConcurrentHashMap<>();
    /** What moved for each reader since the last {@link #flush}. */
    private final Map<Long, Moved> pending = new ConcurrentHashMap<>();
    /** The newest message posted in each room followed here, for the details of the next flush. */
    private final Map<Long, MessageView> lastByRoom = new ConcurrentHashMap<>();
    /** When each room's counts are to be read from the database again ({@link System#nanoTime}). */
    private final Map<Long, Long> recountedAt = new ConcurrentHashMap<>();
    /** Held while a header's shown total is compared or set and its frame sent. */
    private final Object shownLock = new Object();

    ReaderInboxes(JdbcRooms rooms, JdbcMemberships memberships, RoomLinks links, ChatQueries queries,
                  ChatProtocol protocol, JdbcModeration moderation) {
        this.rooms = rooms;
        this.memberships = memberships;
        this.links = links;
        this.queries = queries;
        this.protocol = protocol;
        this.moderation = moderation;
    }

    /** A room the reader follows since the last flush, as a list of rooms adds it. */
    private record Introduction(String title, String url, String at) {
    }

    /** The rooms whose count moved for one reader; taken whole by the flush, which closes it. */
    private static final class Moved {
        /** Room → whether a message was posted in it (then the details carry it as the room's last). */
        final Map<Long, Boolean> rooms = new LinkedHashMap<>();
        /** Title, address and time of the rooms the reader newly follows, for the details. */
        final Map<Long, Introduction> introduced = new HashMap<>();
        boolean closed;
    }

    /** Registers first, then reads the counts: a message posted in between moves them again at the next flush. */
    void watch(Subscriber subscriber, long accountId, boolean details) {
        subscriber.reader = accountId;
        subscriber.inboxDetails = details;
        byReader.computeIfAbsent(accountId, k -> ConcurrentHashMap.newKeySet()).add(subscriber);
        List<ReaderRoom> rooms = queries.roomsOf(accountId);
        Map<Long, Long> mine = counts.computeIfAbsent(accountId, k -> new ConcurrentHashMap<>());
        long total = 0;
        List<ServerFrame.RoomCount> entries = new ArrayList<>();
        for (ReaderRoom room : rooms) {
            follows(accountId, room.roomId());
            mine.put(room.roomId(), room.unread());
            total += room.unread();
            entries.add(ServerFrame.RoomCount.of(room.roomId(), room.unread()));
        }
        TextMessage answer = protocol.write(new ServerFrame.Inbox(total, details ? entries : null));
        synchronized (shownLock) { // against the flush, which compares what the socket shows
            subscriber.shownTotal = shown(total);
            subscriber.send(answer);
        }
    }

    void forget(Subscriber subscriber) {
        Long reader = subscriber.reader;
        if (reader == null) {
            return;
        }
        Set<Subscriber> sockets = byReader.computeIfPresent(reader, (k, set) -> {
            set.remove(subscriber);
            return set.isEmpty() ? null : set;
        });
        if (sockets == null) { // the reader's last socket on this node
            Map<Long, Long> mine = counts.remove(reader);
            if (mine != null) {
                for (long room : mine.keySet()) {
                    unfollows(reader, room);
                }
            }
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
            TextMessage text = protocol.write(new ServerFrame.Ban(ban.roomId(),
                    ban.expiresAt() == null ? null : ban.expiresAt().toString(), ban.lifted()));
            for (Subscriber socket : byReader.getOrDefault(ban.accountId(), Set.of())) {
                socket.send(text);
            }
        });
    }

    /**
     * A message appeared in or left a room: its online followers' counts move; a ban reaches its reader.
     *
     * @param message the message of a {@code chat.message} change, read once for every part of this node that needs it
     */
    void onChange(Change change, Supplier<Optional<MessageView>> message) {
        if (ChangeKinds.CHAT_BAN.equals(change.kind()) && change.subjectId() != null && !byReader.isEmpty()) {
            onBan(change.subjectId());
            return;
        }
        if (ChangeKinds.CHAT_READ.equals(change.kind()) && change.subjectId() != null) {
            change.keys().stream().map(ChatKeys::readerIdOf).flatMap(Optional::stream)
                    .forEach(reader -> readerMoved(reader, change.subjectId()));
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
        Set<Long> followers = readersByRoom.getOrDefault(roomId, Set.of());
        Optional<MessageView> shown = posted ? message.get() : Optional.empty();
        // posting follows the room: the author's other tabs start counting it (their own messages count 0)
        Long author = shown.map(MessageView::authorId).filter(byReader::containsKey).orElse(null);
        if (followers.isEmpty() && author == null) {
            return;
        }
        shown.ifPresent(m -> lastByRoom.put(roomId, m));
        if (!posted) {
            lastByRoom.computeIfPresent(roomId, (k, last) -> last.id() == change.subjectId() ? null : last);
        }
        long now = System.nanoTime();
        Long due = recountedAt.get(roomId);
        if (!posted || due == null || now - due > 0) { // the database's word
            Set<Long> audience = new HashSet<>(followers);
            if (author != null) {
                audience.add(author);
            }
            Map<Long, Long> unread = memberships.unreadIn(roomId, audience);
            // the next time, spread so that rooms counted at once (a node starting) are not counted again at once
            recountedAt.put(roomId, now + RECOUNT + ThreadLocalRandom.current().nextLong(60_000_000_000L));
            for (long reader : audience) {
                moved(reader, roomId, unread.get(reader), posted);
            }
            return;
        }
        // one more for everyone but the author
        for (long reader : followers) {
            if (author != null && reader == author) {
                continue;
            }
            Map<Long, Long> mine = counts.get(reader);
            if (mine != null && mine.computeIfPresent(roomId, (k, n) -> n + 1) != null) {
                note(reader, roomId, true);
            }
        }
        if (author != null) {
            moved(author, roomId, 0L, true);
        }
    }

    /**
     * The reader read, followed or unfollowed the room (on whichever node): the count is read again and goes to the
     * reader's sockets here with the next flush (a room followed just now with its title and address).
     */
    private void readerMoved(long reader, long roomId) {
        if (byReader.containsKey(reader)) {
            moved(reader, roomId, memberships.unreadIn(roomId, List.of(reader)).get(reader), false);
        }
    }

    /** The reader's count of the room is now {@code unread}; null: the reader does not follow the room (any more). */
    private void moved(long reader, long roomId, Long unread, boolean posted) {
        Map<Long, Long> mine = counts.get(reader);
        if (mine == null) { // no socket of the reader's here any more
            return;
        }
        if (unread == null) {
            if (mine.remove(roomId) != null) {
                unfollows(reader, roomId);
                note(reader, roomId, false);
            }
            return;
        }
        if (mine.put(roomId, unread) == null) { // newly followed: a page listing the rooms adds it
            follows(reader, roomId);
            if (byReader.getOrDefault(reader, Set.of()).stream().anyMatch(socket -> socket.inboxDetails)) {
                rooms.room(roomId).ifPresent(room -> links.link(room).ifPresent(link -> introduce(reader, roomId,
                        new Introduction(link.title(), link.url(), room.lastActivityAt().toString()))));
            }
        }
        note(reader, roomId, posted);
    }

    /** Notes for the next {@link #flush} that the reader's count of the room moved. */
    private void note(long reader, long roomId, boolean posted) {
        pending(reader, moved -> moved.rooms.merge(roomId, posted, Boolean::logicalOr));
    }

    private void introduce(long reader, long roomId, Introduction intro) {
        pending(reader, moved -> moved.introduced.put(roomId, intro));
    }

    /** Changes what the reader's next flush sends; one the flush has taken already is left for a new one. */
    private void pending(long reader, java.util.function.Consumer<Moved> change) {
        while (true) {
            Moved moved = pending.computeIfAbsent(reader, k -> new Moved());
            synchronized (moved) {
                if (!moved.closed) {
                    change.accept(moved);
                    return;
                }
            }
        }
    }

    /**
     * Sends each reader whose counts moved since the last flush one {@code unread} frame per kind of socket: the
     * total to a header, each moved room to a list of rooms. A reader of busy rooms hears at most this often,
     * whatever the rate of messages.
     */
    @Scheduled(fixedDelayString = "PT0.5S", initialDelayString = "PT0.5S")
    void flush() {
        synchronized (shownLock) {
            flushMoved();
        }
    }

    private void flushMoved() {
        for (Long reader : List.copyOf(pending.keySet())) {
            Moved moved = pending.remove(reader);
            if (moved == null) {
                continue;
            }
            synchronized (moved) {
                moved.closed = true;
            }
            Set<Subscriber> sockets = byReader.get(reader);
            Map<Long, Long> mine = counts.get(reader);
            if (sockets == null || mine == null) {
                continue;
            }
            long total = 0;
            for (long n : mine.values()) {
                total += n;
            }
            TextMessage detailed = null;
            TextMessage counted = null;
            for (Subscriber socket : sockets) {
                if (socket.inboxDetails) {
                    detailed = detailed != null ? detailed : detailedFrame(total, moved, mine);
                    socket.send(detailed);
                } else if (socket.shownTotal != shown(total)) { // a header: only when what it shows moves
                    counted = counted != null ? counted : protocol.write(new ServerFrame.Unread(total, null));
                    socket.shownTotal = shown(total);
                    socket.send(counted);
                }
            }
        }
    }

    /** What a header shows of a total: the number up to {@link #SHOWN_MAX}, one value for all beyond. */
    static long shown(long total) {
        return Math.min(total, SHOWN_MAX + 1);
    }

    /** Each room whose count moved: its count, and what a list of rooms shows of it. */
    private TextMessage detailedFrame(long total, Moved moved, Map<Long, Long> mine) {
        List<ServerFrame.RoomCount> rooms = new ArrayList<>(moved.rooms.size());
        moved.rooms.forEach((roomId, posted) -> {
            Long unread = mine.get(roomId);
            if (unread == null) {
                rooms.add(new ServerFrame.RoomCount(roomId, 0, false, null, null, null, null));
                return;
            }
            MessageView last = posted ? lastByRoom.get(roomId) : null;
            Introduction intro = moved.introduced.get(roomId);
            rooms.add(new ServerFrame.RoomCount(roomId, unread, null, last == null ? null
                    : new ServerFrame.LastMessage(last.id(), last.authorName(), ReaderRoom.preview(last.text()),
                            last.createdAt().toString()),
                    intro == null ? null : intro.title(), intro == null ? null : intro.url(),
                    intro == null ? null : intro.at()));
        });
        return protocol.write(new ServerFrame.Unread(total, rooms));
    }

    private void follows(long reader, long room) {
        readersByRoom.computeIfAbsent(room, k -> ConcurrentHashMap.newKeySet()).add(reader);
    }

    private void unfollows(long reader, long room) {
        readersByRoom.computeIfPresent(room, (k, set) -> {
            set.remove(reader);
            if (set.isEmpty()) {
                lastByRoom.remove(room);
                return null;
            }
            return set;
        });
    }
}
