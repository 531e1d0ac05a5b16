package org.dateline.alerts.internal.push;

import java.time.Duration;

/**
 * Sends one Web Push message to one browser's push service: the payload encrypted for the browser (RFC 8291,
 * {@code aes128gcm}) and the request signed with the site's VAPID key (RFC 8292). The endpoint came from a stranger's
 * browser, so it passes the address checks first (https, no loopback or private address) unless a setting allows a
 * local push service.
 */
public interface PushSender {

    /** A browser's push subscription as stored in {@code push_endpoints}. */
    record Target(long endpointId, String endpoint, String p256dh, String auth) {
    }

    /** What became of one message. */
    enum Outcome {
        /** The push service took it (201). */
        SENT,
        /** The subscription is gone (404, 410): end the endpoint, never retry. */
        GONE,
        /** Worth another try later (a 429 or 5xx, a timeout, a refused connection). */
        RETRY,
        /** Never deliverable (the address checks refused the endpoint, a 400/403/413): end the endpoint. */
        REFUSED
    }

    /**
     * @param payload the message's plain bytes (the service worker reads them as JSON)
     * @param ttl     how long the push service keeps it for a browser that is offline
     * @param topic   replaces an undelivered message with the same topic (RFC 8030 §5.4); null for none
     */
    Outcome send(Target target, byte[] payload, Duration ttl, String topic);
}
