package org.dateline.alerts;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
 * replaced.
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

    private final BaseUrl baseUrl;

    public ManageLinks(BaseUrl baseUrl) {
        this.baseUrl = baseUrl;
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

    /** The confirmation of a visitor's subscriptions (double opt-in), as an absolute URL. */
    public String confirm(long subscriberId, String manageKey) {
        return baseUrl.of(CONFIRM_PATH + subscriberId + "?t=" + token("confirm:" + subscriberId, manageKey));
    }

    /** Whether a confirmation link's token was made for this subscriber with this key. */
    public static boolean validConfirm(long subscriberId, String manageKey, String token) {
        return matches(token("confirm:" + subscriberId, manageKey), token);
    }

    /** Whether a manage link's token was made for this subscriber with this key. */
    public static boolean validManage(long subscriberId, String manageKey, String token) {
        return matches(token("manage:" + subscriberId, manageKey), token);
    }

    /** Whether an unsubscribe link's token was made for this subscription with its subscriber's key. */
    public static boolean validUnsubscribe(long subscriptionId, String manageKey, String token) {
        return matches(token("unsubscribe:" + subscriptionId, manageKey), token);
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
