package dev.junction.connectors.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * Serves one request to a simulator, whichever server carries it: the shared controls under
 * {@code <basePath>/_sandbox/}, else the simulator itself. A request the simulator cannot take (malformed JSON, a
 * bug) gets a short JSON message — 400 for bad input, 500 otherwise — never a dropped connection.
 *
 * <p>The controls: {@code POST /_sandbox/faults} plans a fault, {@code DELETE /_sandbox/faults} forgets every
 * planned fault and the profile; {@code PUT}, {@code GET} and {@code DELETE /_sandbox/faults/profile} set, read and
 * clear the {@link FaultProfile}; {@code GET /_sandbox/counters} answers the {@link SimulatorCounters},
 * {@code DELETE /_sandbox/counters} zeroes them only; {@code POST /_sandbox/reset} forgets the simulator's state,
 * faults and profile and zeroes its counters. Every other path under the prefix is the simulator's own control
 * ({@link Simulator#control}, e.g. the SP-API simulator's {@code /_sandbox/orders}): one prefix for every control.
 *
 * <p>Reading ({@code GET}) is open; every control that changes state needs what the server's {@link Access}
 * allows (the standalone server: its control token in {@value #TOKEN_HEADER}; the app: an ADMIN or that token,
 * decided by its security chain before the request arrives here) — else 401, nothing changed.
 */
public final class SandboxControls {

    /** The path prefix of every control (the shared ones and each simulator's own), after its base path. */
    public static final String PREFIX = "/_sandbox/";
    /** The header that carries a sandbox control token. */
    public static final String TOKEN_HEADER = "Junction-Sandbox-Token";

    private SandboxControls() {
    }

    /** Whether a request may use the controls that change state. */
    @FunctionalInterface
    public interface Access {

        /** The server's security has already decided (the app's security chain). */
        Access DECIDED_BEFORE = exchange -> true;

        boolean mayChange(SimulatorExchange exchange);

        /** Allows a request whose {@value SandboxControls#TOKEN_HEADER} equals {@code token} (in constant time). */
        static Access token(String token) {
            byte[] expected = token.getBytes(StandardCharsets.UTF_8);
            return exchange -> exchange.header(TOKEN_HEADER).map(given -> MessageDigest.isEqual(expected,
                    given.getBytes(StandardCharsets.UTF_8))).orElse(false);
        }
    }

    /** Answers the request: a control (a change only when {@code access} allows it), or the simulator's answer. */
    public static void serve(Simulator simulator, SimulatorExchange exchange, Access access) {
        try {
            if (isControl(exchange.path()) && !exchange.method().equals("GET") && !access.mayChange(exchange)) {
                exchange.respondJson(401, Map.of("error", "the sandbox controls that change state need an"
                        + " ADMIN's sign-in or the sandbox control token in the " + TOKEN_HEADER + " header"));
                return;
            }
            if (exchange.path().startsWith(PREFIX)) {
                control(simulator, exchange);
            } else {
                simulator.handle(exchange);
            }
        } catch (IllegalArgumentException e) {
            answerQuietly(exchange, 400, e.getMessage());
        } catch (Exception e) {
            answerQuietly(exchange, 500, "the simulator failed: " + e);
        }
    }

    /** Whether a path (after the simulator's base path) is a control: anything under {@value #PREFIX}. */
    public static boolean isControl(String path) {
        return path.startsWith(PREFIX);
    }

    private static void control(Simulator simulator, SimulatorExchange exchange) throws IOException {
        Faults faults = simulator.faults();
        switch (exchange.method() + " " + exchange.path()) {
            case "POST /_sandbox/faults" -> {
                Map<?, ?> body = exchange.json() instanceof Map<?, ?> map ? map : Map.of();
                if (!(body.get("operation") instanceof String operation)) {
                    throw new IllegalArgumentException("a fault names its 'operation'");
                }
                int status = body.get("status") instanceof Number number ? number.intValue() : 200;
                Integer retryAfter = body.get("retryAfterSeconds") instanceof Number number ? number.intValue() : null;
                long delay = body.get("delayMillis") instanceof Number number ? number.longValue() : 0;
                int times = body.get("times") instanceof Number number ? number.intValue() : 1;
                faults.plan(new Faults.Fault(operation, status, retryAfter, delay), times);
                exchange.respondJson(201, Map.of("planned", operation, "times", times));
            }
            case "DELETE /_sandbox/faults" -> {
                faults.clear();
                exchange.respond(204, "text/plain", "");
            }
            case "PUT /_sandbox/faults/profile" -> {
                FaultProfile profile = FaultProfile.fromJson(exchange.json());
                faults.profile(profile);
                exchange.respondJson(200, profile.toJson());
            }
            case "GET /_sandbox/faults/profile" -> {
                if (faults.profile().isPresent()) {
                    exchange.respondJson(200, faults.profile().get().toJson());
                } else {
                    exchange.respondJson(404, Map.of("error", "no fault profile is set"));
                }
            }
            case "DELETE /_sandbox/faults/profile" -> {
                faults.clearProfile();
                exchange.respond(204, "text/plain", "");
            }
            case "GET /_sandbox/counters" -> exchange.respondJson(200, simulator.counters().toJson());
            case "DELETE /_sandbox/counters" -> {
                simulator.counters().reset();
                exchange.respond(204, "text/plain", "");
            }
            case "POST /_sandbox/reset" -> {
                simulator.reset();
                simulator.counters().reset();
                exchange.respond(204, "text/plain", "");
            }
            default -> {
                if (!simulator.control(exchange, exchange.path().substring(PREFIX.length()))) {
                    exchange.respondJson(404, Map.of("error", "no such sandbox control: "
                            + exchange.method() + " " + exchange.path()));
                }
            }
        }
    }

    private static void answerQuietly(SimulatorExchange exchange, int status, String message) {
        if (exchange.answered()) {
            return; // the simulator answered before it failed; nothing more can be said on this exchange
        }
        try {
            exchange.respondJson(status, Map.of("error", String.valueOf(message)));
        } catch (IOException | IllegalStateException gone) {
            // the client went away
        }
    }
}
