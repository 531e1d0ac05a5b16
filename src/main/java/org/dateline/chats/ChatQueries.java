package org.dateline.chats;

import java.util.List;
import java.util.Optional;

/** Reads of chats. Only visible messages of rooms whose article is live are ever returned. */
public interface ChatQueries {

    /** The room, whatever the state of its article ({@link Room#articleRemoved()} tells). */
    Optional<Room> room(long roomId);

    /** The latest messages under an article, for its page; an empty conversation when nobody wrote yet. */
    Conversation conversation(long articleId, int limit);

    /** The topic rooms of an edition, newest activity first. */
    List<Room> topics(String edition, int limit);

    /** A topic room of an edition by its slug. */
    Optional<Room> topic(String edition, String slug);

    /** The latest messages of a room, for its page. */
    Conversation conversation(Room room, int limit);

    /** A page of history, newest first, before the message id {@code before} (null: the newest). */
    ChatResult<MessagePage> history(long roomId, Long before, int limit);

    /**
     * Messages after the given id (0: any), oldest first, for a reconnecting client; when more than {@code limit}
     * are missing, the newest {@code limit} of them.
     */
    List<MessageView> after(long roomId, long afterId, int limit);

    Optional<MessageView> message(long messageId);

    /** Where a message lives: its article's path with the anchor {@code #m{id}}, if the message is visible. */
    Optional<String> locate(long messageId);

    /** The rooms the reader follows, newest activity first, with unread counts. */
    List<ReaderRoom> roomsOf(long accountId);
}
