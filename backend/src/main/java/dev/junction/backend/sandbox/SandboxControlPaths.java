package dev.junction.backend.sandbox;

import dev.junction.connectors.sandbox.SandboxControls;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Which requests to the in-app mount are sandbox controls: a path under {@code /sandbox/<basePath>} whose rest is
 * under the one control prefix {@code /_sandbox/} — read from the decoded servlet path and path info, the same
 * that the {@link SandboxServlet} routes by, so that the security chain and the servlet cannot disagree.
 */
final class SandboxControlPaths {

    /** The role a valid sandbox control token grants (next to ADMIN, the only one that may change state). */
    static final String CONTROL_ROLE = "SANDBOX_CONTROL";

    private SandboxControlPaths() {
    }

    static boolean isControl(HttpServletRequest request) {
        if (!SandboxConfiguration.MOUNT.equals(request.getServletPath()) || request.getPathInfo() == null) {
            return false;
        }
        String path = request.getPathInfo();
        int rest = path.indexOf('/', 1);
        return rest > 0 && SandboxControls.isControl(path.substring(rest));
    }

    /** Whether the request is a control that changes state (anything but a GET). */
    static boolean changesState(HttpServletRequest request) {
        return isControl(request) && !"GET".equals(request.getMethod());
    }
}
