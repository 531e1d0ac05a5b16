package org.dateline.chats.internal;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.dateline.chats.MessageView;
import org.springframework.stereotype.Component;

/**
 * Messages just posted on this node, as they were stored, until this node's sockets announce them: the frame of a
 * new message then needs no read of the row just written. Taken once, and forgotten once its change was handled
 * (nobody here may have needed it); a message posted on another node, or not handled within a minute, is read from
 * the database as before. A message edited, deleted or reacted to meanwhile is
 * announced as posted and then changed, by the frames of the changes that follow.
 */
@Component
public class FreshMessages {

    private final Cache<Long, MessageView> views = Caffeine.newBuilder().maximumSize(20_000)
            .expireAfterWrite(Duration.ofMinutes(1)).build();

    /** Called inside the transaction that stores the message: ids are never reused, so a rollback leaves no harm. */
    public void stored(MessageView message) {
        views.put(message.id(), message);
    }

    Optional<MessageView> take(long messageId) {
        return Optional.ofNullable(views.asMap().remove(messageId));
    }

    /** The message's change was handled on this node, whether or not anyone here needed its view. */
    void forget(long messageId) {
        views.invalidate(messageId);
    }
}
