package org.dateline.platform.web;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Which addresses are not on the public internet: loopback, unspecified, link-local, private (RFC 1918 and IPv6
 * unique local), carrier-grade NAT, multicast, "this network", benchmarking and reserved ranges, and IPv6 forms that
 * carry such an IPv4 address (IPv4-mapped, NAT64). Whatever fetches an address a stranger gave (feeds, wire
 * pictures, Web Push endpoints) refuses these, so that it cannot be made to reach inside its own network.
 */
public final class NetworkAddresses {

    private NetworkAddresses() {
    }

    public static boolean local(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            if ((bytes[0] & 0xfe) == 0xfc) {
                return true; // unique local fc00::/7
            }
            if (embedsIpv4(bytes)) {
                return local(ipv4(Arrays.copyOfRange(bytes, 12, 16)));
            }
            return false;
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        return first == 100 && (second & 0xc0) == 64 // carrier-grade NAT 100.64.0.0/10
                || first == 0 // "this network" 0.0.0.0/8
                || first == 198 && (second & 0xfe) == 18 // benchmarking 198.18.0.0/15
                || first >= 240; // reserved 240.0.0.0/4 and the broadcast address
    }

    /** ::ffff:a.b.c.d (IPv4-mapped), ::a.b.c.d (IPv4-compatible) and 64:ff9b::a.b.c.d (NAT64). */
    private static boolean embedsIpv4(byte[] bytes) {
        boolean zeros = true;
        for (int i = 0; i < 10; i++) {
            zeros &= bytes[i] == 0;
        }
        boolean mapped = zeros && ((bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff)
                || (bytes[10] == 0 && bytes[11] == 0));
        boolean nat64 = bytes[0] == 0 && bytes[1] == 0x64 && bytes[2] == (byte) 0xff && bytes[3] == (byte) 0x9b;
        for (int i = 4; nat64 && i < 12; i++) {
            nat64 = bytes[i] == 0;
        }
        return mapped || nat64;
    }

    private static InetAddress ipv4(byte[] bytes) {
        try {
            return Inet4Address.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are an IPv4 address", e);
        }
    }
}
