package org.dateline.chats;

import java.time.Instant;

/**
 * A ban in force, as moderators list it (a reader is told of it as a {@link BanInForce}).
 *
 * @param roomId    the room it covers, null for every room
 * @param roomTitle the title of that room, null for every room
 * @param expiresAt when it ends by itself, null when it lasts until lifted
 */
public record ActiveBan(long id, long accountId, String accountName, Long roomId, String roomTitle, String reason,
                        String moderatorName, Instant createdAt, Instant expiresAt) {
}
