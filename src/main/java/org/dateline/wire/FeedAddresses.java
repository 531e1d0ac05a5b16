package org.dateline.wire;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

import org.dateline.newsroom.FieldProblem;
import org.dateline.platform.web.NetworkAddresses;

/**
 * Which feed and wire picture URLs Dateline will fetch: absolute http or https addresses whose host is not loopback, private,
 * link-local, carrier-grade NAT, unspecified or multicast (unless local feeds are allowed). Checked when a feed is
 * saved and again before every request and redirect hop, since a name can come to point elsewhere.
 */
final class FeedAddresses {

    static final int MAX_URL = 2000;

    private FeedAddresses() {
    }

    /** The URL as it will be stored, or the problem with it. A host that does not resolve now is let through. */
    static Optional<FieldProblem> check(String raw, boolean allowLocal) {
        if (raw == null || raw.isBlank()) {
            return problem("url_required", "Enter the feed's address.");
        }
        String url = raw.strip();
        if (url.length() > MAX_URL) {
            return problem("invalid_url", "The address is longer than " + MAX_URL + " characters.");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return problem("invalid_url", "This is not a web address; enter one such as https://example.com/feed.xml.");
        }
        if (uri.getScheme() == null || uri.isOpaque()) {
            return problem("invalid_url", "This is not a web address; enter one such as https://example.com/feed.xml.");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return problem("unsupported_scheme", "Only http and https addresses can be polled, not " + scheme + ".");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return problem("invalid_url", "The address has no host name.");
        }
        try {
            return refusal(uri, allowLocal).map(message -> new FieldProblem("url", "local_address_refused", message));
        } catch (UnknownHostException e) {
            return Optional.empty(); // polled anyway: a failure to reach it will show on the feed
        }
    }

    /** Why this URI may not be fetched, when it may not; resolves its host. */
    static Optional<String> refusal(URI uri, boolean allowLocal) throws UnknownHostException {
        if (allowLocal) {
            return Optional.empty();
        }
        for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
            if (local(address)) {
                return Optional.of("The address " + uri.getHost() + " is in a local or private network; Dateline "
                        + "fetches feeds and wire pictures from public addresses only (setting dateline.wire.allow-local-feeds).");
            }
        }
        return Optional.empty();
    }

    static boolean local(InetAddress address) {
        return NetworkAddresses.local(address);
    }

    private static Optional<FieldProblem> problem(String code, String message) {
        return Optional.of(new FieldProblem("url", code, message));
    }
}
