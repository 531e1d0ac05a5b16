package org.dateline.chats.internal;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.dateline.chats.ChatQueries;
import org.dateline.chats.ChatResult;
import org.dateline.chats.CreateTopicRoom;
import org.dateline.chats.DeleteMessage;
import org.dateline.chats.EditMessage;
import org.dateline.chats.FollowRoom;
import org.dateline.chats.MarkRead;
import org.dateline.chats.MessagePage;
import org.dateline.chats.MessageView;
import org.dateline.chats.Participant;
import org.dateline.chats.PostMessage;
import org.dateline.chats.ReactToMessage;
import org.dateline.chats.ReaderRoom;
import org.dateline.chats.Refusal;
import org.dateline.chats.Room;
import org.dateline.platform.web.ApiException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The chat API for readers' browsers: session cookie plus the CSRF token in the {@code X-XSRF-TOKEN} header. Each
 * call runs one use case; this class only maps its named result to HTTP, in {@link #unwrap}.
 */
@RestController
@RequestMapping(path = "/api/chats", produces = MediaType.APPLICATION_JSON_VALUE)
class ChatApiController {

    static final int PAGE = 50;

    private final ChatQueries queries;
    private final Participants participants;
    private final PostMessage post;
    private final EditMessage edit;
    private final DeleteMessage delete;
    private final ReactToMessage react;
    private final MarkRead markRead;
    private final CreateTopicRoom createTopic;
    private final FollowRoom follow;
    private final JdbcRooms rooms;
    private final ChatRules rules;

    ChatApiController(ChatQueries queries, Participants participants, PostMessage post, EditMessage edit,
                      DeleteMessage delete, ReactToMessage react, MarkRead markRead, CreateTopicRoom createTopic,
                      FollowRoom follow, JdbcRooms rooms, ChatRules rules) {
        this.follow = follow;
        this.rooms = rooms;
        this.rules = rules;
        this.queries = queries;
        this.participants = participants;
        this.post = post;
        this.edit = edit;
        this.delete = delete;
        this.react = react;
        this.markRead = markRead;
        this.createTopic = createTopic;
    }

    record PostBody(String body, Long replyTo) {
    }

    record EditBody(String body) {
    }

    record ReactionBody(String emoji) {
    }

    record ReadBody(Long lastReadId) {
    }

    /** @param slowModeSeconds and {@code premoderated}: the room's rules from the start (none when left out) */
    record TopicBody(String edition, String slug, String title, Integer slowModeSeconds, Boolean premoderated) {
    }

    record FollowBody(Boolean followed) {
    }

    record Following(long roomId, boolean followed) {
    }

    /**
     * Who the page is talking to, and the CSRF token its scripts send back. Never cached.
     *
     * @param ban the ban that keeps the reader out of the room the page asked about, if one does (null otherwise)
     */
    record Me(boolean loggedIn, Long accountId, String displayName, boolean moderator, String csrfHeader,
              String csrfToken, ChatApiErrors.BanNotice ban) {
    }

    record Counts(long messageId, Map<String, Integer> reactions) {
    }

    record Read(long roomId, long lastReadId) {
    }

    record Rooms(List<ReaderRoom> rooms) {
    }

    /**
     * A chat page names its room ({@code ?room=}), or its article while the room does not exist yet
     * ({@code ?article=}): a banned reader's page then shows the ban, and until when, before it offers anything.
     */
    @GetMapping("/me")
    ResponseEntity<Me> me(@RequestParam(required = false) Long room, @RequestParam(required = false) Long article,
                          HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String header = csrf == null ? null : csrf.getHeaderName();
        String token = csrf == null ? null : csrf.getToken();
        Me me = participants.current()
                .map(p -> new Me(true, p.accountId(), p.displayName(),
                        org.dateline.chats.ChatPolicy.moderates(p.role()), header, token, banIn(p, room, article)))
                .orElseGet(() -> new Me(false, null, null, false, header, token, null));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(me);
    }

    private ChatApiErrors.BanNotice banIn(Participant who, Long room, Long article) {
        if (room == null && article == null) {
            return null;
        }
        Long roomId = room != null ? room : rooms.roomOfArticle(article).map(Room::id).orElse(null);
        return ChatApiErrors.BanNotice.of(rules.storedBan(who.accountId(), roomId).orElse(null));
    }

    @GetMapping("/rooms/{roomId}/messages")
    ResponseEntity<MessagePage> history(@PathVariable long roomId, @RequestParam(required = false) Long before) {
        MessagePage page = unwrap(queries.history(roomId, before, PAGE));
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(page);
    }

    @PostMapping(path = "/rooms/{roomId}/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<MessageView> post(@PathVariable long roomId, @RequestBody PostBody body,
                                     HttpServletRequest request) {
        return created(unwrap(post.post(new PostMessage.Command(roomId, null, body.body(), body.replyTo(),
                request.getRemoteAddr()))));
    }

    /** Posts under an article whose room the page did not know yet: the first message creates it. */
    @PostMapping(path = "/articles/{articleId}/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<MessageView> postToArticle(@PathVariable long articleId, @RequestBody PostBody body,
                                              HttpServletRequest request) {
        return created(unwrap(post.post(new PostMessage.Command(null, articleId, body.body(), body.replyTo(),
                request.getRemoteAddr()))));
    }

    @PatchMapping(path = "/messages/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    MessageView edit(@PathVariable long id, @RequestBody EditBody body) {
        return unwrap(edit.edit(id, body.body()));
    }

    @DeleteMapping("/messages/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        unwrap(delete.delete(id));
        return ResponseEntity.noContent().build();
    }

    @PutMapping(path = "/messages/{id}/reaction", consumes = MediaType.APPLICATION_JSON_VALUE)
    Counts react(@PathVariable long id, @RequestBody ReactionBody body, HttpServletRequest request) {
        return new Counts(id, unwrap(react.react(id, body.emoji(), request.getRemoteAddr())));
    }

    @DeleteMapping("/messages/{id}/reaction")
    Counts withdraw(@PathVariable long id, HttpServletRequest request) {
        return new Counts(id, unwrap(react.withdraw(id, request.getRemoteAddr())));
    }

    @GetMapping("/me/rooms")
    ResponseEntity<Rooms> myRooms() {
        long account = participants.current().orElseThrow(() -> problem(Refusal.LOGIN_REQUIRED)).accountId();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new Rooms(queries.roomsOf(account)));
    }

    @PostMapping(path = "/rooms/{roomId}/read", consumes = MediaType.APPLICATION_JSON_VALUE)
    Read read(@PathVariable long roomId, @RequestBody ReadBody body) {
        if (body.lastReadId() == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid_request", "Send the lastReadId.");
        }
        return new Read(roomId, unwrap(markRead.markRead(roomId, body.lastReadId())));
    }

    @PutMapping(path = "/rooms/{roomId}/follow", consumes = MediaType.APPLICATION_JSON_VALUE)
    Following follow(@PathVariable long roomId, @RequestBody FollowBody body) {
        return new Following(roomId, unwrap(follow.follow(roomId, !Boolean.FALSE.equals(body.followed()))));
    }

    @PostMapping(path = "/rooms", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Room> createTopic(@RequestBody TopicBody body) {
        Room room = unwrap(createTopic.create(body.edition(), body.slug(), body.title(),
                body.slowModeSeconds() == null ? 0 : body.slowModeSeconds(), Boolean.TRUE.equals(body.premoderated())));
        return ResponseEntity.created(URI.create("/api/chats/rooms/" + room.id())).body(room);
    }

    /** 201 for a message everyone sees now; 202 for one held for a moderator's review. */
    private static ResponseEntity<MessageView> created(MessageView message) {
        if (message.state() == org.dateline.chats.MessageState.HELD) {
            return ResponseEntity.accepted().body(message);
        }
        return ResponseEntity.created(URI.create("/api/chats/messages/" + message.id())).body(message);
    }

    /** The value; a refusal as its problem, a ban's with until when ({@link ChatApiErrors}). */
    static <T> T unwrap(ChatResult<T> result) {
        if (result instanceof ChatResult.Refused<T> refused) {
            if (refused.ban() != null) {
                throw new ChatApiErrors.Banned(refused.ban());
            }
            throw problem(refused.reason());
        }
        return ((ChatResult.Done<T>) result).value();
    }

    static ApiException problem(Refusal refusal) {
        return new ApiException(status(refusal), refusal.code(), refusal.message());
    }

    static HttpStatus status(Refusal refusal) {
        return switch (refusal) {
            case LOGIN_REQUIRED -> HttpStatus.UNAUTHORIZED;
            case ACCOUNT_INACTIVE, BANNED, NOT_ALLOWED, EDIT_WINDOW_CLOSED, ROOM_READ_ONLY -> HttpStatus.FORBIDDEN;
            case ROOM_NOT_FOUND, MESSAGE_NOT_FOUND, ACCOUNT_NOT_FOUND, NOT_FOUND_BAN, NOT_HELD -> HttpStatus.NOT_FOUND;
            case ARTICLE_REMOVED -> HttpStatus.GONE;
            case SLUG_TAKEN, NOT_A_TOPIC -> HttpStatus.CONFLICT;
            case RATE_LIMITED, SLOW_MODE -> HttpStatus.TOO_MANY_REQUESTS;
            case REPLY_NOT_FOUND, EMPTY, TOO_LONG, INVALID_CHARACTERS, UNKNOWN_REACTION, INVALID_TOPIC,
                 UNKNOWN_EDITION, INVALID_BAN, INVALID_REPORT, INVALID_STATE, INVALID_RULES,
                 INVALID_WORD -> HttpStatus.BAD_REQUEST;
        };
    }
}
