package dev.junction.connectors.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The address ranges outbound calls may not reach unless an admin allows them: loopback, link-local (including the
 * cloud metadata address 169.254.169.254), private, carrier-grade NAT, "this network", unspecified, multicast and
 * broadcast — in IPv4 and IPv6, and IPv4 addresses carried inside IPv6 ({@code ::ffff:10.0.0.1},
 * {@code 64:ff9b::10.0.0.1}).
 */
final class AddressRanges {

    /** A named range. */
    record Range(String name, Cidr cidr) {
    }

    static final List<Range> REFUSED = List.of(
            new Range("loopback", Cidr.parse("127.0.0.0/8")),
            new Range("loopback", Cidr.parse("::1/128")),
            new Range("link-local (cloud metadata lives here)", Cidr.parse("169.254.0.0/16")),
            new Range("link-local", Cidr.parse("fe80::/10")),
            new Range("private", Cidr.parse("10.0.0.0/8")),
            new Range("private", Cidr.parse("172.16.0.0/12")),
            new Range("private", Cidr.parse("192.168.0.0/16")),
            new Range("private (unique local)", Cidr.parse("fc00::/7")),
            new Range("site-local", Cidr.parse("fec0::/10")),
            new Range("carrier-grade NAT", Cidr.parse("100.64.0.0/10")),
            new Range("'this network' / unspecified", Cidr.parse("0.0.0.0/8")),
            new Range("unspecified", Cidr.parse("::/128")),
            new Range("multicast", Cidr.parse("224.0.0.0/4")),
            new Range("multicast", Cidr.parse("ff00::/8")),
            new Range("reserved / broadcast", Cidr.parse("240.0.0.0/4")));

    private AddressRanges() {
    }

    /** The refused range {@code address} is in (looking through IPv4-mapped and NAT64 forms), if any. */
    static Optional<Range> refused(InetAddress address) {
        InetAddress plain = embeddedIpv4(address).orElse(address);
        return REFUSED.stream().filter(range -> range.cidr().contains(plain)).findFirst();
    }

    /** The IPv4 address inside an IPv4-mapped ({@code ::ffff:0:0/96}) or NAT64 ({@code 64:ff9b::/96}) address. */
    static Optional<InetAddress> embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return Optional.empty();
        }
        byte[] bytes = address.getAddress();
        boolean mapped = isZero(bytes, 0, 10) && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
        boolean nat64 = (bytes[0] & 0xff) == 0x00 && (bytes[1] & 0xff) == 0x64 && (bytes[2] & 0xff) == 0xff
                && (bytes[3] & 0xff) == 0x9b && isZero(bytes, 4, 12);
        // the deprecated IPv4-compatible form ::a.b.c.d (not :: and ::1, which are IPv6's own)
        boolean compatible = isZero(bytes, 0, 15) ? (bytes[15] & 0xff) > 1 : isZero(bytes, 0, 12);
        if (!mapped && !nat64 && !compatible) {
            return Optional.empty();
        }
        try {
            return Optional.of((Inet4Address) InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16)));
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static boolean isZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
