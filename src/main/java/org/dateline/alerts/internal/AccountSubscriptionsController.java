package org.dateline.alerts.internal;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.dateline.alerts.Subscribe;
import org.dateline.alerts.Subscriber;
import org.dateline.identity.Actor;
import org.dateline.identity.CurrentActor;
import org.dateline.identity.ReaderPage;
import org.dateline.identity.ReaderPages;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A logged-in reader's subscriptions on their account pages ({@code /account/subscriptions}, behind the login and
 * the CSRF token like every account form): the list, ending one or all, the digest's hour and time zone.
 */
@Controller
class AccountSubscriptionsController {

    static final String PATH = "/account/subscriptions";

    private final JdbcSubscriptions store;
    private final CurrentActor currentActor;
    private final ReaderPages readerPages;
    private final AlertsPages pages;
    private final SubscribeLimits limits;
    private final Clock clock;

    AccountSubscriptionsController(JdbcSubscriptions store, CurrentActor currentActor, ReaderPages readerPages,
                                   AlertsPages pages, SubscribeLimits limits, Clock clock) {
        this.store = store;
        this.currentActor = currentActor;
        this.readerPages = readerPages;
        this.pages = pages;
        this.limits = limits;
        this.clock = clock;
    }

    @GetMapping(PATH)
    String list(@RequestParam(required = false) String done, HttpServletRequest request,
                HttpServletResponse response, Model model) {
        return page(request, response, model, done, List.of());
    }

    @PostMapping(PATH + "/end")
    String end(@RequestParam(defaultValue = "-1") long subscription, HttpServletRequest request,
               HttpServletResponse response, Model model) {
        if (!limits.write(request.getRemoteAddr())) {
            return throttled(request, response, model);
        }
        Optional<Subscriber> subscriber = store.byAccount(actor().accountId());
        if (subscriber.isEmpty() || !store.end(subscriber.get().id(), subscription, clock.instant())) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return page(request, response, model, null,
                    List.of(new Subscribe.Problem("subscription", "subscription_unknown")));
        }
        return redirect(request, "ended");
    }

    @PostMapping(PATH + "/end-all")
    String endAll(HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!limits.write(request.getRemoteAddr())) {
            return throttled(request, response, model);
        }
        store.byAccount(actor().accountId()).ifPresent(s -> store.endAll(s.id(), clock.instant()));
        return redirect(request, "endedAll");
    }

    @PostMapping(PATH + "/digest")
    String digest(@RequestParam(defaultValue = "") String hour, @RequestParam(defaultValue = "") String zone,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!limits.write(request.getRemoteAddr())) {
            return throttled(request, response, model);
        }
        List<Subscribe.Problem> problems = new ArrayList<>();
        Integer h = Subscribe.hour(hour, problems);
        ZoneId z = Subscribe.zone(zone, problems);
        Optional<Subscriber> subscriber = store.byAccount(actor().accountId());
        if (subscriber.isEmpty()) {
            problems.add(new Subscribe.Problem("", "no_subscriptions"));
        }
        if (!problems.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(request, response, model, null, problems);
        }
        store.setDigest(subscriber.get().id(), h, z.getId());
        return redirect(request, "digest");
    }

    private String page(HttpServletRequest request, HttpServletResponse response, Model model, String done,
                        List<Subscribe.Problem> problems) {
        Locale locale = readerPages.locale(request);
        ReaderPage page = pages.page(request, response, locale, "alerts.account.title", null, problems, Map.of());
        if (done != null && List.of("ended", "endedAll", "digest").contains(done)) {
            page = page.withNotice(page.t("alerts.manage.done." + done));
        }
        Optional<Subscriber> subscriber = store.byAccount(actor().accountId());
        model.addAttribute("page", page);
        model.addAttribute("view", new SubscriberView(PATH, "", null,
                subscriber.map(Subscriber::digestHour).orElse(7),
                subscriber.map(Subscriber::timeZone).orElse("UTC"),
                subscriber.map(s -> pages.rows(store.current(s.id()), locale)).orElse(List.of())));
        return "alerts/subscriber";
    }

    private String throttled(HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        return page(request, response, model, null, List.of(new Subscribe.Problem("", "rate_limited")));
    }

    private String redirect(HttpServletRequest request, String done) {
        String lang = request.getParameter("lang");
        return "redirect:" + PATH + "?done=" + done
                + (lang != null && ReaderPages.LANGUAGES.contains(lang) ? "&lang=" + lang : "");
    }

    private Actor actor() {
        return currentActor.get().orElseThrow(() -> new IllegalStateException("the reader chain requires a login"));
    }
}
