package org.dateline.wire;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.dateline.identity.AccountResult;
import org.dateline.identity.CurrentActor;
import org.dateline.identity.StaffPages;
import org.dateline.newsroom.FieldProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The newsroom's wire page: the polled feeds with their state, a form to add one, and the ingest log. Every staff
 * member sees it (security configuration); changing feeds is for editors and administrators ({@link FeedPolicy}).
 */
@Controller
class WireDeskController {

    static final int LOG_LINES = 100;
    static final String TITLE = "Wire";

    private final WireFeeds feeds;
    private final WireIngest ingest;
    private final CurrentActor currentActor;
    private final StaffPages pages;

    WireDeskController(WireFeeds feeds, WireIngest ingest, CurrentActor currentActor, StaffPages pages) {
        this.feeds = feeds;
        this.ingest = ingest;
        this.currentActor = currentActor;
        this.pages = pages;
    }

    @GetMapping("/newsroom/wire")
    String desk(HttpServletRequest request, Model model) {
        String notice = request.getParameter("added") != null ? "The feed is added; it is polled within seconds."
                : request.getParameter("changed") != null ? "The feed is changed."
                : request.getParameter("deleted") != null ? "The feed is deleted."
                : request.getParameter("polled") != null ? "The feed was polled; its state and the log show how it went."
                : request.getParameter("busy") != null ? "The feed is being polled right now; try again in a moment."
                : null;
        return page(request, model, notice, List.of(), "", "", String.valueOf(WireFeeds.DEFAULT_INTERVAL));
    }

    @PostMapping("/newsroom/wire/feeds")
    String add(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String url,
               @RequestParam(defaultValue = "") String intervalSeconds, HttpServletRequest request,
               HttpServletResponse response, Model model) {
        if (!FeedPolicy.canManage(currentActor.get())) {
            return forbidden(request, response, model);
        }
        FeedResult result = feeds.add(new WireFeeds.FeedCommand(name, url, interval(intervalSeconds)));
        if (result instanceof FeedResult.Refused refused) {
            return page(request, model, null, refused.problems(), name, url, intervalSeconds);
        }
        return "redirect:/newsroom/wire?added";
    }

    @GetMapping("/newsroom/wire/feeds/{id}")
    String editPage(@PathVariable long id, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!FeedPolicy.canManage(currentActor.get())) {
            return forbidden(request, response, model);
        }
        return feeds.find(id)
                .map(feed -> editPage(request, model, feed, List.of(), feed.name(), feed.url(),
                        String.valueOf(feed.intervalSeconds())))
                .orElseGet(WireDeskController::notFound);
    }

    @PostMapping("/newsroom/wire/feeds/{id}")
    String edit(@PathVariable long id, @RequestParam(defaultValue = "") String name,
                @RequestParam(defaultValue = "") String url, @RequestParam(defaultValue = "") String intervalSeconds,
                HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!FeedPolicy.canManage(currentActor.get())) {
            return forbidden(request, response, model);
        }
        FeedResult result = feeds.update(id, new WireFeeds.FeedCommand(name, url, interval(intervalSeconds)));
        if (result instanceof FeedResult.NotFound) {
            return notFound();
        }
        if (result instanceof FeedResult.Refused refused) {
            return editPage(request, model, feeds.find(id).orElseThrow(), refused.problems(), name, url,
                    intervalSeconds);
        }
        return "redirect:/newsroom/wire?changed";
    }

    @PostMapping("/newsroom/wire/feeds/{id}/active")
    String setActive(@PathVariable long id, @RequestParam(defaultValue = "false") boolean active,
                     HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!FeedPolicy.canManage(currentActor.get())) {
            return forbidden(request, response, model);
        }
        feeds.setActive(id, active);
        return "redirect:/newsroom/wire?changed";
    }

    @PostMapping("/newsroom/wire/feeds/{id}/delete")
    String delete(@PathVariable long id, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!FeedPolicy.canManage(currentActor.get())) {
            return forbidden(request, response, model);
        }
        feeds.delete(id);
        return "redirect:/newsroom/wire?deleted";
    }

    @PostMapping("/newsroom/wire/feeds/{id}/poll")
    String poll(@PathVariable long id, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!FeedPolicy.canManage(currentActor.get())) {
            return forbidden(request, response, model);
        }
        return feeds.pollNow(id) instanceof FeedResult.Busy ? "redirect:/newsroom/wire?busy"
                : "redirect:/newsroom/wire?polled";
    }

    private String forbidden(HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        return page(request, model, null,
                List.of(new FieldProblem("", "forbidden", "Only editors and administrators may change feeds.")),
                "", "", String.valueOf(WireFeeds.DEFAULT_INTERVAL));
    }

    /** A feed that does not exist (deleted meanwhile, or a mistyped address) gets the error page. */
    private static String notFound() {
        throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    private String editPage(HttpServletRequest request, Model model, WireFeed feed, List<FieldProblem> problems,
                            String name, String url, String interval) {
        form(request, model, "Change feed", null, problems, name, url, interval);
        model.addAttribute("feed", feed);
        return "newsroom/wire-feed";
    }

    private String page(HttpServletRequest request, Model model, String notice, List<FieldProblem> problems,
                        String name, String url, String interval) {
        form(request, model, TITLE, notice, problems, name, url, interval);
        model.addAttribute("feeds", feeds.all());
        model.addAttribute("log", ingest.recent(0, LOG_LINES));
        model.addAttribute("canManage", FeedPolicy.canManage(currentActor.get()));
        return "newsroom/wire";
    }

    /** The feed form's values as typed, with the problems to show beside them. */
    private void form(HttpServletRequest request, Model model, String title, String notice,
                      List<FieldProblem> problems, String name, String url, String interval) {
        model.addAttribute("page", pages.page(request, title, notice, problems.stream()
                .map(p -> new AccountResult.Problem(p.field(), p.code(), p.message())).toList()));
        model.addAttribute("name", name);
        model.addAttribute("url", url);
        model.addAttribute("interval", interval);
        model.addAttribute("minInterval", WireFeeds.MIN_INTERVAL);
        model.addAttribute("maxInterval", WireFeeds.MAX_INTERVAL);
    }

    /** Blank is the default; anything not a number is out of range, so the form says so. */
    private static Integer interval(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
