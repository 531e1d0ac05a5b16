package org.dateline.chats.internal;

import java.util.ArrayList;
import java.util.List;

import org.dateline.changes.ChangeLog;
import org.dateline.chats.ChatKeys;
import org.dateline.chats.Room;
import org.springframework.stereotype.Component;

/** Appends chat changes to the change log with the keys of their room (and article page). */
@Component
public class ChatChanges {

    private final ChangeLog log;

    ChatChanges(ChangeLog log) {
        this.log = log;
    }

    /** Must run inside the transaction that stores the change. */
    public void append(String kind, Room room, long messageId) {
        List<String> keys = new ArrayList<>();
        keys.add(ChatKeys.room(room.id()));
        if (room.articleId() != null) {
            keys.add(ChatKeys.article(room.articleId()));
        } else {
            keys.add(ChatKeys.topics(room.edition()));
        }
        log.append(kind, room.edition(), messageId, keys);
    }
}
