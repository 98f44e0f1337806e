package dev.junction.connectors.outbound;

import dev.junction.engine.connectors.ConnectorException;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Which addresses an outbound call may reach. The host is resolved first and every address it resolves to is
 * checked: an address in a refused range ({@link AddressRanges}: loopback, link-local, private, carrier-grade NAT,
 * unspecified, multicast, broadcast) is refused unless an {@link Allowance} lets it — the admin's allow-list
 * ({@code JUNCTION_OUTBOUND_ALLOW}), or the sandbox's own mounts that the app adds. A refusal is a permanent
 * {@code OutboundAddressRefused} failure naming the host, the address, its range and the setting; no packet is sent.
 *
 * <p>One policy holds for the whole process ({@link #current()}): public addresses, plus what the app granted at
 * start ({@link #grant}: the admin's allow-list, the sandbox's own mounts; withdrawn when it stops), plus the
 * allow-list in the system property {@code junction.outbound.allow} (how the connector tests allow their loopback
 * simulators).
 */
public final class OutboundPolicy {

    /** The system property (and Spring property) of the allow-list. */
    public static final String ALLOW_PROPERTY = "junction.outbound.allow";
    /** The error class of a refusal. */
    public static final String REFUSED = "OutboundAddressRefused";

    private static final List<Allowance> GRANTED = new CopyOnWriteArrayList<>();

    /** Resolves a host name to its addresses (the JDK's resolver; tests give their own). */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final List<Allowance> allowances;
    private final Resolver resolver;

    public OutboundPolicy(List<Allowance> allowances, Resolver resolver) {
        this.allowances = List.copyOf(allowances);
        this.resolver = resolver;
    }

    public OutboundPolicy(List<Allowance> allowances) {
        this(allowances, InetAddress::getAllByName);
    }

    /** The policy every outbound call follows now. */
    public static OutboundPolicy current() {
        List<Allowance> all = new ArrayList<>(Allowance.parseList(System.getProperty(ALLOW_PROPERTY)));
        all.addAll(GRANTED);
        return new OutboundPolicy(all);
    }

    /** Lets every outbound call of this process reach what {@code allowances} allow, until withdrawn. */
    public static void grant(List<Allowance> allowances) {
        GRANTED.addAll(allowances);
    }

    /** Takes back what {@link #grant} gave (each allowance once). */
    public static void withdraw(List<Allowance> allowances) {
        allowances.forEach(GRANTED::remove);
    }

    public List<Allowance> allowances() {
        return allowances;
    }

    /** Where a call may go: the address to connect to (the first one the host resolved to; all were admitted). */
    public record Admitted(String host, InetAddress address, int port) {
    }

    /**
     * Resolves {@code uri}'s host and admits the call, or refuses it.
     *
     * @throws ConnectorException {@code UnknownHost} (permanent) when the host does not resolve;
     *                            {@code OutboundAddressRefused} (permanent) when an address is refused
     */
    public Admitted admit(URI uri) throws ConnectorException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw ConnectorException.permanentFailure(REFUSED, "only http and https addresses may be called, not '"
                    + scheme + "'", null, null);
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw ConnectorException.permanentFailure(REFUSED, "the address has no host", null, null);
        }
        String bare = Literals.unbracketed(host);
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bare);
        } catch (UnknownHostException | SecurityException e) {
            throw ConnectorException.permanentFailure("UnknownHost", "the host " + bare + " does not resolve",
                    null, null);
        }
        if (addresses == null || addresses.length == 0) {
            throw ConnectorException.permanentFailure("UnknownHost", "the host " + bare + " does not resolve",
                    null, null);
        }
        String path = plainPath(uri);
        for (InetAddress address : addresses) {
            Optional<AddressRanges.Range> range = AddressRanges.refused(address);
            if (range.isPresent() && allowances.stream().noneMatch(allowance ->
                    allowance.allows(bare, address, port, path))) {
                throw ConnectorException.permanentFailure(REFUSED, "the call to " + bare + ":" + port
                        + (bare.equals(address.getHostAddress()) ? "" : " (" + address.getHostAddress() + ")")
                        + " was refused by Junction's outbound address policy: " + address.getHostAddress()
                        + " is a " + range.get().name() + " address (" + range.get().cidr() + "), which outbound"
                        + " calls may not reach unless an admin allows it in " + ALLOW_PROPERTY
                        + " (JUNCTION_OUTBOUND_ALLOW); nothing was sent", null, null);
            }
        }
        return new Admitted(bare, addresses[0], port);
    }

    /**
     * The path, when it is plainly normalized: no {@code .}/{@code ..} segments, no encoded dot, slash or
     * backslash, no {@code ;} parameters — else null, which no path-limited allowance matches.
     */
    static String plainPath(URI uri) {
        String raw = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String lower = raw.toLowerCase(Locale.ROOT);
        if (lower.contains("%2e") || lower.contains("%2f") || lower.contains("%5c") || lower.contains("\\")
                || lower.contains(";") || !raw.startsWith("/")) {
            return null;
        }
        for (String segment : raw.split("/")) {
            if (segment.equals(".") || segment.equals("..")) {
                return null;
            }
        }
        return raw;
    }
}
