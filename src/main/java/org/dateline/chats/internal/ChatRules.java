package org.dateline.chats.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.dateline.changes.Change;
import org.dateline.changes.ChangeKinds;
import org.dateline.changes.CommitListener;
import org.dateline.chats.BanInForce;
import org.dateline.chats.ChatKeys;
import org.dateline.chats.Room;
import org.springframework.stereotype.Component;

/**
 * What every post and reaction is checked against, from memory: a room as the policy sees it (open or read-only, slow
 * mode, pre-moderation, whether its story is still on the site) and the bans in force per reader. Read from the
 * database on first use, then kept until a change says otherwise: a room's {@link ChangeKinds#CHAT_ROOM} change
 * (opened, closed, rules changed), its story's {@code article.*} changes (taken down, published again), a reader's
 * {@link ChangeKinds#CHAT_BAN} (banned, ban lifted). On the node that made the change it counts from its commit on
 * ({@link CommitListener}); on the others once their tailer has read it, as a page's eviction does. A ban that runs
 * out needs no change: its end is kept and compared with the clock.
 * <p>
 * A read holds no lock (it may wait for a pooled connection, and a thread evicting after its commit still holds
 * one): every eviction first counts itself, and a read keeps what it read only if no eviction was counted since it
 * began, so a read that started before a commit is never kept after the commit's eviction. The rooms' activity
 * fields ({@link Room#lastMessageId()}, {@link Room#lastActivityAt()}) are as of the read: the policy does not use
 * them, and nothing that shows them reads them here.
 */
@Component
public class ChatRules implements CommitListener {

    /** Also re-read after this long, so that even a change made behind the application's back is seen in time. */
    static final Duration KEPT = Duration.ofMinutes(10);

    private final JdbcRooms stored;
    private final JdbcModeration moderation;
    private final Clock clock;
    private final Cache<Long, Room> rooms;
    private final Cache<Long, List<BanInForce>> bans;
    /** Evictions so far, counted before each is made. */
    private final AtomicLong evictions = new AtomicLong();

    ChatRules(JdbcRooms stored, JdbcModeration moderation, Clock clock) {
        this.stored = stored;
        this.moderation = moderation;
        this.clock = clock;
        this.rooms = Caffeine.newBuilder().maximumSize(50_000).expireAfterWrite(KEPT).build();
        this.bans = Caffeine.newBuilder().maximumSize(200_000).expireAfterWrite(KEPT).build();
    }

    /** The room, as {@link JdbcRooms#room} reads it; unknown rooms are not kept (one may be made with that id). */
    public Optional<Room> room(long roomId) {
        Room kept = rooms.getIfPresent(roomId);
        if (kept != null) {
            return Optional.of(kept);
        }
        long before = evictions.get();
        Optional<Room> read = stored.room(roomId);
        read.ifPresent(room -> keep(rooms, roomId, room, before));
        return read;
    }

    /** Whether a ban in force keeps the reader from this room (a ban of the room, or of every room). */
    public boolean banned(long accountId, long roomId) {
        return ban(accountId, roomId).isPresent();
    }

    /**
     * The ban that keeps the reader out of the room longest, if any does (a ban of the room, or of every room); for a
     * room that does not exist yet (null), a ban of every room.
     */
    public Optional<BanInForce> ban(long accountId, Long roomId) {
        List<BanInForce> inForce = bans.getIfPresent(accountId);
        if (inForce == null) {
            long before = evictions.get();
            inForce = moderation.bansInForce(accountId);
            keep(bans, accountId, inForce, before);
        }
        return BanInForce.longestIn(inForce, roomId, clock.instant());
    }

    /**
     * {@link #ban} as stored, not as kept: what a reader's page is told when it asks (its socket told it a ban changed,
     * which this node's memory may learn only a moment later).
     */
    public Optional<BanInForce> storedBan(long accountId, Long roomId) {
        return BanInForce.longestIn(moderation.bansInForce(accountId), roomId, clock.instant());
    }

    /**
     * Keeps what was read, unless an eviction came since the read began: then (an eviction of this key or not) it is
     * dropped again. Whichever comes first, the eviction's count or this check, what the eviction was about is not
     * kept.
     */
    private <V> void keep(Cache<Long, V> cache, long key, V value, long evictionsBefore) {
        cache.put(key, value);
        if (evictions.get() != evictionsBefore) {
            cache.invalidate(key);
        }
    }

    @Override
    public void onChange(Change change) {
        if (change.subjectId() == null) {
            return;
        }
        if (ChangeKinds.CHAT_ROOM.equals(change.kind())) {
            evictions.incrementAndGet();
            rooms.invalidate(change.subjectId());
        } else if (ChangeKinds.CHAT_BAN.equals(change.kind())) {
            evictions.incrementAndGet();
            change.keys().stream().map(ChatKeys::readerIdOf).flatMap(Optional::stream).forEach(bans::invalidate);
        } else if (change.kind().startsWith("article.")) {
            evictions.incrementAndGet();
            long article = change.subjectId();
            // a few stories change a minute; the rooms kept are looked through for theirs
            rooms.asMap().values().removeIf(room -> room.articleId() != null && room.articleId() == article);
        }
    }
}
