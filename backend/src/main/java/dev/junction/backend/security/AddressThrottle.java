package dev.junction.backend.security;

import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed sign-ins per client address (an IPv6 address by its /64 network, which one host usually holds
 * whole) and refuses every sign-in from an address for a while after too many, whatever the names tried: one
 * address cannot try passwords, or lock out names, without end. The per-name lock ({@link LoginThrottle}) stays.
 * Kept in this node's memory: a restart forgets it, and each node of a cluster counts on its own.
 */
@Component
public class AddressThrottle {

    /** Addresses kept at most; past this, counters whose window and block have passed are dropped first. */
    static final int MAX_ADDRESSES = 100_000;

    private record Counter(int failures, Instant windowStart, Instant blockedUntil) {
    }

    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final AddressLockoutSettings settings;
    private final Clock clock;

    AddressThrottle(AddressLockoutSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** The end of the block on {@code address}, when it is blocked now. */
    public Optional<Instant> blockedUntil(String address) {
        Counter counter = counters.get(key(address));
        Instant now = clock.instant();
        return counter == null || counter.blockedUntil() == null || !counter.blockedUntil().isAfter(now)
                ? Optional.empty() : Optional.of(counter.blockedUntil());
    }

    /** Counts a failed sign-in from {@code address}; answers the end of the block when this failure began one. */
    Optional<Instant> failed(String address) {
        Instant now = clock.instant();
        if (counters.size() >= MAX_ADDRESSES) {
            forgetPast(now);
        }
        Instant[] began = new Instant[1];
        counters.compute(key(address), (key, old) -> {
            if (old != null && old.blockedUntil() != null && old.blockedUntil().isAfter(now)) {
                return old; // attempts while blocked do not prolong the block
            }
            boolean restart = old == null || old.blockedUntil() != null
                    || !old.windowStart().isAfter(now.minus(settings.window()));
            int failures = restart ? 1 : old.failures() + 1;
            began[0] = failures >= settings.maxFailures() ? now.plus(settings.duration()) : null;
            return new Counter(failures, restart ? now : old.windowStart(), began[0]);
        });
        return Optional.ofNullable(began[0]);
    }

    private void forgetPast(Instant now) {
        Instant windowStart = now.minus(settings.window());
        counters.entrySet().removeIf(entry -> !entry.getValue().windowStart().isAfter(windowStart)
                && (entry.getValue().blockedUntil() == null || !entry.getValue().blockedUntil().isAfter(now)));
    }

    /** The address as counted: an IPv4 address as it is, an IPv6 address by its /64 network. */
    static String key(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return address == null ? "unknown" : address;
        }
        try {
            byte[] bytes = InetAddress.ofLiteral(address).getAddress();
            if (bytes.length != 16) {
                return address;
            }
            byte[] network = Arrays.copyOf(Arrays.copyOf(bytes, 8), 16);
            return InetAddress.getByAddress(network).getHostAddress() + "/64";
        } catch (IllegalArgumentException | UnknownHostException e) {
            return address;
        }
    }
}
