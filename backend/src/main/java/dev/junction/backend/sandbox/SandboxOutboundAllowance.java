package dev.junction.backend.sandbox;

import dev.junction.backend.outbound.OutboundAllowList;
import dev.junction.connectors.outbound.Allowance;
import dev.junction.connectors.sandbox.SandboxServer;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lets outbound calls reach the sandbox — and nothing else of the app — once the web server listens: loopback at the
 * app's own port for paths under {@code <context path>/sandbox/} only (not its API, actuator or webhooks), the
 * public URL's host likewise when {@code junction.public-url} is set, and the standalone simulators' loopback port
 * when one is open.
 */
final class SandboxOutboundAllowance implements ApplicationListener<WebServerInitializedEvent> {

    private final OutboundAllowList allowList;
    private final Optional<SandboxServer> standalone;
    private final String publicUrl;
    private final String contextPath;

    SandboxOutboundAllowance(OutboundAllowList allowList, Optional<SandboxServer> standalone, String publicUrl,
                             String contextPath) {
        this.allowList = allowList;
        this.standalone = standalone;
        this.publicUrl = publicUrl == null ? "" : publicUrl.strip().replaceAll("/+$", "");
        this.contextPath = contextPath == null ? "" : contextPath.strip().replaceAll("/+$", "");
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() != null) {
            return; // a management server of its own, not the app's
        }
        allowList.grantSandbox(mounts(event.getWebServer().getPort()));
    }

    /** The public URL, when it is set and has a host (anything else gets no allowance). */
    private URI publicUrl() {
        try {
            URI url = publicUrl.isEmpty() ? null : URI.create(publicUrl);
            return url == null || url.getHost() == null ? null : url;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    List<Allowance> mounts(int port) {
        String mount = contextPath + SandboxConfiguration.MOUNT + "/";
        List<Allowance> mounts = new ArrayList<>(List.of(Allowance.of("127.0.0.0/8", port, mount),
                Allowance.of("::1", port, mount)));
        URI url = publicUrl();
        if (url != null) {
            int publicPort = url.getPort() >= 0 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
            String path = url.getRawPath() == null ? "" : url.getRawPath().replaceAll("/+$", "");
            try {
                mounts.add(Allowance.parse(url.getHost() + ":" + publicPort)
                        .under(path + SandboxConfiguration.MOUNT + "/"));
            } catch (IllegalArgumentException notAHost) {
                // not a host the allow-list can name; the sandbox connections then need JUNCTION_OUTBOUND_ALLOW
            }
        }
        standalone.ifPresent(server -> {
            mounts.add(Allowance.of("127.0.0.0/8", server.port(), null));
            mounts.add(Allowance.of("::1", server.port(), null));
        });
        return mounts;
    }
}
