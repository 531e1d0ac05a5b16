package org.dateline.chats.internal;

import java.util.List;

import org.dateline.chats.MessageView;
import org.dateline.chats.Room;
import org.dateline.chats.RoomState;
import org.springframework.stereotype.Component;

/**
 * What a (re)subscribing client missed. A client names the highest {@code seq} it has applied ({@code since}; a page
 * carries its room's position when it was rendered) and receives exactly what changed after it, oldest change first:
 * {@code message} for a message that became visible, {@code changed} (the message as it is now: text, edit mark,
 * reactions) for one that was visible already, {@code deleted} for one that left; then {@code synced} with the new
 * {@code seq} and whether the room is {@code open}. When more changed than {@link #MAX_CATCH_UP}, {@code synced}
 * says {@code reset}: the client reloads the newest page of history and goes on from that {@code seq}. The older
 * protocol, {@code after} (the last message id a page has), still brings the visible messages after it.
 */
@Component
class CatchUp {

    static final int MAX_CATCH_UP = 200;

    private final JdbcRooms rooms;
    private final JdbcMessages messages;
    private final ChatProtocol protocol;

    CatchUp(JdbcRooms rooms, JdbcMessages messages, ChatProtocol protocol) {
        this.rooms = rooms;
        this.messages = messages;
        this.protocol = protocol;
    }

    /** Everything that changed in the room after the position, then {@code synced}; room null: none exists yet. */
    void since(Subscriber subscriber, Room room, long since) {
        if (room == null) { // nobody has written under the article yet: nothing to catch up with
            subscriber.send(protocol.write(new ServerFrame.Synced(null, null, since, true)));
            return;
        }
        long head = rooms.lastChange(room.id()); // read first: anything later comes in the catch-up or live
        List<JdbcMessages.ChangedMessage> changes = messages.changedSince(room.id(), since, MAX_CATCH_UP + 1);
        long seq = Math.max(since, head);
        boolean reset = changes.size() > MAX_CATCH_UP;
        if (!reset) {
            for (JdbcMessages.ChangedMessage change : changes) {
                ServerFrame frame = frame(room.id(), change, since);
                if (frame != null) {
                    subscriber.send(protocol.write(frame));
                }
                seq = Math.max(seq, change.lastChange());
            }
        }
        subscriber.send(protocol.write(new ServerFrame.Synced(room.id(), reset ? Boolean.TRUE : null, seq,
                room.state() == RoomState.OPEN)));
    }

    /** The older protocol: the visible messages after the id, without positions. */
    void after(Subscriber subscriber, Room room, long after) {
        for (MessageView missed : messages.after(room.id(), after, MAX_CATCH_UP)) {
            subscriber.send(protocol.write(ServerFrame.MessageNow.shown(missed, null)));
        }
    }

    /** How one changed message looks to a client that has seen everything up to {@code since}; null: nothing. */
    private static ServerFrame frame(long roomId, JdbcMessages.ChangedMessage change, long since) {
        boolean shownBefore = change.shownChange() != null && change.shownChange() <= since;
        if (change.view() != null) {
            return shownBefore ? ServerFrame.MessageNow.changed(change.view(), change.lastChange())
                    : ServerFrame.MessageNow.shown(change.view(), change.lastChange());
        }
        if (!shownBefore) {
            return null; // held, or shown and gone again while the client was away: it never knew the message
        }
        return new ServerFrame.Deleted(roomId, change.id(), change.lastChange());
    }
}
