package org.dateline.chats.internal;

import java.util.Optional;

import org.dateline.chats.ChatResult;
import org.dateline.chats.MessageView;
import org.dateline.chats.PostMessage;
import org.dateline.chats.Refusal;
import org.dateline.identity.Account;
import org.dateline.identity.LoginSessions;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketSession;

/**
 * A logged-in reader's page posts over its socket: the same use case as the HTTP API, for the account the handshake
 * carried, while the login session it was opened with still stands (checked at every post, so a logout or expiry on
 * any node stops it). The answer names the client's {@code ref}: {@code posted} with the stored message, or
 * {@code refused} with the refusal's {@code code} and {@code detail} (and {@code bannedUntil}, {@code everyRoom} for
 * a ban). The message reaches the room's subscribers, the author's other sockets included, through the change log
 * like any other.
 */
@Component
class SocketPosts {

    private final PostMessage posts;
    private final LoginSessions logins;
    private final ChatProtocol protocol;

    SocketPosts(PostMessage posts, LoginSessions logins, ChatProtocol protocol) {
        this.posts = posts;
        this.logins = logins;
        this.protocol = protocol;
    }

    void post(Subscriber subscriber, WebSocketSession session, ClientFrame.Post post) {
        Optional<Account> reader = acting(session);
        if (reader.isEmpty()) {
            subscriber.send(protocol.write(ServerFrame.Refused.of(post.ref(), Refusal.LOGIN_REQUIRED, null)));
            return;
        }
        PostMessage.Command command = new PostMessage.Command(post.room() > 0 ? post.room() : null,
                post.room() > 0 || post.article() <= 0 ? null : post.article(), post.body(),
                post.replyTo() > 0 ? post.replyTo() : null,
                (String) session.getAttributes().get(ChatSocketConfiguration.ADDRESS));
        ChatResult<MessageView> result = posts.postAs(reader.get(), command);
        if (result instanceof ChatResult.Refused<MessageView> refusal) {
            subscriber.send(protocol.write(ServerFrame.Refused.of(post.ref(), refusal.reason(), refusal.ban())));
            return;
        }
        subscriber.send(protocol.write(new ServerFrame.Posted(post.ref(),
                ((ChatResult.Done<MessageView>) result).value())));
    }

    /**
     * The account the connection acts for, read fresh, while the login session it was opened with stands (one
     * look-up for both); empty otherwise.
     */
    private Optional<Account> acting(WebSocketSession session) {
        if (!(session.getAttributes().get(ChatSocketConfiguration.READER) instanceof Long reader)) {
            return Optional.empty();
        }
        Optional<Account> account = logins.use((String) session.getAttributes()
                .get(ChatSocketConfiguration.LOGIN_SESSION), reader);
        if (account.isEmpty()) {
            // logged out (here or on another node) or expired: this connection is anonymous from now on
            session.getAttributes().remove(ChatSocketConfiguration.READER);
        }
        return account;
    }
}
