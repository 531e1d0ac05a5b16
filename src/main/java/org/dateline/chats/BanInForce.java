package org.dateline.chats;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * What keeps a reader out of a room at the moment, as a refusal and the reader's page tell it: where (room null: every
 * room) and until when (null: until a moderator lifts it). Of several bans that apply, the one that lasts longest.
 */
public record BanInForce(Long roomId, Instant expiresAt) {

    public boolean everyRoom() {
        return roomId == null;
    }

    /** Whether it keeps the reader out of the room (null: a room that does not exist yet) at the moment. */
    public boolean covers(Long room, Instant now) {
        return (roomId == null || roomId.equals(room)) && (expiresAt == null || expiresAt.isAfter(now));
    }

    /** Of a reader's bans, the one that keeps them out of the room longest at the moment, if any does. */
    public static Optional<BanInForce> longestIn(Collection<BanInForce> bans, Long room, Instant now) {
        BanInForce longest = null;
        for (BanInForce ban : bans) {
            if (ban.covers(room, now)) {
                longest = longer(longest, ban);
            }
        }
        return Optional.ofNullable(longest);
    }

    /** Of two bans, the one that ends later (one until lifted before any), the one of every room on a tie. */
    static BanInForce longer(BanInForce a, BanInForce b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        int byEnd = a.expiresAt == null || b.expiresAt == null
                ? Boolean.compare(a.expiresAt == null, b.expiresAt == null) : a.expiresAt.compareTo(b.expiresAt);
        if (byEnd != 0) {
            return byEnd > 0 ? a : b;
        }
        return b.everyRoom() && !a.everyRoom() ? b : a;
    }
}
