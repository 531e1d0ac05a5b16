package org.dateline.platform.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.InetAddressSet;

/**
 * Behind a reverse proxy, the client's address, whether it came over TLS, and the host and port it asked for are the
 * proxy's word ({@code X-Forwarded-For}, {@code -Proto}, {@code -Host}, {@code -Port}). They are applied to the
 * request before anything else sees it, so {@code getRemoteAddr()} (rate limits, view counting, the chat socket),
 * {@code isSecure()} (HSTS, {@code Secure} cookies) and absolute redirects all agree. The headers are believed only
 * from the configured proxies ({@code dateline.trusted-proxies}); from anyone else, and from everyone when none is
 * configured, they are ignored, since any client can send them.
 * <p>
 * The client is the last address of {@code X-Forwarded-For} that is not itself a trusted proxy, read from the right:
 * the left part is whatever the client wrote. Jetty's {@link ForwardedRequestCustomizer} applies the result; the
 * other forwarding headers it knows ({@code Forwarded}, {@code X-Forwarded-Server}, {@code X-Proxied-Https}, the
 * proxy's TLS details) are not part of what a trusted proxy is asked to set, so they are dropped.
 */
public final class ForwardedHeaders implements HttpConfiguration.Customizer {

    private static final List<String> IGNORED = List.of(HttpHeader.FORWARDED.asString(), "X-Forwarded-Server",
            "X-Proxied-Https", "Proxy-auth-cert", "Proxy-ssl-id");

    private static final Pattern LITERAL = Pattern.compile("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private final InetAddressSet proxies = new InetAddressSet();
    private final ForwardedRequestCustomizer apply = new ForwardedRequestCustomizer();

    private ForwardedHeaders(List<String> trustedProxies) {
        trustedProxies.forEach(proxies::add);
    }

    /** The customizer for these proxies (addresses or CIDR ranges, checked by the settings); none for an empty list. */
    public static Optional<ForwardedHeaders> forProxies(List<String> trustedProxies) {
        return trustedProxies.isEmpty() ? Optional.empty() : Optional.of(new ForwardedHeaders(trustedProxies));
    }

    /** Adds this customizer to every HTTP connector of the server. */
    public void addTo(Server server) {
        for (Connector connector : server.getConnectors()) {
            for (ConnectionFactory factory : connector.getConnectionFactories()) {
                if (factory instanceof HttpConfiguration.ConnectionFactory http) {
                    http.getHttpConfiguration().addCustomizer(this);
                }
            }
        }
    }

    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        if (!trusted(request.getConnectionMetaData().getRemoteSocketAddress())) {
            return request;
        }
        HttpFields.Mutable headers = HttpFields.build(request.getHeaders());
        IGNORED.forEach(headers::remove);
        String client = client(headers.getCSV(HttpHeader.X_FORWARDED_FOR, false));
        headers.remove(HttpHeader.X_FORWARDED_FOR);
        if (client != null) {
            headers.put(HttpHeader.X_FORWARDED_FOR, client);
        }
        HttpFields believed = headers.asImmutable();
        return apply.customize(new Request.Wrapper(request) {
            @Override
            public HttpFields getHeaders() {
                return believed;
            }
        }, responseHeaders);
    }

    /** The rightmost address that is no trusted proxy (or the leftmost, when all are); null for none. */
    private String client(List<String> forwardedFor) {
        for (int i = forwardedFor.size() - 1; i >= 0; i--) {
            String address = forwardedFor.get(i).trim();
            if (i == 0 || !trusted(address)) {
                return address.isEmpty() ? null : address;
            }
        }
        return null;
    }

    private boolean trusted(SocketAddress peer) {
        return peer instanceof InetSocketAddress socket && socket.getAddress() != null
                && proxies.test(socket.getAddress());
    }

    private boolean trusted(String address) {
        String bare = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1)
                : address;
        // Only a literal address is looked at: InetAddress.getByName would look a name up.
        if (!LITERAL.matcher(bare).matches()) {
            return false;
        }
        try {
            return proxies.test(InetAddress.getByName(bare));
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
