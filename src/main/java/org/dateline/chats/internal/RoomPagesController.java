package org.dateline.chats.internal;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.dateline.chats.ChatResult;
import org.dateline.chats.CreateTopicRoom;
import org.dateline.chats.ModerateChats;
import org.dateline.chats.ModerationQueries;
import org.dateline.chats.Refusal;
import org.dateline.chats.Room;
import org.dateline.chats.RoomState;
import org.dateline.shared.Slug;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The moderators' pages of rooms under {@code /newsroom/moderation/rooms}: every edition's topic rooms and the form
 * that opens one; a room's page, with its settings (pre-moderation, slow mode), its title (topic rooms) and, apart,
 * closing it (a box to tick first) or opening it again. Each action runs the use case the JSON API runs
 * ({@link CreateTopicRoom}, {@link ModerateChats}); done → back with a notice, refused → the
 * page again with the reason, the form as sent and the matching 4xx.
 */
@Controller
@RequestMapping("/newsroom/moderation/rooms")
class RoomPagesController {

    private final CreateTopicRoom create;
    private final ModerateChats moderate;
    private final ModerationQueries queries;
    private final ModerationPages pages;

    RoomPagesController(CreateTopicRoom create, ModerateChats moderate, ModerationQueries queries,
                        ModerationPages pages) {
        this.create = create;
        this.moderate = moderate;
        this.queries = queries;
        this.pages = pages;
    }

    // ---- topic rooms ----

    @GetMapping
    String topics(HttpServletRequest request, Model model) {
        return topicsPage(request, model, pages.done(request), List.of(),
                TopicForm.blank(queries.editions().stream().findFirst().orElse("")));
    }

    /** Opens a topic room; its slug, left empty, is made from its title. */
    @PostMapping
    String open(@RequestParam(defaultValue = "") String edition, @RequestParam(defaultValue = "") String title,
                @RequestParam(defaultValue = "") String slug, @RequestParam(defaultValue = "open") String mode,
                @RequestParam(defaultValue = "0") String slowMode, HttpServletRequest request,
                HttpServletResponse response, Model model) {
        TopicForm form = new TopicForm(edition, title, slug, mode, slowMode);
        String address = slug.isBlank() ? Slug.from(title).value() : slug.strip();
        Integer seconds = seconds(slowMode);
        ChatResult<Room> result = seconds == null ? ChatResult.refused(Refusal.INVALID_RULES)
                : !knownMode(mode) ? ChatResult.refused(Refusal.INVALID_STATE)
                : create.create(edition, address, title, seconds, mode.equals("premoderated"));
        if (result instanceof ChatResult.Refused<Room> refused) {
            response.setStatus(ChatApiController.status(refused.reason()).value());
            return topicsPage(request, model, null, List.of(pages.refusal(request, refused.reason())), form);
        }
        return ModerationPages.done("/rooms/" + ((ChatResult.Done<Room>) result).value().id(), "room_created",
                request);
    }

    private String topicsPage(HttpServletRequest request, Model model, String notice, List<String> errors,
                              TopicForm form) {
        model.addAttribute("page", pages.page(request, "mod.rooms.title", notice, errors));
        model.addAttribute("editions", queries.editions());
        model.addAttribute("rooms", ModerationPages.value(queries.topics()));
        model.addAttribute("form", form);
        return "moderation/rooms";
    }

    // ---- a room ----

    @GetMapping("/{id}")
    String room(@PathVariable long id, HttpServletRequest request, HttpServletResponse response, Model model) {
        return roomPage(id, request, response, model, pages.done(request), List.of());
    }

    /** Pre-moderation and slow mode; closing the room is apart ({@link #close}). */
    @PostMapping("/{id}")
    String rules(@PathVariable long id, @RequestParam(defaultValue = "") String mode,
                 @RequestParam(defaultValue = "") String slowMode, HttpServletRequest request,
                 HttpServletResponse response, Model model) {
        Integer seconds = seconds(slowMode);
        ChatResult<Room> result = seconds == null ? ChatResult.refused(Refusal.INVALID_RULES)
                : !knownMode(mode) ? ChatResult.refused(Refusal.INVALID_STATE)
                : moderate.setRules(id, seconds, mode.equals("premoderated"));
        return afterRoomAction(id, result, "room", request, response, model);
    }

    @PostMapping("/{id}/title")
    String rename(@PathVariable long id, @RequestParam(defaultValue = "") String title, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        return afterRoomAction(id, moderate.rename(id, title), "room_renamed", request, response, model);
    }

    /** Closes the room to new messages and reactions, once the moderator ticked the box that says so. */
    @PostMapping("/{id}/close")
    String close(@PathVariable long id, @RequestParam(defaultValue = "") String confirm, HttpServletRequest request,
                 HttpServletResponse response, Model model) {
        if (!"on".equals(confirm)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return roomPage(id, request, response, model, null,
                    List.of(pages.text(request, "mod.room.close.confirm.needed")));
        }
        return afterRoomAction(id, moderate.setRoomState(id, RoomState.READ_ONLY.name()), "room_closed", request,
                response, model);
    }

    @PostMapping("/{id}/reopen")
    String reopen(@PathVariable long id, HttpServletRequest request, HttpServletResponse response, Model model) {
        return afterRoomAction(id, moderate.setRoomState(id, RoomState.OPEN.name()), "room_opened", request,
                response, model);
    }

    private String afterRoomAction(long id, ChatResult<Room> result, String action, HttpServletRequest request,
                                   HttpServletResponse response, Model model) {
        if (result instanceof ChatResult.Refused<Room> refused) {
            response.setStatus(ChatApiController.status(refused.reason()).value());
            return roomPage(id, request, response, model, null, refused.reason() == Refusal.ROOM_NOT_FOUND
                    ? List.of() : List.of(pages.refusal(request, refused.reason())));
        }
        return ModerationPages.done("/rooms/" + id, action, request);
    }

    private String roomPage(long id, HttpServletRequest request, HttpServletResponse response, Model model,
                            String notice, List<String> errors) {
        ChatResult<Room> room = queries.room(id);
        if (room instanceof ChatResult.Refused<Room> refused) {
            response.setStatus(ChatApiController.status(refused.reason()).value());
            return topicsPage(request, model, pages.refusal(request, refused.reason()), List.of(),
                    TopicForm.blank(queries.editions().stream().findFirst().orElse("")));
        }
        Room found = ((ChatResult.Done<Room>) room).value();
        model.addAttribute("page", pages.page(request, "mod.room.title", notice, errors));
        model.addAttribute("room", found);
        model.addAttribute("roomPath", queries.roomPath(found).orElse(null));
        return "moderation/room";
    }

    /** Slow mode as typed: a whole number of seconds (the use case says how many are allowed); null otherwise. */
    private static Integer seconds(String slowMode) {
        String typed = slowMode.strip();
        return typed.matches("\\d{1,6}") ? Integer.valueOf(typed) : null;
    }

    private static boolean knownMode(String mode) {
        return mode.equals("open") || mode.equals("premoderated");
    }
}
