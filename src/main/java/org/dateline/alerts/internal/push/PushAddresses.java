package org.dateline.alerts.internal.push;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

import org.dateline.platform.web.NetworkAddresses;

/**
 * Which push endpoints Dateline will send to. The endpoint comes from a stranger's browser, so it must be an https
 * URL whose host resolves to public addresses only ({@link NetworkAddresses}); checked when a subscription is stored
 * and again before every send, since a name can come to point elsewhere. With local push services allowed (a test
 * setting) http and local addresses pass too.
 */
final class PushAddresses {

    static final int MAX_ENDPOINT = 2000;

    /** Why an endpoint is refused: a stable code for the API. */
    enum Refusal {
        /** Not an absolute URL with a host, or longer than the table holds. */
        ENDPOINT_INVALID("endpoint_invalid"),
        /** Not https. */
        ENDPOINT_NOT_HTTPS("endpoint_not_https"),
        /** The host names no address now. */
        ENDPOINT_UNRESOLVED("endpoint_unresolved"),
        /** The host resolves to a loopback, private, link-local or otherwise non-public address. */
        ENDPOINT_LOCAL("endpoint_local");

        final String code;

        Refusal(String code) {
            this.code = code;
        }
    }

    private PushAddresses() {
    }

    /** The refusal of this endpoint, if refused: its form, then (resolving the host) its addresses. */
    static Optional<Refusal> check(String endpoint, boolean allowLocal) {
        Optional<URI> uri = parse(endpoint);
        if (uri.isEmpty()) {
            return Optional.of(Refusal.ENDPOINT_INVALID);
        }
        String scheme = uri.get().getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowLocal && scheme.equals("http"))) {
            return Optional.of(Refusal.ENDPOINT_NOT_HTTPS);
        }
        if (allowLocal) {
            return Optional.empty();
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.get().getHost())) {
                if (NetworkAddresses.local(address)) {
                    return Optional.of(Refusal.ENDPOINT_LOCAL);
                }
            }
            return Optional.empty();
        } catch (UnknownHostException | SecurityException e) {
            return Optional.of(Refusal.ENDPOINT_UNRESOLVED);
        }
    }

    static Optional<URI> parse(String endpoint) {
        if (endpoint == null || endpoint.isBlank() || endpoint.length() > MAX_ENDPOINT) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(endpoint);
            if (uri.getScheme() == null || uri.isOpaque() || uri.getHost() == null || uri.getHost().isBlank()
                    || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
