package dev.junction.backend.sandbox;

import dev.junction.connectors.sandbox.SandboxControls;
import dev.junction.connectors.sandbox.Simulator;
import dev.junction.engine.runs.PayloadJson;
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
 * simulators. No login: the simulators hold only sandbox data and their own sandbox credentials.
 */
final class SandboxServlet extends HttpServlet {

    private final transient List<Simulator> simulators;

    SandboxServlet(List<Simulator> simulators) {
        this.simulators = List.copyOf(simulators);
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
                SandboxControls.serve(simulator, new ServletSimulatorExchange(request, response,
                        path.substring(base.length()), mount + base));
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

    private static void answer(HttpServletResponse response, int status, Object body) throws IOException {
        byte[] bytes = PayloadJson.write(body).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json; charset=utf-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
