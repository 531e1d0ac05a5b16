package org.dateline.chats.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.dateline.chats.ChatKeys;
import org.dateline.chats.ChatQueries;
import org.dateline.chats.ChatResult;
import org.dateline.chats.Conversation;
import org.dateline.chats.MessagePage;
import org.dateline.chats.MessageState;
import org.dateline.chats.MessageView;
import org.dateline.chats.ReaderRoom;
import org.dateline.chats.Refusal;
import org.dateline.chats.Room;
import org.dateline.chats.RoomState;
import org.dateline.content.ChatPaths;
import org.springframework.stereotype.Component;

/** The read side of chats ({@link ChatQueries}): conversations and their pages put together from the repositories. */
@Component
class ChatReads implements ChatQueries {

    private final JdbcRooms rooms;
    private final JdbcMessages messages;
    private final JdbcMemberships memberships;
    private final RoomLinks links;

    ChatReads(JdbcRooms rooms, JdbcMessages messages, JdbcMemberships memberships, RoomLinks links) {
        this.rooms = rooms;
        this.messages = messages;
        this.memberships = memberships;
        this.links = links;
    }

    @Override
    public Optional<Room> room(long roomId) {
        return rooms.room(roomId);
    }

    @Override
    public Conversation conversation(long articleId, int limit) {
        return rooms.roomOfArticle(articleId).map(room -> conversation(room, limit))
                .orElseGet(() -> new Conversation(articleId, null, true, List.of(), null, ChatKeys.article(articleId),
                        0));
    }

    @Override
    public Conversation conversation(Room room, int limit) {
        // read before the messages: whatever changes meanwhile comes again
        long lastChange = rooms.lastChange(room.id());
        List<MessageView> newest = messages.newestFirst(room.id(), Long.MAX_VALUE, limit + 1);
        Long older = null;
        if (newest.size() > limit) {
            newest = newest.subList(0, limit);
            older = newest.get(limit - 1).id();
        }
        List<MessageView> oldestFirst = new ArrayList<>(newest);
        Collections.reverse(oldestFirst);
        return new Conversation(room.articleId(), room.id(), room.state() == RoomState.OPEN, List.copyOf(oldestFirst),
                older, room.articleId() != null ? ChatKeys.article(room.articleId()) : ChatKeys.room(room.id()),
                lastChange);
    }

    @Override
    public List<Room> topics(String edition, int limit) {
        return rooms.topics(edition, limit);
    }

    @Override
    public Optional<Room> topic(String edition, String slug) {
        return rooms.topic(edition, slug);
    }

    @Override
    public ChatResult<MessagePage> history(long roomId, Long before, int limit) {
        Optional<Room> room = rooms.room(roomId);
        if (room.isEmpty()) {
            return ChatResult.refused(Refusal.ROOM_NOT_FOUND);
        }
        if (room.get().articleRemoved()) {
            return ChatResult.refused(Refusal.ARTICLE_REMOVED);
        }
        List<MessageView> page = messages.newestFirst(roomId, before == null ? Long.MAX_VALUE : before, limit + 1);
        Long next = null;
        if (page.size() > limit) {
            page = page.subList(0, limit);
            next = page.get(limit - 1).id();
        }
        return ChatResult.done(new MessagePage(roomId, List.copyOf(page), next));
    }

    @Override
    public List<MessageView> after(long roomId, long afterId, int limit) {
        return messages.after(roomId, afterId, limit);
    }

    @Override
    public Optional<MessageView> message(long messageId) {
        return messages.message(messageId);
    }

    @Override
    public Optional<String> locate(long messageId) {
        return messages.findMessage(messageId).filter(m -> m.state() == MessageState.VISIBLE)
                .flatMap(m -> rooms.room(m.roomId()))
                .filter(r -> !r.articleRemoved())
                .flatMap(links::pagePath)
                .map(path -> ChatPaths.atMessage(path, messageId));
    }

    @Override
    public List<ReaderRoom> roomsOf(long accountId) {
        List<ReaderRoom> followed = new ArrayList<>();
        for (JdbcMemberships.FollowedRoom room : memberships.followed(accountId)) {
            links.link(room.articleId(), room.edition(), room.slug(), room.title()).ifPresent(link -> followed.add(
                    new ReaderRoom(room.id(), room.kind(), room.edition(), link.title(), link.url(),
                            room.lastMessageId(), room.lastActivityAt(), room.lastReadId(), room.unread(),
                            room.lastAuthor(), ReaderRoom.preview(room.lastBody()))));
        }
        return followed;
    }
}
