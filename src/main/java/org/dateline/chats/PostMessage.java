package org.dateline.chats;

import java.util.Optional;

import org.dateline.chats.internal.ChatRules;
import org.dateline.chats.internal.ChatThrottle;
import org.dateline.chats.internal.JdbcMessages;
import org.dateline.chats.internal.JdbcModeration;
import org.dateline.chats.internal.JdbcRooms;
import org.dateline.chats.internal.MessageWriter;
import org.dateline.chats.internal.NewMessage;
import org.dateline.chats.internal.Participants;
import org.dateline.content.Article;
import org.dateline.identity.Account;
import org.dateline.content.ContentQueries;
import org.springframework.stereotype.Component;

/**
 * A reader posts a message to a room, or to an article's room (created with its first message). The message is
 * acknowledged only once it is stored and in the change log, in one committed transaction (shared with the messages
 * posted at the same moment: {@link MessageWriter}): what a client was told is posted reaches every node. In a
 * pre-moderated room, or with a banned word of the room's edition, it is stored as held and acknowledged so; a
 * suspect word lets it through and puts it in the moderation queue.
 */
@Component
public class PostMessage {

    /** The reason of the report a suspect word files; the queue shows it like a reader's. */
    public static final String SUSPECT_REASON = "Suspect word: ";

    /**
     * @param roomId    the room, or null with {@code articleId}
     * @param articleId the article whose room to post in, when the page did not know the room yet
     * @param address   the client's address, for rate limits
     */
    public record Command(Long roomId, Long articleId, String body, Long replyTo, String address) {
    }

    private final Participants participants;
    private final JdbcRooms rooms;
    private final JdbcMessages messages;
    private final ContentQueries content;
    private final ChatPolicy policy;
    private final ChatThrottle throttle;
    private final JdbcModeration moderation;
    private final MessageWriter writer;
    private final ChatRules rules;

    PostMessage(Participants participants, JdbcRooms rooms, JdbcMessages messages, ContentQueries content,
                ChatPolicy policy,
                ChatThrottle throttle, JdbcModeration moderation, MessageWriter writer, ChatRules rules) {
        this.rules = rules;
        this.participants = participants;
        this.moderation = moderation;
        this.rooms = rooms;
        this.messages = messages;
        this.content = content;
        this.policy = policy;
        this.throttle = throttle;
        this.writer = writer;
    }

    /** The logged-in reader of the current request posts. */
    public ChatResult<MessageView> post(Command command) {
        return post(participants.current(), command);
    }

    /**
     * A reader posts through a chat socket, whose handshake carried the login: the account as read (fresh, as for a
     * request) together with the check that the login session still stands.
     */
    public ChatResult<MessageView> postAs(Account account, Command command) {
        return post(Optional.of(Participants.of(account)), command);
    }

    private ChatResult<MessageView> post(Optional<Participant> current, Command command) {
        if (current.isEmpty()) {
            return ChatResult.refused(Refusal.LOGIN_REQUIRED);
        }
        ChatResult<Room> found = room(command);
        if (found instanceof ChatResult.Refused<Room> refused) {
            return ChatResult.refused(refused.reason());
        }
        Room room = ((ChatResult.Done<Room>) found).value();
        Participant who = participants.in(current.get(), room.id());
        Optional<Refusal> refusal = policy.post(who, room);
        if (refusal.isPresent()) {
            return ChatResult.refused(refusal.get(), who);
        }
        if (!throttle.tryAcquire(ChatThrottle.Action.MESSAGE, who.accountId(), policy.isNewAccount(who),
                command.address())) {
            return ChatResult.refused(Refusal.RATE_LIMITED);
        }
        MessageText.Checked text = MessageText.check(command.body());
        if (text instanceof MessageText.Invalid invalid) {
            return ChatResult.refused(invalid.reason());
        }
        String body = ((MessageText.Valid) text).text();
        if (command.replyTo() != null && messages.findMessage(command.replyTo())
                .filter(m -> m.roomId() == room.id() && m.state() == MessageState.VISIBLE).isEmpty()) {
            return ChatResult.refused(Refusal.REPLY_NOT_FOUND);
        }
        if (room.slowModeSeconds() > 0) {
            Optional<Refusal> tooSoon = policy.pace(who, room,
                    messages.lastPostedAt(who.accountId(), room.id()).orElse(null));
            if (tooSoon.isPresent()) {
                return ChatResult.refused(tooSoon.get());
            }
        }
        boolean held = policy.holdsForReview(who, room,
                BannedWords.anyIn(body, moderation.words(room.edition(), WordKind.BANNED)));
        Optional<String> suspect = held || !policy.flagsForReview(who) ? Optional.empty()
                : BannedWords.firstIn(body, moderation.words(room.edition(), WordKind.SUSPECT));
        Quote quote = command.replyTo() == null ? null : messages.quote(command.replyTo()).orElse(null);
        NewMessage message = new NewMessage(room, who.accountId(), who.displayName(), body, MessageHtml.render(body),
                command.replyTo(), held ? MessageState.HELD : MessageState.VISIBLE, messages.timestamp(),
                suspect.map(word -> SUSPECT_REASON + word).orElse(null), quote);
        return ChatResult.done(message.view(writer.write(message)));
    }

    private ChatResult<Room> room(Command command) {
        if (command.roomId() != null) {
            return rules.room(command.roomId()).map(ChatResult::done)
                    .orElseGet(() -> ChatResult.refused(Refusal.ROOM_NOT_FOUND));
        }
        if (command.articleId() == null) {
            return ChatResult.refused(Refusal.ROOM_NOT_FOUND);
        }
        Optional<Article> article = content.article(command.articleId());
        if (article.isEmpty()) {
            // an article that was on the site and left it is "removed"; one that never was is unknown
            return ChatResult.refused(content.state(command.articleId()).isPresent() ? Refusal.ARTICLE_REMOVED
                    : Refusal.ROOM_NOT_FOUND);
        }
        return ChatResult.done(rooms.articleRoom(article.get()));
    }
}
