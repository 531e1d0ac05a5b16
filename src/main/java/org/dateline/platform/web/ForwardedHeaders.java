package org.dateline.platform.web;

import java.util.List;
import java.util.Optional;

import org.apache.catalina.valves.RemoteIpValve;

/**
 * Behind a reverse proxy, the client's address, whether it came over TLS, and the host and port it asked for are the
 * proxy's word ({@code X-Forwarded-For}, {@code -Proto}, {@code -Host}, {@code -Port}). Tomcat's {@link RemoteIpValve}
 * applies them before anything else sees the request, so {@code getRemoteAddr()} (rate limits, view counting, the
 * chat socket), {@code isSecure()} (HSTS, {@code Secure} cookies) and absolute redirects all agree. It believes the
 * headers only from the configured proxies ({@code dateline.trusted-proxies}); from anyone else, and from everyone
 * when none is configured, they are ignored, since any client can send them.
 */
public final class ForwardedHeaders {

    private ForwardedHeaders() {
    }

    /** The valve for these proxies (addresses or CIDR ranges, checked by the settings); none for an empty list. */
    public static Optional<RemoteIpValve> valve(List<String> trustedProxies) {
        if (trustedProxies.isEmpty()) {
            return Optional.empty();
        }
        RemoteIpValve valve = new RemoteIpValve();
        // Tomcat reads the list as CIDR ranges only when an entry has a prefix, else as one regular expression.
        valve.setInternalProxies(String.join(",", trustedProxies.stream().map(ForwardedHeaders::range).toList()));
        valve.setTrustedProxies(null);
        valve.setRemoteIpHeader("X-Forwarded-For");
        valve.setProtocolHeader("X-Forwarded-Proto");
        valve.setHostHeader("X-Forwarded-Host");
        valve.setPortHeader("X-Forwarded-Port");
        return Optional.of(valve);
    }

    private static String range(String entry) {
        return entry.contains("/") ? entry : entry + (entry.contains(":") ? "/128" : "/32");
    }
}
