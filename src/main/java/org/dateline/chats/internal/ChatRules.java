package org.dateline.chats.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.dateline.changes.Change;
import org.dateline.changes.ChangeKinds;
import org.dateline.changes.CommitListener;
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
 * A change that commits while its room or reader is being read waits for that read (the cache's own lock per key)
 * and then discards it, so a read that started before the commit is never kept after it. The rooms' activity
 * fields ({@link Room#lastMessageId()}, {@link Room#lastActivityAt()}) are as of the read: the policy does not use
 * them, and nothing that shows them reads them here.
 */
@Component
public class ChatRules implements CommitListener {

    /** Also re-read after this long, so that even a change made behind the application's back is seen in time. */
    static final Duration KEPT = Duration.ofMinutes(10);

    private final JdbcChats chats;
    private final JdbcModeration moderation;
    private final Clock clock;
    private final Cache<Long, Room> rooms;
    /**
     * The room of each article whose room is kept: an article's change finds its room by it. Put before the
     * article's state is read (a takedown that commits after this is seen by the read, one that commits before it
     * finds the room); gone when the room leaves the cache by size or age.
     */
    private final Map<Long, Long> roomOfArticle = new ConcurrentHashMap<>();
    private final Cache<Long, List<JdbcModeration.BanScope>> bans;

    ChatRules(JdbcChats chats, JdbcModeration moderation, Clock clock) {
        this.chats = chats;
        this.moderation = moderation;
        this.clock = clock;
        this.rooms = Caffeine.newBuilder().maximumSize(50_000).expireAfterWrite(KEPT)
                .<Long, Room>evictionListener((id, room, cause) -> {
                    if (room != null && room.articleId() != null) {
                        roomOfArticle.remove(room.articleId(), id);
                    }
                }).build();
        this.bans = Caffeine.newBuilder().maximumSize(200_000).expireAfterWrite(KEPT).build();
    }

    /** The room, as {@link JdbcChats#room} reads it; unknown rooms are not kept (one may be made with that id). */
    public Optional<Room> room(long roomId) {
        return Optional.ofNullable(rooms.get(roomId, id -> chats.room(id, article -> roomOfArticle.put(article, id))
                .orElse(null)));
    }

    /** Whether a ban in force keeps the reader from this room (a ban of the room, or of every room). */
    public boolean banned(long accountId, long roomId) {
        Instant now = clock.instant();
        for (JdbcModeration.BanScope ban : bans.get(accountId, moderation::bansInForce)) {
            if ((ban.roomId() == null || ban.roomId() == roomId)
                    && (ban.expiresAt() == null || ban.expiresAt().isAfter(now))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void onChange(Change change) {
        if (change.subjectId() == null) {
            return;
        }
        if (ChangeKinds.CHAT_ROOM.equals(change.kind())) {
            rooms.invalidate(change.subjectId());
        } else if (ChangeKinds.CHAT_BAN.equals(change.kind())) {
            change.keys().stream().map(ChatKeys::readerIdOf).flatMap(Optional::stream).forEach(bans::invalidate);
        } else if (change.kind().startsWith("article.")) {
            Long roomId = roomOfArticle.get(change.subjectId());
            if (roomId != null) {
                rooms.invalidate(roomId);
            }
        }
    }
}
