package org.dateline.chats.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.dateline.chats.ChatResult;
import org.dateline.chats.DeleteMessage;
import org.dateline.chats.ModerateChats;
import org.dateline.chats.ModerationEntry;
import org.dateline.chats.ModerationQueries;
import org.dateline.chats.Refusal;
import org.dateline.chats.WordKind;
import org.dateline.identity.Account;
import org.dateline.identity.Accounts;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The moderators' pages under {@code /newsroom/moderation}: the queue (reported and held messages), bans, banned and
 * suspect words, the audit log (rooms: {@link RoomPagesController}). The web chain decides who may open them; each
 * action runs a use case ({@link ModerateChats}, {@link DeleteMessage}) and this class only maps its result: done →
 * back to the page with a notice (redirect), refused → the page again with the reason and the matching 4xx.
 */
@Controller
@RequestMapping("/newsroom/moderation")
class ModerationPagesController {

    static final int LOG_PAGE = 50;

    private final ModerateChats moderate;
    private final DeleteMessage delete;
    private final ModerationQueries queries;
    private final Accounts accounts;
    private final ModerationPages pages;
    private final Clock clock;

    ModerationPagesController(ModerateChats moderate, DeleteMessage delete, ModerationQueries queries,
                              Accounts accounts, ModerationPages pages, Clock clock) {
        this.moderate = moderate;
        this.delete = delete;
        this.queries = queries;
        this.accounts = accounts;
        this.pages = pages;
        this.clock = clock;
    }

    // ---- the queue ----

    @GetMapping
    String queue(HttpServletRequest request, Model model) {
        return queuePage(request, model, pages.done(request));
    }

    @PostMapping("/reports/{messageId}/{action}")
    String report(@PathVariable long messageId, @PathVariable String action, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        ChatResult<?> result = switch (action) {
            case "approve" -> moderate.dismissReports(messageId);
            case "hide" -> moderate.hide(messageId, "reported");
            default -> ChatResult.refused(Refusal.INVALID_STATE);
        };
        return afterQueueAction(result, action, request, response, model);
    }

    @PostMapping("/held/{messageId}/{action}")
    String held(@PathVariable long messageId, @PathVariable String action, HttpServletRequest request,
                HttpServletResponse response, Model model) {
        ChatResult<?> result = switch (action) {
            case "approve" -> moderate.review(messageId, true);
            case "hide" -> moderate.review(messageId, false);
            default -> ChatResult.refused(Refusal.INVALID_STATE);
        };
        return afterQueueAction(result, action, request, response, model);
    }

    @PostMapping("/messages/{messageId}/delete")
    String delete(@PathVariable long messageId, HttpServletRequest request, HttpServletResponse response,
                  Model model) {
        return afterQueueAction(delete.delete(messageId), "delete", request, response, model);
    }

    private String afterQueueAction(ChatResult<?> result, String action, HttpServletRequest request,
                                    HttpServletResponse response, Model model) {
        if (result instanceof ChatResult.Refused<?> refused) {
            response.setStatus(ChatApiController.status(refused.reason()).value());
            return queuePage(request, model, pages.refusal(request, refused.reason()));
        }
        return ModerationPages.done("", action, request);
    }

    private String queuePage(HttpServletRequest request, Model model, String notice) {
        model.addAttribute("page", pages.page(request, "mod.queue.title", notice, List.of()));
        model.addAttribute("reported", ModerationPages.value(queries.reported()));
        model.addAttribute("held", ModerationPages.value(queries.held()));
        model.addAttribute("terms", BanTerm.TERMS);
        return "moderation/queue";
    }

    // ---- bans ----

    /** The form to ban a reader (filled in from a link: {@code account}, {@code room}), and the bans in force. */
    @GetMapping("/bans")
    String bans(@RequestParam(defaultValue = "") String account, @RequestParam(required = false) Long room,
                HttpServletRequest request, Model model) {
        return bansPage(request, model, pages.done(request), List.of(),
                new BanForm(account, room, room == null ? "all" : "room", "1d", "", ""));
    }

    @PostMapping("/bans")
    String ban(@RequestParam(defaultValue = "") String account, @RequestParam(required = false) Long room,
               @RequestParam(defaultValue = "all") String scope, @RequestParam(defaultValue = "") String term,
               @RequestParam(defaultValue = "") String until, @RequestParam(defaultValue = "") String reason,
               @RequestParam(defaultValue = "") String from, HttpServletRequest request,
               HttpServletResponse response, Model model) {
        BanForm form = new BanForm(account, room, scope, term, until, reason);
        Optional<Account> target = reader(account);
        Optional<Duration> duration = BanTerm.of(term, until, clock.instant());
        Long where = "room".equals(scope) ? room : null;
        ChatResult<Long> result = target.isEmpty() ? ChatResult.refused(Refusal.ACCOUNT_NOT_FOUND)
                : duration.isEmpty() || ("room".equals(scope) && room == null) ? ChatResult.refused(Refusal.INVALID_BAN)
                : moderate.ban(target.get().id(), where, duration.get(), reason);
        if (result instanceof ChatResult.Refused<Long> refused) {
            response.setStatus(ChatApiController.status(refused.reason()).value());
            return bansPage(request, model, null, List.of(pages.refusal(request, refused.reason())), form);
        }
        return ModerationPages.done("queue".equals(from) ? "" : "/bans", "ban", request);
    }

    @PostMapping("/bans/{id}/lift")
    String lift(@PathVariable long id, HttpServletRequest request, HttpServletResponse response, Model model) {
        ChatResult<Long> result = moderate.lift(id);
        if (result instanceof ChatResult.Refused<Long> refused) {
            response.setStatus(ChatApiController.status(refused.reason()).value());
            return bansPage(request, model, pages.refusal(request, refused.reason()), List.of(),
                    new BanForm("", null, "all", "1d", "", ""));
        }
        return ModerationPages.done("/bans", "lift", request);
    }

    private Optional<Account> reader(String account) {
        String key = account == null ? "" : account.strip();
        if (key.matches("\\d{1,18}")) {
            return accounts.find(Long.parseLong(key));
        }
        return key.contains("@") ? accounts.byEmail(key) : Optional.empty();
    }

    private String bansPage(HttpServletRequest request, Model model, String notice, List<String> errors,
                            BanForm form) {
        model.addAttribute("page", pages.page(request, "mod.bans.title", notice, errors));
        model.addAttribute("bans", ModerationPages.value(queries.bans()));
        model.addAttribute("form", form);
        model.addAttribute("terms", BanTerm.TERMS);
        return "moderation/bans";
    }

    // ---- watched words ----

    @GetMapping("/words")
    String words(HttpServletRequest request, Model model) {
        return wordsPage(request, model, pages.done(request), List.of());
    }

    @PostMapping("/words")
    String watch(@RequestParam(defaultValue = "") String edition, @RequestParam(defaultValue = "") String kind,
                 @RequestParam(defaultValue = "") String word, HttpServletRequest request,
                 HttpServletResponse response, Model model) {
        WordKind chosen = kind.equals("BANNED") ? WordKind.BANNED : kind.equals("SUSPECT") ? WordKind.SUSPECT : null;
        ChatResult<Boolean> result = moderate.watchWord(edition, chosen, word);
        if (result instanceof ChatResult.Refused<Boolean> refused) {
            response.setStatus(ChatApiController.status(refused.reason()).value());
            return wordsPage(request, model, null, List.of(pages.refusal(request, refused.reason())));
        }
        return ModerationPages.done("/words", "word", request);
    }

    @PostMapping("/words/{id}/remove")
    String unwatch(@PathVariable long id, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!ModerationPages.value(moderate.unwatchWord(id))) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return wordsPage(request, model, pages.text(request, "mod.words.gone"), List.of());
        }
        return ModerationPages.done("/words", "word_removed", request);
    }

    private String wordsPage(HttpServletRequest request, Model model, String notice, List<String> errors) {
        model.addAttribute("page", pages.page(request, "mod.words.title", notice, errors));
        model.addAttribute("editions", queries.editions());
        model.addAttribute("words", ModerationPages.value(moderate.watchedWords()));
        return "moderation/words";
    }

    // ---- the audit log ----

    @GetMapping("/log")
    String log(@RequestParam(required = false) Long before, HttpServletRequest request, Model model) {
        List<ModerationEntry> entries = ModerationPages.value(moderate.log(before, LOG_PAGE));
        model.addAttribute("page", pages.page(request, "mod.log.title", null, List.of()));
        model.addAttribute("entries", entries);
        model.addAttribute("next", entries.size() < LOG_PAGE ? null : entries.get(entries.size() - 1).id());
        model.addAttribute("older", before != null);
        return "moderation/log";
    }
}
