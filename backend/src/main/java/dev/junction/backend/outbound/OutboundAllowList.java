package dev.junction.backend.outbound;

import dev.junction.connectors.outbound.Allowance;
import dev.junction.connectors.outbound.OutboundPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Grants the outbound address policy ({@link OutboundPolicy}) what this installation allows beyond public
 * addresses: the admin's allow-list {@code junction.outbound.allow} (JUNCTION_OUTBOUND_ALLOW: CIDR ranges,
 * addresses, host names, each with an optional {@code :port}) at start, and the sandbox's own mounts once the web
 * server listens ({@link #grantSandbox}). Withdrawn when the app stops. A malformed entry stops the start, naming it.
 */
@Component
public class OutboundAllowList implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboundAllowList.class);

    private final List<Allowance> granted = new ArrayList<>();

    OutboundAllowList(@Value("${junction.outbound.allow:}") String allowList) {
        List<Allowance> allowances;
        try {
            allowances = Allowance.parseList(allowList);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("junction.outbound.allow (JUNCTION_OUTBOUND_ALLOW): " + e.getMessage()
                    + "; expected a comma-separated list of CIDR ranges, addresses or host names, each with an"
                    + " optional :port (e.g. 10.1.0.0/16, 192.168.1.20:8443, erp.internal:8080)", e);
        }
        grant(allowances);
        if (!allowances.isEmpty()) {
            log.info("Outbound calls may also reach: {}", allowances);
        }
    }

    /** Lets outbound calls reach the sandbox's mounts (only these ports and paths), e.g. the sandbox connections. */
    public void grantSandbox(List<Allowance> mounts) {
        grant(mounts);
    }

    private synchronized void grant(List<Allowance> allowances) {
        granted.addAll(allowances);
        OutboundPolicy.grant(allowances);
    }

    @Override
    public synchronized void destroy() {
        OutboundPolicy.withdraw(granted);
        granted.clear();
    }
}
