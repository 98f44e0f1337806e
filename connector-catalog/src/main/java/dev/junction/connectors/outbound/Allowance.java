package dev.junction.connectors.outbound;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One entry of the outbound allow-list: an address range (CIDR or a single address) or a host name, optionally
 * with a port, optionally only for paths under a prefix. Written as {@code 10.1.0.0/16}, {@code 192.168.1.20:8443},
 * {@code [fd00::5]:443}, {@code fd00::/8}, {@code erp.internal}, {@code erp.internal:8080}. A host-name entry lets
 * that name reach whatever it resolves to; a range entry lets any name that resolves into it.
 *
 * @param range      the addresses, or null for a host-name entry
 * @param hostName   the host name (lower case), or null for a range entry
 * @param port       the only port allowed, or null for any
 * @param pathPrefix the only paths allowed (a normalized prefix ending in {@code /}), or null for any
 */
public record Allowance(Cidr range, String hostName, Integer port, String pathPrefix) {

    /** Parses a comma- or whitespace-separated list; throws {@link IllegalArgumentException} naming a bad entry. */
    public static List<Allowance> parseList(String text) {
        List<Allowance> allowances = new ArrayList<>();
        if (text == null) {
            return allowances;
        }
        for (String entry : text.split("[,\\s]+")) {
            if (!entry.isBlank()) {
                allowances.add(parse(entry));
            }
        }
        return allowances;
    }

    /** Parses one entry (see the class comment). */
    public static Allowance parse(String entry) {
        String text = entry.strip();
        Integer port = null;
        String host = text;
        if (text.startsWith("[")) { // [v6] or [v6]:port
            int close = text.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("'" + entry + "': an IPv6 address in brackets needs its ']'");
            }
            host = text.substring(1, close);
            String rest = text.substring(close + 1);
            if (rest.startsWith(":")) {
                port = port(entry, rest.substring(1));
            } else if (!rest.isEmpty()) {
                throw new IllegalArgumentException("'" + entry + "': after ']' only ':<port>' may follow");
            }
        } else if (text.indexOf(':') >= 0 && text.indexOf(':') == text.lastIndexOf(':')) { // host:port (not v6)
            host = text.substring(0, text.indexOf(':'));
            port = port(entry, text.substring(text.indexOf(':') + 1));
        }
        String address = host.contains("/") ? host.substring(0, host.indexOf('/')) : host;
        if (Literals.isAddressLiteral(address)) {
            return new Allowance(Cidr.parse(host), null, port, null);
        }
        if (!host.matches("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?")) {
            throw new IllegalArgumentException("'" + entry + "' is neither an address, a CIDR range nor a host name"
                    + " (with an optional :port)");
        }
        return new Allowance(null, host.toLowerCase(Locale.ROOT), port, null);
    }

    /** The same entry, for paths under {@code prefix} only. */
    public Allowance under(String prefix) {
        return new Allowance(range, hostName, port, prefix.endsWith("/") ? prefix : prefix + "/");
    }

    /** A range entry for these addresses, port and path prefix (the sandbox's own mounts). */
    public static Allowance of(String cidr, Integer port, String pathPrefix) {
        Allowance allowance = new Allowance(Cidr.parse(cidr), null, port, null);
        return pathPrefix == null ? allowance : allowance.under(pathPrefix);
    }

    /**
     * Whether the entry lets a call to {@code host}:{@code port}{@code path}, resolved to {@code address}, go;
     * {@code path} is null when it is not plainly normalized (then no path-limited entry allows it).
     */
    boolean allows(String host, InetAddress address, int port, String path) {
        if (this.port != null && this.port != port) {
            return false;
        }
        if (pathPrefix != null && (path == null || !(path + "/").startsWith(pathPrefix))) {
            return false;
        }
        return range != null ? range.contains(AddressRanges.embeddedIpv4(address).orElse(address))
                || range.contains(address) : hostName.equalsIgnoreCase(host);
    }

    @Override
    public String toString() {
        String where = range != null ? range.toString() : hostName;
        return where + (port == null ? "" : " port " + port) + (pathPrefix == null ? "" : " path " + pathPrefix + "…");
    }

    private static int port(String entry, String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException("'" + entry + "': the port must be a number from 1 to 65535");
    }
}
