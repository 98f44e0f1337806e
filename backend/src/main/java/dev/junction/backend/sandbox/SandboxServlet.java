package dev.junction.backend.sandbox;

import dev.junction.connectors.sandbox.FaultProfile;
import dev.junction.connectors.sandbox.SandboxControls;
import dev.junction.connectors.sandbox.Simulator;
import dev.junction.engine.json.PayloadJson;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The simulators inside the app, under {@code /sandbox/<basePath>} (e.g. {@code /sandbox/opayo/api/v1/…}), with
 * their {@code /_sandbox/} controls: what the seeded sandbox connections talk to. {@code GET /sandbox/} lists the
 * simulators. No login for the simulated APIs: the simulators hold only sandbox data and their own sandbox
 * credentials; controls that change state need an ADMIN or the sandbox control token (the control security chain
 * decides, and this servlet checks the outcome again). Each request is handed, asynchronously, to the
 * {@link SandboxWorkers}: the container's thread returns at once, and a request over their cap is answered 503.
 */
final class SandboxServlet extends HttpServlet {

    /** Longer than any answer a simulator holds back (a timeout fault plus latency), so the container never cuts in. */
    private static final long ASYNC_TIMEOUT_MILLIS = FaultProfile.MAX_TIMEOUT_MILLIS
            + 2 * FaultProfile.MAX_LATENCY_MILLIS + 30_000;

    private final transient List<Simulator> simulators;
    private final transient SandboxWorkers workers;

    SandboxServlet(List<Simulator> simulators, SandboxWorkers workers) {
        this.simulators = List.copyOf(simulators);
        this.workers = workers;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        String url = request.getRequestURL().toString();
        String mount = url.substring(0, url.length() - request.getRequestURI().length()) + request.getContextPath()
                + request.getServletPath();
        for (Simulator simulator : simulators) {
            String base = simulator.basePath();
            if (path.equals(base) || path.startsWith(base + "/")) {
                serveAsync(simulator, request, path.substring(base.length()), mount + base);
                return;
            }
        }
        if (path.equals("/") && request.getMethod().equals("GET")) {
            answer(response, 200, Map.of("simulators", simulators.stream().map(simulator -> Map.of(
                    "connectorId", simulator.connectorId(), "url", mount + simulator.basePath())).toList()));
            return;
        }
        answer(response, 404, Map.of("error", "no sandbox simulator at " + path + " (known: "
                + simulators.stream().map(Simulator::basePath).toList() + ")"));
    }

    private void serveAsync(Simulator simulator, HttpServletRequest request, String path, String baseUrl)
            throws IOException {
        // decided here, on the container's thread, where the security chain's sign-in is visible
        boolean mayChange = !SandboxControlPaths.changesState(request) || request.isUserInRole("ADMIN")
                || request.isUserInRole(SandboxControlPaths.CONTROL_ROLE);
        SandboxControls.Access access = mayChange ? SandboxControls.Access.DECIDED_BEFORE : exchange -> false;
        AsyncContext async = request.startAsync();
        async.setTimeout(ASYNC_TIMEOUT_MILLIS);
        HttpServletRequest asyncRequest = (HttpServletRequest) async.getRequest();
        HttpServletResponse asyncResponse = (HttpServletResponse) async.getResponse();
        boolean started = workers.tryRun(() -> {
            try {
                SandboxControls.serve(simulator, new ServletSimulatorExchange(asyncRequest, asyncResponse, path,
                        baseUrl), access);
            } finally {
                completeQuietly(async);
            }
        });
        if (!started) {
            asyncResponse.setHeader("Retry-After", "1");
            answer(asyncResponse, 503, Map.of("error", "the sandbox is busy: " + workers.maxConcurrent()
                    + " simulator requests are in flight (JUNCTION_SANDBOX_MAX_CONCURRENT); try again"));
            completeQuietly(async);
        }
    }

    private static void completeQuietly(AsyncContext async) {
        try {
            async.complete();
        } catch (IllegalStateException alreadyOver) {
            // the container ended the exchange (the client went away, or the async timeout passed)
        }
    }

    private static void answer(HttpServletResponse response, int status, Object body) throws IOException {
        byte[] bytes = PayloadJson.write(body).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json; charset=utf-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
