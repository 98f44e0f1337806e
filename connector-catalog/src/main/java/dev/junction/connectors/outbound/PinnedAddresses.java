package dev.junction.connectors.outbound;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pins the address the policy admitted for a plain-HTTP call to a host name, so that the connection goes there and
 * nowhere else (no second name lookup a rebinding DNS server could answer differently): the JDK client is told to
 * send the request through an "HTTP proxy" at exactly that address and port, which sends it in absolute form
 * ({@code GET http://host/path}, {@code Host: host}) — what every HTTP/1.1 server accepts. Address literals need
 * no pin; HTTPS is bound to the host name by its certificate instead (see {@link OutboundClient}).
 */
final class PinnedAddresses extends ProxySelector {

    private record Pin(InetAddress address, int holders) {
    }

    private final Map<String, Pin> pins = new ConcurrentHashMap<>();

    /** Ends a pin. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Pins {@code admitted} (a host name; literals need no pin) until the returned handle is closed; a host already
     * pinned keeps its address (admitted too).
     */
    Held pin(OutboundPolicy.Admitted admitted) {
        if (Literals.isAddressLiteral(admitted.host())) {
            return () -> { };
        }
        String key = key(admitted.host(), admitted.port());
        pins.merge(key, new Pin(admitted.address(), 1), (held, added) -> new Pin(held.address(), held.holders() + 1));
        return () -> pins.computeIfPresent(key, (k, held) -> held.holders() <= 1 ? null
                : new Pin(held.address(), held.holders() - 1));
    }

    @Override
    public List<Proxy> select(URI uri) {
        if (uri == null || !"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            return List.of(Proxy.NO_PROXY);
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : 80;
        Pin pin = pins.get(key(Literals.unbracketed(uri.getHost()), port));
        return pin == null ? List.of(Proxy.NO_PROXY)
                : List.of(new Proxy(Proxy.Type.HTTP, new InetSocketAddress(pin.address(), port)));
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException failure) {
        // the failure reaches the caller; nothing to remember
    }

    private static String key(String host, int port) {
        return host.toLowerCase(Locale.ROOT) + ":" + port;
    }
}
