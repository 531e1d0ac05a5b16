package org.dateline.alerts;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.dateline.platform.web.BaseUrl;
import org.springframework.stereotype.Component;

/**
 * The links in every alert mail that work without logging in: the subscriber's page where they manage their
 * subscriptions, the one-click end of one subscription (RFC 8058), and a visitor's confirmation of their address.
 * A link names what it is for and carries an HMAC-SHA256 of that, keyed with the subscriber's {@code manage_key}:
 * unguessable, bound to its purpose (a manage link cannot end another subscription), and void once the key is
 * replaced. A confirmation link also signs when it was made ({@code t=<epoch seconds>.<mac>}), so that it stops
 * working after the confirmation expiry: an address typed by someone else is not confirmed weeks later by a mail
 * found in an old inbox.
 */
@Component
public class ManageLinks {

    /** The path of a subscriber's page: {@code /alerts/manage/{subscriber}?t=}. */
    public static final String MANAGE_PATH = "/alerts/manage/";
    /** The path of a subscription's one-click end: {@code /alerts/unsubscribe/{subscription}?t=}. */
    public static final String UNSUBSCRIBE_PATH = "/alerts/unsubscribe/";

    /**
     * The path of a visitor's confirmation: {@code /alerts/confirm/{subscriber}?t=}. Opening it shows a button that
     * POSTs the confirmation, so a link scanner that follows the link confirms nothing.
     */
    public static final String CONFIRM_PATH = "/alerts/confirm/";

    /** What a digest's one-click end puts before its subscriber: {@code /alerts/unsubscribe/digest-{subscriber}?t=}. */
    public static final String DIGEST_PREFIX = "digest-";

    /** What a confirmation link's token says. */
    public enum Confirmation {
        /** Made for this subscriber with this key, within the expiry. */
        VALID,
        /** Made for this subscriber with this key, but longer ago than the expiry. */
        EXPIRED,
        /** Not made for this subscriber with this key (forged, foreign, cut short, or of a replaced key). */
        INVALID
    }

    private final BaseUrl baseUrl;
    private final Clock clock;

    public ManageLinks(BaseUrl baseUrl, Clock clock) {
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    /** The subscriber's page, as an absolute URL. */
    public String manage(long subscriberId, String manageKey) {
        return baseUrl.of(MANAGE_PATH + subscriberId + "?t=" + token("manage:" + subscriberId, manageKey));
    }

    /** The one-click end of one of the subscriber's subscriptions, as an absolute URL. */
    public String unsubscribe(long subscriptionId, String manageKey) {
        return baseUrl.of(UNSUBSCRIBE_PATH + subscriptionId + "?t=" + token("unsubscribe:" + subscriptionId,
                manageKey));
    }

    /**
     * The one-click end of every digest subscription of the subscriber (RFC 8058), as an absolute URL: what a digest
     * mail's {@code List-Unsubscribe} names, since a reader who ends "this mail" expects no digest the next day.
     */
    public String unsubscribeDigest(long subscriberId, String manageKey) {
        return baseUrl.of(UNSUBSCRIBE_PATH + DIGEST_PREFIX + subscriberId + "?t="
                + token("unsubscribe-digest:" + subscriberId, manageKey));
    }

    /** The confirmation of a visitor's subscriptions (double opt-in), made now, as an absolute URL. */
    public String confirm(long subscriberId, String manageKey) {
        long issued = clock.instant().getEpochSecond();
        return baseUrl.of(CONFIRM_PATH + subscriberId + "?t=" + issued + "."
                + token("confirm:" + subscriberId + ":" + issued, manageKey));
    }

    /**
     * What a confirmation link's token says: made for this subscriber with this key, and no longer ago than
     * {@code expiry} at {@code now}. A token without its time (as links were made before they expired) is invalid.
     */
    public static Confirmation checkConfirm(long subscriberId, String manageKey, String token, Instant now,
                                            Duration expiry) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot < 1 || dot > 19) {
            return Confirmation.INVALID;
        }
        long issued;
        try {
            issued = Long.parseLong(token.substring(0, dot));
        } catch (NumberFormatException notATime) {
            return Confirmation.INVALID;
        }
        if (!matches(token("confirm:" + subscriberId + ":" + issued, manageKey), token.substring(dot + 1))) {
            return Confirmation.INVALID;
        }
        return Instant.ofEpochSecond(issued).plus(expiry).isBefore(now) ? Confirmation.EXPIRED : Confirmation.VALID;
    }

    /** Whether a manage link's token was made for this subscriber with this key. */
    public static boolean validManage(long subscriberId, String manageKey, String token) {
        return matches(token("manage:" + subscriberId, manageKey), token);
    }

    /** Whether an unsubscribe link's token was made for this subscription with its subscriber's key. */
    public static boolean validUnsubscribe(long subscriptionId, String manageKey, String token) {
        return matches(token("unsubscribe:" + subscriptionId, manageKey), token);
    }

    /** Whether a digest's unsubscribe link's token was made for this subscriber with this key. */
    public static boolean validUnsubscribeDigest(long subscriberId, String manageKey, String token) {
        return matches(token("unsubscribe-digest:" + subscriberId, manageKey), token);
    }

    /** A new random key for a subscriber (256 bits, URL-safe). */
    public static String newKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }

    private static boolean matches(String expected, String given) {
        return Optional.ofNullable(given).map(g -> MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), g.getBytes(StandardCharsets.US_ASCII))).orElse(false);
    }

    static String token(String purpose, String manageKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(manageKey.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(purpose.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
