package org.dateline.alerts.internal;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.dateline.alerts.Delivery;
import org.dateline.alerts.ManageLinks;
import org.dateline.alerts.Subscribe;
import org.dateline.alerts.SubscribeForm;
import org.dateline.alerts.Subscriber;
import org.dateline.alerts.Subscription;
import org.dateline.alerts.Topic;
import org.dateline.alerts.internal.delivery.AlertSettings;
import org.dateline.editions.Edition;
import org.dateline.editions.Editions;
import org.dateline.identity.Actor;
import org.dateline.identity.CurrentActor;
import org.dateline.identity.ReaderPage;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public doors of subscriptions, all plain HTML forms that work without script. {@code POST /{edition}/subscribe}
 * is sent from cached pages that carry no CSRF token: the security configuration lets it through when the browser
 * says it comes from this site's own page. Confirming and a subscriber's page need no login: their signed links
 * ({@link ManageLinks}) are the proof. {@code POST /alerts/unsubscribe/{id}} is RFC 8058's one-click end, which mail
 * providers post from anywhere: its signed link alone decides; a digest's
 * ({@code /alerts/unsubscribe/digest-{subscriber}}) ends every digest subscription of its subscriber. No GET ever
 * changes anything. Every write a stranger can make (and a logged-in reader's one click) takes a token of a limit per
 * client address ({@link SubscribeLimits}); a confirmation link stops working after
 * {@link AlertSettings#confirmExpiry()}.
 */
@Controller
class SubscribeController {

    static final String ONE_CLICK = "One-Click";

    private final Subscribe subscribe;
    private final JdbcSubscriptions store;
    private final Editions editions;
    private final CurrentActor currentActor;
    private final SubscribeLimits limits;
    private final AlertsPages pages;
    private final Targets targets;
    private final ManageLinks links;
    private final AlertSettings settings;
    private final Clock clock;

    SubscribeController(Subscribe subscribe, JdbcSubscriptions store, Editions editions, CurrentActor currentActor,
                        SubscribeLimits limits, AlertsPages pages, Targets targets, ManageLinks links,
                        AlertSettings settings, Clock clock) {
        this.subscribe = subscribe;
        this.store = store;
        this.editions = editions;
        this.currentActor = currentActor;
        this.limits = limits;
        this.pages = pages;
        this.targets = targets;
        this.links = links;
        this.settings = settings;
        this.clock = clock;
    }

    // --- subscribing from a form on a public page

    /**
     * A form that follows one thing sends its {@code topic} and {@code target}; the edition's subscribe page sends
     * no topic but a {@code follow} value for each box checked, none of them being a mistake the reader can mend.
     * Either way it is one request: one token of the rate limits, one confirmation mail, all or nothing written.
     */
    @PostMapping("/{edition:[a-z]{2}}/subscribe")
    String subscribe(@PathVariable("edition") String pathEdition,
                     @RequestParam(name = "edition", required = false) String formEdition,
                     @RequestParam(defaultValue = "") String topic, @RequestParam(defaultValue = "") String target,
                     @RequestParam(required = false) List<String> follow,
                     @RequestParam(defaultValue = "") String delivery, @RequestParam(defaultValue = "") String hour,
                     @RequestParam(defaultValue = "") String zone, @RequestParam(defaultValue = "") String email,
                     HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<Edition> edition = editions.find(pathEdition);
        if (edition.isEmpty()) {
            return message(request, response, model, editions.defaultEdition().locale(), HttpStatus.NOT_FOUND,
                    "alerts.edition.unknown.title", "alerts.edition.unknown.text", null);
        }
        Locale locale = edition.get().locale();
        Subscribe.Request sent = new Subscribe.Request(pathEdition, topic, target, delivery, hour, zone);
        Asked asked = topic.isBlank()
                ? new Asked(sent, Subscribe.Request.follows(pathEdition, follow == null ? List.of() : follow,
                        delivery, hour, zone), true)
                : new Asked(sent, List.of(sent), false);
        if (formEdition != null && !formEdition.equals(pathEdition)) {
            return refused(request, response, model, edition.get(), asked, email,
                    List.of(new Subscribe.Problem("edition", "edition_unknown")));
        }
        Optional<Actor> actor = currentActor.get();
        Subscribe.Result result;
        if (actor.isPresent()) {
            if (!limits.write(request.getRemoteAddr())) {
                return refused(request, response, model, edition.get(), asked, email,
                        List.of(new Subscribe.Problem("", "rate_limited")), HttpStatus.TOO_MANY_REQUESTS);
            }
            result = subscribe.forAccount(actor.get().accountId(), asked.requests());
        } else {
            List<Subscribe.Problem> problems = subscribe.problems(email, asked.requests());
            if (!problems.isEmpty()) {
                return refused(request, response, model, edition.get(), asked, email, problems);
            }
            String address = Subscribe.email(email, problems);
            if (!limits.subscribe(request.getRemoteAddr(), address)) {
                return refused(request, response, model, edition.get(), asked, email,
                        List.of(new Subscribe.Problem("", "rate_limited")), HttpStatus.TOO_MANY_REQUESTS);
            }
            result = subscribe.forVisitor(address, asked.requests());
        }
        if (result instanceof Subscribe.Refused refused) {
            return refused(request, response, model, edition.get(), asked, email, refused.problems());
        }
        if (result instanceof Subscribe.Subscribed done && actor.isPresent()) {
            model.addAttribute("what", done.subscriptions().stream().map(s -> targets.label(s, locale))
                    .collect(Collectors.joining("; ")));
            model.addAttribute("delivery", done.subscriptions().get(0).delivery().name());
            model.addAttribute("already", done.already());
            model.addAttribute("page", pages.page(request, response, locale, done.already()
                    ? "alerts.subscribed.already.title" : "alerts.subscribed.title"));
            return "alerts/subscribed";
        }
        // A visitor hears the same whatever the address already follows: the form tells nobody what it does.
        return message(request, response, model, locale, HttpStatus.OK, "alerts.check-mail.title",
                "alerts.check-mail.text", null);
    }

    /** What a form sent, what it asked to follow, and whether it was the edition's form of boxes. */
    private record Asked(Subscribe.Request sent, List<Subscribe.Request> requests, boolean many) {
    }

    private String refused(HttpServletRequest request, HttpServletResponse response, Model model, Edition edition,
                           Asked asked, String email, List<Subscribe.Problem> problems) {
        return refused(request, response, model, edition, asked, email, problems, HttpStatus.BAD_REQUEST);
    }

    private String refused(HttpServletRequest request, HttpServletResponse response, Model model, Edition edition,
                           Asked asked, String email, List<Subscribe.Problem> problems, HttpStatus status) {
        response.setStatus(status.value());
        Locale locale = edition.locale();
        model.addAttribute("page", pages.page(request, response, locale, "alerts.subscribe.title", null, problems,
                Map.of()));
        model.addAttribute("form", asked.many() ? editionForm(edition, asked, email)
                : form(edition, asked.sent(), email).orElse(null));
        model.addAttribute("more", "/" + edition.code() + "/subscribe");
        return "alerts/refused";
    }

    /** The edition's form again, with the boxes that were checked and what was typed. */
    private SubscribeForm editionForm(Edition edition, Asked asked, String email) {
        List<String> checked = asked.requests().stream().map(r -> r.topic() + ":" + r.target()).toList();
        Settings settings = settings(edition, asked.sent());
        return SubscribeForm.edition(edition, editions.sections(edition.code()), checked, settings.zone().getId(),
                email.length() > Subscribe.EMAIL_MAX ? "" : email, settings.delivery(), settings.hour());
    }

    /** The form again with what was sent, when it names something that can be followed. */
    private Optional<SubscribeForm> form(Edition edition, Subscribe.Request asked, String email) {
        Optional<Topic> topic = Topic.parse(asked.topic());
        long target;
        try {
            target = asked.target().isBlank() ? 0 : Long.parseLong(asked.target().strip());
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
        if (topic.isEmpty() || !targets.exists(topic.get(), edition.code(), target)) {
            return Optional.empty();
        }
        String what = targets.label(new Subscription(0, 0, topic.get(), edition.code(), target, Delivery.EMAIL, null,
                null, null), edition.locale());
        Settings settings = settings(edition, asked);
        return Optional.of(new SubscribeForm(edition.locale(), edition.code(), topic.get(), target, what,
                settings.zone().getId(), email.length() > Subscribe.EMAIL_MAX ? "" : email, settings.delivery(),
                settings.hour(), List.of()));
    }

    /** How the refused form asked to be delivered, so that it shows the same choice again. */
    private record Settings(Delivery delivery, int hour, ZoneId zone) {
    }

    private static Settings settings(Edition edition, Subscribe.Request asked) {
        int hour = Optional.ofNullable(Subscribe.hour(asked.hour(), new ArrayList<>())).orElse(7);
        ZoneId zone = asked.zone().isBlank() ? edition.zone()
                : Optional.ofNullable(Subscribe.zone(asked.zone(), new ArrayList<>())).orElse(edition.zone());
        return new Settings(Delivery.parse(asked.delivery()).orElse(Delivery.EMAIL), hour, zone);
    }

    // --- a visitor confirms their address (double opt-in)

    @GetMapping(ManageLinks.CONFIRM_PATH + "{id}")
    String confirmPage(@PathVariable String id, @RequestParam(defaultValue = "") String t,
                       HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<Subscriber> found = number(id).flatMap(store::subscriber);
        ManageLinks.Confirmation state = confirmation(found, t);
        if (state != ManageLinks.Confirmation.VALID) {
            return unconfirmable(request, response, model, found, state);
        }
        Subscriber subscriber = found.get();
        Locale locale = locale(subscriber);
        model.addAttribute("page", pages.page(request, response, locale, "alerts.confirm.title"));
        model.addAttribute("action", ManageLinks.CONFIRM_PATH + subscriber.id());
        model.addAttribute("token", t);
        model.addAttribute("rows", pages.rows(store.current(subscriber.id()).stream()
                .filter(Subscription::pending).toList(), locale));
        return "alerts/confirm";
    }

    @PostMapping(ManageLinks.CONFIRM_PATH + "{id}")
    String confirm(@PathVariable String id, @RequestParam(defaultValue = "") String t, HttpServletRequest request,
                   HttpServletResponse response, Model model) {
        if (!limits.confirm(request.getRemoteAddr())) {
            return throttled(request, response, model);
        }
        Optional<Subscriber> found = number(id).flatMap(store::subscriber);
        ManageLinks.Confirmation state = confirmation(found, t);
        if (state != ManageLinks.Confirmation.VALID) {
            return unconfirmable(request, response, model, found, state);
        }
        Subscriber subscriber = found.get();
        store.confirm(subscriber.id(), clock.instant());
        return message(request, response, model, locale(subscriber), HttpStatus.OK, "alerts.confirmed.title",
                "alerts.confirmed.text", links.manage(subscriber.id(), subscriber.manageKey()));
    }

    private ManageLinks.Confirmation confirmation(Optional<Subscriber> subscriber, String token) {
        return subscriber.map(s -> ManageLinks.checkConfirm(s.id(), s.manageKey(), token, clock.instant(),
                settings.confirmExpiry())).orElse(ManageLinks.Confirmation.INVALID);
    }

    /**
     * A confirmation link that is not valid, or was valid but expired: the expired one says so (410, in the
     * subscriber's language) and offers the edition's form to subscribe again, whose new mail brings a new link.
     */
    private String unconfirmable(HttpServletRequest request, HttpServletResponse response, Model model,
                                 Optional<Subscriber> subscriber, ManageLinks.Confirmation state) {
        if (state != ManageLinks.Confirmation.EXPIRED) {
            return invalidLink(request, response, model);
        }
        Edition edition = editions.find(subscriber.orElseThrow().edition()).orElse(editions.defaultEdition());
        message(request, response, model, edition.locale(), HttpStatus.GONE, "alerts.link.expired.title",
                "alerts.link.expired.text", null);
        model.addAttribute("again", "/" + edition.code() + "/subscribe");
        return "alerts/message";
    }

    // --- a subscriber's page, reached by the signed link in every mail

    @GetMapping(ManageLinks.MANAGE_PATH + "{id}")
    String manage(@PathVariable String id, @RequestParam(defaultValue = "") String t,
                  @RequestParam(required = false) String done, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        Subscriber subscriber = signed(id, t, ManageLinks::validManage).orElse(null);
        if (subscriber == null) {
            return invalidLink(request, response, model);
        }
        return managePage(request, response, model, subscriber, t, done, List.of());
    }

    @PostMapping(ManageLinks.MANAGE_PATH + "{id}/end")
    String end(@PathVariable String id, @RequestParam(defaultValue = "") String t,
               @RequestParam(defaultValue = "-1") long subscription, HttpServletRequest request,
               HttpServletResponse response, Model model) {
        if (!limits.write(request.getRemoteAddr())) {
            return throttled(request, response, model);
        }
        Subscriber subscriber = signed(id, t, ManageLinks::validManage).orElse(null);
        if (subscriber == null) {
            return invalidLink(request, response, model);
        }
        if (!store.end(subscriber.id(), subscription, clock.instant())) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return managePage(request, response, model, subscriber, t, null,
                    List.of(new Subscribe.Problem("subscription", "subscription_unknown")));
        }
        return "redirect:" + ManageLinks.MANAGE_PATH + subscriber.id() + "?t=" + t + "&done=ended";
    }

    @PostMapping(ManageLinks.MANAGE_PATH + "{id}/end-all")
    String endAll(@PathVariable String id, @RequestParam(defaultValue = "") String t, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        if (!limits.write(request.getRemoteAddr())) {
            return throttled(request, response, model);
        }
        Subscriber subscriber = signed(id, t, ManageLinks::validManage).orElse(null);
        if (subscriber == null) {
            return invalidLink(request, response, model);
        }
        store.endAll(subscriber.id(), clock.instant());
        return "redirect:" + ManageLinks.MANAGE_PATH + subscriber.id() + "?t=" + t + "&done=endedAll";
    }

    @PostMapping(ManageLinks.MANAGE_PATH + "{id}/digest")
    String digest(@PathVariable String id, @RequestParam(defaultValue = "") String t,
                  @RequestParam(defaultValue = "") String hour, @RequestParam(defaultValue = "") String zone,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!limits.write(request.getRemoteAddr())) {
            return throttled(request, response, model);
        }
        Subscriber subscriber = signed(id, t, ManageLinks::validManage).orElse(null);
        if (subscriber == null) {
            return invalidLink(request, response, model);
        }
        List<Subscribe.Problem> problems = new ArrayList<>();
        Integer h = Subscribe.hour(hour, problems);
        ZoneId z = Subscribe.zone(zone, problems);
        if (!problems.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return managePage(request, response, model, subscriber, t, null, problems);
        }
        store.setDigest(subscriber.id(), h, z.getId());
        return "redirect:" + ManageLinks.MANAGE_PATH + subscriber.id() + "?t=" + t + "&done=digest";
    }

    private String managePage(HttpServletRequest request, HttpServletResponse response, Model model,
                              Subscriber subscriber, String token, String done, List<Subscribe.Problem> problems) {
        Locale locale = locale(subscriber);
        ReaderPage page = pages.page(request, response, locale, "alerts.manage.title", null, problems, Map.of());
        if (done != null && List.of("ended", "endedAll", "digest").contains(done)) {
            page = page.withNotice(page.t("alerts.manage.done." + done));
        }
        model.addAttribute("page", page);
        model.addAttribute("view", new SubscriberView(ManageLinks.MANAGE_PATH + subscriber.id(), token,
                subscriber.email(), subscriber.digestHour(), subscriber.timeZone(),
                pages.rows(store.current(subscriber.id()), locale)));
        return "alerts/subscriber";
    }

    // --- one-click unsubscribe (RFC 8058)

    @GetMapping(ManageLinks.UNSUBSCRIBE_PATH + "{id}")
    String unsubscribePage(@PathVariable String id, @RequestParam(defaultValue = "") String t,
                           HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<Subscription> subscription = unsubscribable(id, t);
        if (subscription.isEmpty()) {
            return invalidLink(request, response, model);
        }
        Subscriber subscriber = store.subscriber(subscription.get().subscriberId()).orElseThrow();
        Locale locale = locale(subscriber);
        model.addAttribute("page", pages.page(request, response, locale, "alerts.unsubscribe.title"));
        model.addAttribute("action", ManageLinks.UNSUBSCRIBE_PATH + subscription.get().id() + "?t=" + t);
        model.addAttribute("what", targets.label(subscription.get(), locale));
        model.addAttribute("ended", !subscription.get().active() && !subscription.get().pending());
        model.addAttribute("manage", links.manage(subscriber.id(), subscriber.manageKey()));
        return "alerts/unsubscribe";
    }

    @PostMapping(ManageLinks.UNSUBSCRIBE_PATH + "{id}")
    String unsubscribe(@PathVariable String id, @RequestParam(defaultValue = "") String t,
                       @RequestParam(name = "List-Unsubscribe", defaultValue = "") String oneClick,
                       HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!limits.unsubscribe(request.getRemoteAddr())) {
            return throttled(request, response, model);
        }
        Optional<Subscription> subscription = unsubscribable(id, t);
        if (subscription.isEmpty()) {
            return invalidLink(request, response, model);
        }
        Subscriber subscriber = store.subscriber(subscription.get().subscriberId()).orElseThrow();
        if (!ONE_CLICK.equals(oneClick)) {
            return message(request, response, model, locale(subscriber), HttpStatus.BAD_REQUEST,
                    "alerts.unsubscribe.title", "alerts.problem.one_click_missing", null);
        }
        store.end(subscriber.id(), subscription.get().id(), clock.instant());
        return message(request, response, model, locale(subscriber), HttpStatus.OK, "alerts.unsubscribed.title",
                "alerts.unsubscribed.text", links.manage(subscriber.id(), subscriber.manageKey()));
    }

    // --- a digest's one-click unsubscribe (RFC 8058): every digest subscription of the subscriber

    @GetMapping(ManageLinks.UNSUBSCRIBE_PATH + ManageLinks.DIGEST_PREFIX + "{id}")
    String unsubscribeDigestPage(@PathVariable String id, @RequestParam(defaultValue = "") String t,
                                 HttpServletRequest request, HttpServletResponse response, Model model) {
        Subscriber subscriber = signed(id, t, ManageLinks::validUnsubscribeDigest).orElse(null);
        if (subscriber == null) {
            return invalidLink(request, response, model);
        }
        Locale locale = locale(subscriber);
        ReaderPage page = pages.page(request, response, locale, "alerts.unsubscribe.title");
        model.addAttribute("page", page);
        model.addAttribute("action", ManageLinks.UNSUBSCRIBE_PATH + ManageLinks.DIGEST_PREFIX + subscriber.id()
                + "?t=" + t);
        model.addAttribute("what", page.t("alerts.unsubscribe.digest"));
        model.addAttribute("ended", store.current(subscriber.id()).stream()
                .noneMatch(s -> s.delivery() == Delivery.DIGEST));
        model.addAttribute("manage", links.manage(subscriber.id(), subscriber.manageKey()));
        return "alerts/unsubscribe";
    }

    @PostMapping(ManageLinks.UNSUBSCRIBE_PATH + ManageLinks.DIGEST_PREFIX + "{id}")
    String unsubscribeDigest(@PathVariable String id, @RequestParam(defaultValue = "") String t,
                             @RequestParam(name = "List-Unsubscribe", defaultValue = "") String oneClick,
                             HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!limits.unsubscribe(request.getRemoteAddr())) {
            return throttled(request, response, model);
        }
        Subscriber subscriber = signed(id, t, ManageLinks::validUnsubscribeDigest).orElse(null);
        if (subscriber == null) {
            return invalidLink(request, response, model);
        }
        if (!ONE_CLICK.equals(oneClick)) {
            return message(request, response, model, locale(subscriber), HttpStatus.BAD_REQUEST,
                    "alerts.unsubscribe.title", "alerts.problem.one_click_missing", null);
        }
        store.endDelivery(subscriber.id(), Delivery.DIGEST, clock.instant());
        return message(request, response, model, locale(subscriber), HttpStatus.OK, "alerts.unsubscribed.title",
                "alerts.unsubscribed.digest", links.manage(subscriber.id(), subscriber.manageKey()));
    }

    private Optional<Subscription> unsubscribable(String id, String token) {
        return number(id).flatMap(store::subscription).filter(s -> store.subscriber(s.subscriberId())
                .filter(subscriber -> ManageLinks.validUnsubscribe(s.id(), subscriber.manageKey(), token))
                .isPresent());
    }

    // --- shared

    interface Check {
        boolean valid(long subscriberId, String manageKey, String token);
    }

    private Optional<Subscriber> signed(String id, String token, Check check) {
        return number(id).flatMap(store::subscriber)
                .filter(s -> check.valid(s.id(), s.manageKey(), token));
    }

    private static Optional<Long> number(String id) {
        try {
            return Optional.of(Long.parseLong(id));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    private Locale locale(Subscriber subscriber) {
        return editions.find(subscriber.edition()).map(Edition::locale).orElse(Locale.ENGLISH);
    }

    /** 429 with the stable code of every rate limit ({@code rate_limited}), in the default edition's language. */
    private String throttled(HttpServletRequest request, HttpServletResponse response, Model model) {
        return message(request, response, model, editions.defaultEdition().locale(), HttpStatus.TOO_MANY_REQUESTS,
                "alerts.throttled.title", "alerts.problem.rate_limited", null);
    }

    private String invalidLink(HttpServletRequest request, HttpServletResponse response, Model model) {
        return message(request, response, model, editions.defaultEdition().locale(), HttpStatus.NOT_FOUND,
                "alerts.link.invalid.title", "alerts.link.invalid.text", null);
    }

    private String message(HttpServletRequest request, HttpServletResponse response, Model model, Locale locale,
                           HttpStatus status, String titleKey, String textKey, String manageLink) {
        response.setStatus(status.value());
        model.addAttribute("page", pages.page(request, response, locale, titleKey));
        model.addAttribute("text", textKey);
        model.addAttribute("manage", manageLink);
        return "alerts/message";
    }
}
