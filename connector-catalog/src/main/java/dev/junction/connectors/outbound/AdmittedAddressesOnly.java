package dev.junction.connectors.outbound;

import org.apache.hc.client5.http.DnsResolver;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The outbound client's name resolver, which resolves nothing: every exchange's target carries the address the
 * {@link OutboundPolicy} admitted, so a lookup here would be a second one, after the policy's, that a rebinding DNS
 * server could answer differently.
 */
final class AdmittedAddressesOnly implements DnsResolver {

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        throw new UnknownHostException(host + " (the outbound client connects only to addresses the outbound"
                + " policy admitted)");
    }

    @Override
    public String resolveCanonicalHostname(String host) {
        return host;
    }
}
