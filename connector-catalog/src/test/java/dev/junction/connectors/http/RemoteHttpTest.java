package dev.junction.connectors.http;

import dev.junction.connectors.sandbox.SandboxControls;
import dev.junction.connectors.sandbox.Faults;
import dev.junction.connectors.sandbox.SandboxServer;
import dev.junction.connectors.sandbox.Simulator;
import dev.junction.connectors.sandbox.SimulatorExchange;
import dev.junction.engine.connectors.ConnectionCheck;
import dev.junction.engine.connectors.ConnectorException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The shared HTTP layer against a real loopback server: answers, failures by kind, Retry-After, deadlines. */
class RemoteHttpTest {

    private static final Faults FAULTS = new Faults();
    private static SandboxServer sandbox;
    private final RemoteHttp http = new RemoteHttp();

    /** Answers {@code /status/<n>} with that status (and a Retry-After of 7 on 429) after any planned fault. */
    private static final Simulator ECHO = new Simulator() {
        @Override
        public String connectorId() {
            return "echo";
        }

        @Override
        public SandboxConnection sandboxConnection(String baseUrl) {
            return new SandboxConnection(Map.of("baseUrl", baseUrl), Map.of());
        }

        @Override
        public String basePath() {
            return "/echo";
        }

        @Override
        public void handle(SimulatorExchange exchange) throws IOException {
            var fault = FAULTS.take("status");
            if (fault.isPresent()) {
                fault.get().holdBack();
            }
            int status = Integer.parseInt(exchange.path().substring("/status/".length()));
            if (status == 429) {
                exchange.responseHeader("Retry-After", "7");
            }
            exchange.respondJson(status, Map.of("status", status));
        }

        @Override
        public Faults faults() {
            return FAULTS;
        }

        @Override
        public void reset() {
            FAULTS.clear();
        }
    };

    @BeforeAll
    static void start() throws IOException {
        sandbox = SandboxServer.start(0, List.of(ECHO));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(sandbox.url(ECHO) + path))
                .header(SandboxControls.TOKEN_HEADER, sandbox.controlToken());
    }

    private static Instant inSeconds(int seconds) {
        return Instant.now().plusSeconds(seconds);
    }

    @Test
    void answersSuccessAndErrorStatusesAlike() throws ConnectorException {
        RemoteResponse ok = http.send(get("/status/200"), inSeconds(5));
        RemoteResponse missing = http.send(get("/status/404"), inSeconds(5));

        assertThat(ok.ok()).isTrue();
        assertThat(ok.body()).isEqualTo("{\"status\":200}");
        assertThat(missing.ok()).isFalse();
        assertThat(missing.status()).isEqualTo(404);
    }

    @Test
    void sortsStatusesIntoRetryableAndPermanentFailures() throws ConnectorException {
        ConnectorException throttled = RemoteFailures.of(http.send(get("/status/429"), inSeconds(5)),
                "QuotaExceeded", "slow down");
        ConnectorException unavailable = RemoteFailures.of(http.send(get("/status/503"), inSeconds(5)),
                "ServiceUnavailable", "down");
        ConnectorException invalid = RemoteFailures.of(http.send(get("/status/400"), inSeconds(5)),
                "InvalidInput", "bad");

        assertThat(throttled.retryable()).isTrue();
        assertThat(throttled.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(throttled.remoteStatus()).isEqualTo(429);
        assertThat(unavailable.retryable()).isTrue();
        assertThat(unavailable.retryAfter()).isEmpty();
        assertThat(invalid.retryable()).isFalse();
        assertThat(invalid.remoteBody()).isEqualTo("{\"status\":400}");
    }

    @Test
    void readsRetryAfterAsSecondsOrHttpDate() {
        assertThat(RemoteFailures.parseRetryAfter("120")).contains(Duration.ofSeconds(120));
        assertThat(RemoteFailures.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).contains(Duration.ZERO);
        assertThat(RemoteFailures.parseRetryAfter("soon")).isEmpty();
        assertThat(RemoteFailures.parseRetryAfter("-3")).isEmpty();
    }

    @Test
    void aSlowAnswerPastTheDeadlineIsARetryableTimeout() {
        FAULTS.plan(new Faults.Fault("status", 200, null, 2_000), 1);

        ConnectorException timeout = catchThrowableOfType(ConnectorException.class,
                () -> http.send(get("/status/200"), Instant.now().plusMillis(300)));

        assertThat(timeout.errorClass()).isEqualTo("Timeout");
        assertThat(timeout.retryable()).isTrue();
        assertThat(ConnectionChecks.failed(timeout).stage()).isEqualTo(ConnectionCheck.Stage.CONNECT);
    }

    @Test
    void aPassedDeadlineSendsNothing() {
        ConnectorException late = catchThrowableOfType(ConnectorException.class,
                () -> http.send(get("/status/200"), Instant.now().minusSeconds(1)));

        assertThat(late.errorClass()).isEqualTo("Timeout");
    }

    @Test
    void aClosedPortIsARetryableRefusalAndAnUnknownHostAPermanentDnsFailure() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        ConnectorException refused = catchThrowableOfType(ConnectorException.class, () -> http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + closed + "/")), inSeconds(5)));
        ConnectorException unknown = catchThrowableOfType(ConnectorException.class, () -> http.send(
                HttpRequest.newBuilder(URI.create("http://no-such-host.invalid/")), inSeconds(5)));

        assertThat(refused.errorClass()).isEqualTo("ConnectionRefused");
        assertThat(refused.retryable()).isTrue();
        assertThat(unknown.errorClass()).isEqualTo("UnknownHost");
        assertThat(unknown.retryable()).isFalse();
        assertThat(unknown.getMessage()).contains("no-such-host.invalid");
        assertThat(ConnectionChecks.failed(unknown).stage()).isEqualTo(ConnectionCheck.Stage.DNS);
    }

    @Test
    void sandboxControlsPlanFaultsAndRefuseMalformedOnes() throws ConnectorException {
        RemoteResponse planned = http.send(get("/_sandbox/faults")
                .POST(HttpRequest.BodyPublishers.ofString("{\"operation\": \"status\", \"delayMillis\": 1}")),
                inSeconds(5));
        RemoteResponse malformed = http.send(get("/_sandbox/faults")
                .POST(HttpRequest.BodyPublishers.ofString("{\"status\": 500}")), inSeconds(5));

        assertThat(planned.status()).isEqualTo(201);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body()).contains("operation");
        FAULTS.clear();
    }
}
