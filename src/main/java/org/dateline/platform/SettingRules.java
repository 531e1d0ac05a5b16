package org.dateline.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The checks a settings record makes of itself in its compact constructor: a wrong value stops the start, with a
 * message that names the property, instead of a throttle that lets nothing through or a loop that never sleeps.
 */
public final class SettingRules {

    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*");
    private static final Pattern PREFIX = Pattern.compile("\\d{1,3}");

    private SettingRules() {
    }

    public static void atLeast(long least, String property, long value) {
        if (value < least) {
            throw new IllegalArgumentException(property + " must be at least " + least + ", not " + value);
        }
    }

    public static void positive(String property, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(property + " must be longer than zero, not " + value);
        }
    }

    public static void notNegative(String property, Duration value) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException(property + " must be zero or longer, not " + value);
        }
    }

    /**
     * Each value an IP address or a CIDR range, written as literals ({@code 127.0.0.1}, {@code 10.0.0.0/8},
     * {@code ::1}, {@code fd00::/8}): never a host name, which would make the start, and who is trusted, depend on DNS.
     */
    public static void addressRanges(String property, List<String> values) {
        for (String value : values) {
            if (!addressRange(value)) {
                throw new IllegalArgumentException(property + ": '" + value
                        + "' is neither an IP address nor a CIDR range such as 10.0.0.0/8 or fd00::/8");
            }
        }
    }

    private static boolean addressRange(String value) {
        int slash = value.indexOf('/');
        String address = slash < 0 ? value : value.substring(0, slash);
        int bits;
        if (IPV4.matcher(address).matches()) {
            bits = 32;
        } else if (IPV6.matcher(address).matches() && ipv6Literal(address)) {
            bits = 128;
        } else {
            return false;
        }
        String prefix = slash < 0 ? null : value.substring(slash + 1);
        return prefix == null || PREFIX.matcher(prefix).matches() && Integer.parseInt(prefix) <= bits;
    }

    /** In brackets, the JDK parses the text as an IPv6 literal or fails: it never asks DNS. */
    private static boolean ipv6Literal(String address) {
        try {
            InetAddress.getByName("[" + address + "]");
            return true;
        } catch (UnknownHostException notAnAddress) {
            return false;
        }
    }
}
