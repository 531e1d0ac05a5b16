package org.dateline.chats.internal;

import java.util.Optional;

import org.dateline.chats.ChatKeys;
import org.dateline.chats.Room;
import org.dateline.content.ContentQueries;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * This node's chat sockets ({@code /ws/chats}): connections open and close, and each client frame is answered. The
 * protocol's frames are {@link ClientFrame}s and {@link ServerFrame}s ({@link ChatProtocol}); a client subscribes
 * to rooms (by room id, or by article id when the article's room does not exist yet) and receives their changes
 * ({@link ChatDelivery}) after what it missed ({@link CatchUp}); a logged-in reader's page asks for its unread counts
 * ({@link ReaderInboxes}) and posts ({@link SocketPosts}) over the same socket. Errors name a {@code code} (and the
 * {@code room} when the frame named one): {@code malformed_frame}, {@code unknown_type}, {@code room_not_found},
 * {@code too_many_subscriptions}, {@code login_required}.
 */
@Component
class ChatSockets extends TextWebSocketHandler {

    private final SocketRegistry sockets;
    private final ChatProtocol protocol;
    private final JdbcRooms rooms;
    private final ContentQueries content;
    private final CatchUp catchUp;
    private final ReaderInboxes inboxes;
    private final SocketPosts posts;

    ChatSockets(SocketRegistry sockets, ChatProtocol protocol, JdbcRooms rooms, ContentQueries content,
                CatchUp catchUp, ReaderInboxes inboxes, SocketPosts posts) {
        this.sockets = sockets;
        this.protocol = protocol;
        this.rooms = rooms;
        this.content = content;
        this.catchUp = catchUp;
        this.inboxes = inboxes;
        this.posts = posts;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        session.setTextMessageSizeLimit(ChatProtocol.MAX_FRAME);
        sockets.opened(session);
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        sockets.closed(session);
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage text) {
        Subscriber subscriber = sockets.of(session);
        if (subscriber == null) {
            return;
        }
        ClientFrame frame = protocol.read(text.getPayload());
        if (frame instanceof ClientFrame.Subscribe subscribe) {
            subscribe(subscriber, subscribe);
        } else if (frame instanceof ClientFrame.Unsubscribe unsubscribe) {
            sockets.unsubscribe(subscriber, unsubscribe.room() > 0 ? ChatKeys.room(unsubscribe.room())
                    : ChatKeys.article(unsubscribe.article()));
        } else if (frame instanceof ClientFrame.Ping) {
            subscriber.send(protocol.write(new ServerFrame.Pong()));
        } else if (frame instanceof ClientFrame.Inbox inbox) {
            inbox(subscriber, session, inbox.details());
        } else if (frame instanceof ClientFrame.Post post) {
            posts.post(subscriber, session, post);
        } else if (frame instanceof ClientFrame.Unreadable unreadable) {
            error(subscriber, unreadable.code(), null);
        }
    }

    /** Registered before the catch-up is read, so nothing posted in between is missed (at worst sent twice). */
    private void subscribe(Subscriber subscriber, ClientFrame.Subscribe subscribe) {
        Optional<Room> room;
        String key;
        if (subscribe.room() > 0) {
            room = rooms.room(subscribe.room()).filter(r -> !r.articleRemoved());
            if (room.isEmpty()) {
                error(subscriber, "room_not_found", subscribe.room());
                return;
            }
            key = ChatKeys.room(subscribe.room());
        } else if (subscribe.article() > 0 && content.article(subscribe.article()).isPresent()) {
            room = rooms.roomOfArticle(subscribe.article());
            key = ChatKeys.article(subscribe.article());
        } else {
            error(subscriber, "room_not_found", null);
            return;
        }
        if (!sockets.subscribe(subscriber, key)) {
            error(subscriber, "too_many_subscriptions", room.map(Room::id).orElse(null));
            return;
        }
        subscriber.send(protocol.write(new ServerFrame.Subscribed(room.map(Room::id).orElse(null),
                subscribe.article() > 0 ? subscribe.article() : null)));
        if (subscribe.since() >= 0) {
            catchUp.since(subscriber, room.orElse(null), subscribe.since());
        } else if (subscribe.after() >= 0 && room.isPresent()) {
            catchUp.after(subscriber, room.get(), subscribe.after());
        }
    }

    /** A logged-in reader's connection asks for its unread counts; the handshake said who it is. */
    private void inbox(Subscriber subscriber, WebSocketSession session, boolean details) {
        if (!(session.getAttributes().get(ChatSocketConfiguration.READER) instanceof Long reader)) {
            error(subscriber, "login_required", null);
            return;
        }
        inboxes.watch(subscriber, reader, details);
    }

    private void error(Subscriber subscriber, String code, Long roomId) {
        subscriber.send(protocol.write(new ServerFrame.Error(code, roomId)));
    }
}
