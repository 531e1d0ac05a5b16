package org.dateline.chats.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.dateline.chats.BanInForce;
import org.dateline.chats.ChatQueries;
import org.dateline.chats.ChatResult;
import org.dateline.chats.FollowRoom;
import org.dateline.chats.MessageState;
import org.dateline.chats.MessageText;
import org.dateline.chats.MessageView;
import org.dateline.chats.PostMessage;
import org.dateline.chats.Refusal;
import org.dateline.chats.Room;
import org.dateline.content.Article;
import org.dateline.content.ChatPaths;
import org.dateline.content.ContentQueries;
import org.dateline.identity.AccountResult;
import org.dateline.identity.CurrentActor;
import org.dateline.identity.ReaderPage;
import org.dateline.identity.ReaderPages;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A reader's chats under {@code /account} (the reader chain lets only logged-in readers in): the rooms they follow
 * with unread counts, unfollowing, and the write page, a form that posts without JavaScript. The article page is
 * cached and the same for everyone, so it cannot carry a CSRF token; its "Write a message" link leads here, where
 * the form gets the token of this reader. Nothing here is cached.
 */
@Controller
class ReaderChatsController {

    static final String CHATS = "/account/chats";
    static final String WRITE = "/account/chats/write";

    private final ReaderPages pages;
    private final ChatQueries queries;
    private final JdbcRooms rooms;
    private final ContentQueries content;
    private final CurrentActor actor;
    private final FollowRoom follow;
    private final PostMessage post;
    private final ChatRules rules;
    private final EditionTimes times;

    ReaderChatsController(ReaderPages pages, ChatQueries queries, JdbcRooms rooms, ContentQueries content,
                          CurrentActor actor, FollowRoom follow, PostMessage post, ChatRules rules,
                          EditionTimes times) {
        this.rules = rules;
        this.times = times;
        this.pages = pages;
        this.queries = queries;
        this.rooms = rooms;
        this.content = content;
        this.actor = actor;
        this.follow = follow;
        this.post = post;
    }

    @GetMapping(CHATS)
    String rooms(HttpServletRequest request, HttpServletResponse response, Model model) {
        return showRooms(request, response, model, request.getParameter("unfollowed") != null
                ? "account.chats.unfollowed" : null, List.of(), HttpStatus.OK);
    }

    @PostMapping(CHATS + "/{roomId:\\d{1,18}}/unfollow")
    String unfollow(@PathVariable long roomId, HttpServletRequest request, HttpServletResponse response,
                    Model model) {
        ChatResult<Boolean> result = follow.follow(roomId, false);
        if (result instanceof ChatResult.Refused<Boolean> refused) {
            return showRooms(request, response, model, null, List.of(problem(request, refused.reason())),
                    ChatApiController.status(refused.reason()));
        }
        return "redirect:" + CHATS + "?unfollowed" + lang(request, "&");
    }

    @GetMapping(WRITE)
    String writeForm(@RequestParam(required = false) Long article, @RequestParam(required = false) Long room,
                     HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<WriteTarget> target = target(article, room);
        if (target.isEmpty()) {
            return notFound(request, response, model);
        }
        BanInForce ban = actor.get().flatMap(who -> rules.storedBan(who.accountId(), target.get().roomId()))
                .orElse(null);
        return showWrite(request, response, model, target.get(),
                request.getParameter("held") != null ? "chat.held" : null, List.of(), "", ban, HttpStatus.OK);
    }

    @PostMapping(WRITE)
    String write(@RequestParam(required = false) Long article, @RequestParam(required = false) Long room,
                 @RequestParam(defaultValue = "") String body, HttpServletRequest request,
                 HttpServletResponse response, Model model) {
        Optional<WriteTarget> target = target(article, room);
        if (target.isEmpty()) {
            return notFound(request, response, model);
        }
        ChatResult<MessageView> result = post.post(new PostMessage.Command(target.get().roomId(),
                target.get().roomId() == null ? target.get().articleId() : null, body, null, request.getRemoteAddr()));
        if (result instanceof ChatResult.Refused<MessageView> refused) {
            return showWrite(request, response, model, target.get(), null,
                    List.of(problem(request, refused.reason())), body, refused.ban(),
                    ChatApiController.status(refused.reason()));
        }
        MessageView message = ((ChatResult.Done<MessageView>) result).value();
        if (message.state() == MessageState.HELD) {
            return "redirect:" + WRITE + "?room=" + message.roomId() + "&held" + lang(request, "&");
        }
        // Post/Redirect/Get: back to the conversation, at the new message
        return "redirect:" + queries.locate(message.id()).orElse(target.get().url());
    }

    private String showRooms(HttpServletRequest request, HttpServletResponse response, Model model, String notice,
                             List<AccountResult.Problem> problems, HttpStatus status) {
        long accountId = actor.get().orElseThrow().accountId();
        ReaderPage page = pages.page(request, "account.chats.title", notice, problems, Map.of());
        TimeFormat time = times.of(page.locale());
        List<RoomLine> lines = queries.roomsOf(accountId).stream()
                .map(r -> new RoomLine(r, time.format(r.lastActivityAt()))).toList();
        noStore(response, status);
        model.addAttribute("page", page);
        model.addAttribute("rooms", lines);
        model.addAttribute("time", time);
        return "account/chats";
    }

    /** @param ban the ban that keeps the reader out of the room: the page says until when, its form disabled */
    private String showWrite(HttpServletRequest request, HttpServletResponse response, Model model, WriteTarget target,
                             String notice, List<AccountResult.Problem> problems, String body, BanInForce ban,
                             HttpStatus status) {
        noStore(response, status);
        ReaderPage page = pages.page(request, "account.chats.write.title", notice, problems, Map.of("body", body));
        model.addAttribute("page", page);
        model.addAttribute("target", target);
        model.addAttribute("ban", ban == null ? null : ban.expiresAt() == null ? page.t("chat.banned")
                : page.t("chat.banned.until", times.of(page.locale()).format(ban.expiresAt())));
        model.addAttribute("maxLength", MessageText.MAX_LENGTH);
        return "account/chat-write";
    }

    private String notFound(HttpServletRequest request, HttpServletResponse response, Model model) {
        noStore(response, HttpStatus.NOT_FOUND);
        model.addAttribute("text", "account.chats.write.missing");
        model.addAttribute("page", pages.page(request, "account.chats.write.title", null));
        return "account/message";
    }

    /** The room to write in: named by its id, or by its live article (whose room may not exist yet). */
    private Optional<WriteTarget> target(Long articleId, Long roomId) {
        if (roomId != null) {
            return rooms.room(roomId).filter(r -> !r.articleRemoved()).flatMap(this::target);
        }
        if (articleId != null) {
            return content.article(articleId).map(a -> rooms.roomOfArticle(a.id())
                    .map(r -> new WriteTarget(a.id(), r.id(), a.headline(), ChatPaths.atConversation(a.path())))
                    .orElseGet(() -> new WriteTarget(a.id(), null, a.headline(), ChatPaths.atConversation(a.path()))));
        }
        return Optional.empty();
    }

    private Optional<WriteTarget> target(Room room) {
        if (room.articleId() == null) {
            return Optional.of(new WriteTarget(null, room.id(), room.title(),
                    ChatPaths.atConversation(ChatPaths.topicRoom(room.edition(), room.slug()))));
        }
        return content.article(room.articleId()).map((Article a) ->
                new WriteTarget(a.id(), room.id(), a.headline(), ChatPaths.atConversation(a.path())));
    }

    /** The refusal in the page's language; its English text where no translation exists. */
    private AccountResult.Problem problem(HttpServletRequest request, Refusal refusal) {
        String text;
        try {
            text = new java.text.MessageFormat(ReaderPages.strings(pages.locale(request))
                    .getString("chat.problem." + refusal.code()), pages.locale(request))
                    .format(new Object[] {MessageText.MAX_LENGTH});
        } catch (MissingResourceException untranslated) {
            text = refusal.message();
        }
        return new AccountResult.Problem("", refusal.code(), text);
    }

    private static void noStore(HttpServletResponse response, HttpStatus status) {
        response.setStatus(status.value());
        response.setHeader("Cache-Control", "no-store");
    }

    private static String lang(HttpServletRequest request, String separator) {
        String lang = request.getParameter("lang");
        return lang != null && ReaderPages.LANGUAGES.contains(lang)
                ? separator + "lang=" + URLEncoder.encode(lang, StandardCharsets.UTF_8) : "";
    }
}
