package org.dateline.alerts.internal.push;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.dateline.alerts.ManageLinks;
import org.dateline.editions.Edition;
import org.dateline.editions.Editions;
import org.dateline.identity.Actor;
import org.dateline.identity.CurrentActor;
import org.dateline.platform.limits.RateLimit;
import org.dateline.platform.limits.RateLimiter;
import org.dateline.platform.web.ApiException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The browser side of Web Push: the VAPID public key the page subscribes with, the service worker, and the calls of
 * {@code push.js} that store and end a browser's subscription. Those calls come from cached pages that carry no
 * per-reader token: the security configuration lets them through only from this site's own pages (same origin), and
 * each is limited per client address. Ending one needs the subscription's {@code auth} secret as proof.
 */
@RestController
class PushController {

    static final String SERVICE_WORKER = "alerts/sw.js";
    private static final Set<String> TOPICS = Set.of("BREAKING", "SECTION", "TAG", "AUTHOR", "STORY");
    private static final int AUTH_BYTES = 16;

    private final VapidKeys keys;
    private final JdbcPushSubscriptions subscriptions;
    private final Editions editions;
    private final CurrentActor actor;
    private final ManageLinks links;
    private final PushSettings settings;
    private final RateLimit perAddress;

    PushController(VapidKeys keys, JdbcPushSubscriptions subscriptions, Editions editions, CurrentActor actor,
                   ManageLinks links, PushSettings settings, RateLimiter limiter) {
        this.keys = keys;
        this.subscriptions = subscriptions;
        this.editions = editions;
        this.actor = actor;
        this.links = links;
        this.settings = settings;
        this.perAddress = limiter.limit("alerts.push.address", settings.subscribesPerAddressPerHour(),
                Duration.ofHours(1));
    }

    record PushKey(String publicKey) {
    }

    /** A browser's {@code PushSubscription.toJSON()}. */
    record Subscription(String endpoint, Long expirationTime, Map<String, String> keys) {
    }

    record SubscribeRequest(String topic, Long target, Subscription subscription) {
    }

    record Subscribed(String code, String topic, String edition, long target, String manage) {
    }

    record UnsubscribeRequest(String endpoint, String auth, String topic, String edition, Long target) {
    }

    record Unsubscribed(String code) {
    }

    record RenewRequest(String endpoint, String auth, Subscription subscription) {
    }

    @GetMapping(path = "/api/alerts/push-key", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PushKey> pushKey() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .body(new PushKey(keys.publicKey()));
    }

    /** The service worker, at the root so that its scope is the whole site; revalidated at every update check. */
    @GetMapping(path = "/sw.js", produces = "text/javascript")
    ResponseEntity<Resource> serviceWorker() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache())
                .body(new ClassPathResource(SERVICE_WORKER));
    }

    @PostMapping(path = "/{edition}/subscribe/push", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Subscribed> subscribe(@PathVariable String edition, @RequestBody SubscribeRequest body,
                                         HttpServletRequest request) {
        Edition found = editions.find(edition).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND,
                "edition_not_found", "There is no edition " + edition + "."));
        throttle(request);
        JdbcPushSubscriptions.Follow follow = follow(body.topic(), found.code(), body.target())
                .orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST, "invalid_topic",
                        "Name a topic (BREAKING, SECTION, TAG, AUTHOR or STORY) and its target."));
        JdbcPushSubscriptions.Browser browser = browser(body.subscription());
        if (!subscriptions.targetExists(follow)) {
            throw new ApiException(HttpStatus.NOT_FOUND, "target_not_found",
                    "There is no " + follow.topic().toLowerCase(Locale.ROOT) + " " + follow.target() + " here.");
        }
        Optional<Long> account = actor.get().map(Actor::accountId);
        Optional<JdbcPushSubscriptions.Stored> stored;
        try {
            stored = subscriptions.subscribe(follow, browser, found, account);
        } catch (DuplicateKeyException concurrent) {
            stored = subscriptions.subscribe(follow, browser, found, account); // the other request's rows exist now
        }
        JdbcPushSubscriptions.Stored done = stored.orElseThrow(() -> new ApiException(HttpStatus.CONFLICT,
                "endpoint_taken", "This push subscription is stored with other keys; subscribe the browser anew."));
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(new Subscribed("subscribed", follow.topic(), follow.edition(), follow.target(),
                        links.manage(done.subscriberId(), done.manageKey())));
    }

    @PostMapping(path = "/alerts/push/unsubscribe", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Unsubscribed> unsubscribe(@RequestBody UnsubscribeRequest body, HttpServletRequest request) {
        if (body.endpoint() == null || body.auth() == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "proof_required",
                    "Send the subscription's endpoint and its auth secret.");
        }
        throttle(request);
        Optional<JdbcPushSubscriptions.Follow> follow = Optional.empty();
        if (body.topic() != null) {
            follow = Optional.of(follow(body.topic(), body.edition(), body.target())
                    .orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST, "invalid_topic",
                            "Name a topic (BREAKING, SECTION, TAG, AUTHOR or STORY), its edition and target.")));
        }
        if (subscriptions.unsubscribe(body.endpoint(), normalised(body.auth()), follow)
                == JdbcPushSubscriptions.Ended.NOT_FOUND) {
            throw new ApiException(HttpStatus.NOT_FOUND, "push_subscription_not_found",
                    "No push subscription has this endpoint and auth secret.");
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new Unsubscribed("unsubscribed"));
    }

    /** The auth secret as stored (base64url without padding); as given when it is not base64url at all. */
    private static String normalised(String auth) {
        try {
            return P256.base64(P256.unbase64(auth));
        } catch (IllegalArgumentException notBase64) {
            return auth;
        }
    }

    /** The service worker's call when the push service replaced the browser's subscription. */
    @PostMapping(path = "/alerts/push/renew", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Unsubscribed> renew(@RequestBody RenewRequest body, HttpServletRequest request) {
        throttle(request);
        if (body.endpoint() == null || body.auth() == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "proof_required",
                    "Send the old subscription's endpoint and its auth secret.");
        }
        JdbcPushSubscriptions.Browser fresh = browser(body.subscription());
        JdbcPushSubscriptions.Ended renewed = subscriptions.renew(body.endpoint(), normalised(body.auth()), fresh)
                .orElseThrow(() -> new ApiException(HttpStatus.CONFLICT, "endpoint_taken",
                        "The new push subscription is stored already."));
        if (renewed == JdbcPushSubscriptions.Ended.NOT_FOUND) {
            throw new ApiException(HttpStatus.NOT_FOUND, "push_subscription_not_found",
                    "No push subscription has this endpoint and auth secret.");
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new Unsubscribed("renewed"));
    }

    private void throttle(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        if (!perAddress.tryTake(address == null ? "" : address)) {
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "rate_limited",
                    "Too many push subscriptions from this address; try again in an hour.");
        }
    }

    private Optional<JdbcPushSubscriptions.Follow> follow(String topic, String edition, Long target) {
        if (topic == null || edition == null || editions.find(edition).isEmpty()) {
            return Optional.empty();
        }
        String upper = topic.strip().toUpperCase(Locale.ROOT);
        long id = target == null ? 0 : target;
        if (!TOPICS.contains(upper) || id < 0 || ("BREAKING".equals(upper) != (id == 0))) {
            return Optional.empty();
        }
        return Optional.of(new JdbcPushSubscriptions.Follow(upper, edition, id));
    }

    /** The subscription's endpoint passes the address checks, its keys are a P-256 point and a 16-byte secret. */
    private JdbcPushSubscriptions.Browser browser(Subscription subscription) {
        if (subscription == null || subscription.endpoint() == null || subscription.keys() == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "subscription_required",
                    "Send the browser's push subscription (endpoint and keys).");
        }
        PushAddresses.check(subscription.endpoint(), settings.allowLocal()).ifPresent(refusal -> {
            throw new ApiException(HttpStatus.BAD_REQUEST, refusal.code,
                    "This push service's address is refused: only https addresses on the public internet are used.");
        });
        String p256dh = subscription.keys().get("p256dh");
        String auth = subscription.keys().get("auth");
        try {
            P256.publicKey(P256.unbase64(p256dh));
            if (P256.unbase64(auth).length != AUTH_BYTES) {
                throw new IllegalArgumentException("auth is " + AUTH_BYTES + " bytes");
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid_keys",
                    "The subscription's keys are not a P-256 public key (p256dh) and a 16-byte secret (auth).");
        }
        return new JdbcPushSubscriptions.Browser(subscription.endpoint(), P256.base64(P256.unbase64(p256dh)),
                P256.base64(P256.unbase64(auth)));
    }
}
