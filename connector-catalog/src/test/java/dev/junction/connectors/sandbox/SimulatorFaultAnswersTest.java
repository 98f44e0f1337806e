package dev.junction.connectors.sandbox;

import dev.junction.connectors.amazon.sandbox.SpApiSimulator;
import dev.junction.connectors.dataverse.sandbox.DataverseSimulator;
import dev.junction.connectors.opayo.sandbox.OpayoSimulator;
import dev.junction.connectors.rest.sandbox.ShopSimulator;
import dev.junction.engine.json.PayloadJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every simulator answers a planned fault the same way, through {@link Faults#answerIfPlanned}: the planned status
 * with the planned {@code Retry-After}, in the simulated API's own error envelope, as many times as planned and
 * counted once each; afterwards the operation answers as usual.
 */
class SimulatorFaultAnswersTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final SpApiSimulator AMAZON = new SpApiSimulator();
    private static final OpayoSimulator OPAYO = new OpayoSimulator();
    private static final DataverseSimulator DATAVERSE = new DataverseSimulator();
    private static final ShopSimulator SHOP = new ShopSimulator();
    private static SandboxServer server;

    /**
     * One operation of a simulator: how to call it, the field its error envelope has, and what it answers without
     * a fault (the call carries no credentials, so the simulator's own refusal).
     */
    record Call(Simulator simulator, String operation, String method, String path, String envelopeField,
                int statusWithoutFault) {
        @Override
        public String toString() {
            return simulator.connectorId() + " " + operation;
        }
    }

    static Stream<Call> calls() {
        return Stream.of(
                new Call(AMAZON, "getOrder", "GET", "/orders/v0/orders/902-3159896-1390916", "errors", 403),
                new Call(AMAZON, "token", "POST", "/auth/o2/token", "error_description", 400),
                new Call(OPAYO, "getTransaction", "GET", "/api/v1/transactions/UNKNOWN", "description", 401),
                new Call(DATAVERSE, "token", "POST", "/" + DataverseSimulator.TENANT_ID + "/oauth2/v2.0/token",
                        "error_description", 400),
                new Call(SHOP, "root", "GET", "/", "error", 401));
    }

    @BeforeAll
    static void start() throws Exception {
        server = SandboxServer.start(0, List.of(AMAZON, OPAYO, DATAVERSE, SHOP));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void aPlannedFaultIsAnsweredInTheApisEnvelopeWithItsRetryAfterAsOftenAsPlanned(Call call) throws Exception {
        assertThat(control(call.simulator(), "POST", "reset", "").statusCode()).isEqualTo(204);
        HttpResponse<String> planned = control(call.simulator(), "POST", "faults", "{\"operation\": \""
                + call.operation() + "\", \"status\": 503, \"retryAfterSeconds\": 7, \"times\": 2}");
        assertThat(planned.statusCode()).as(planned.body()).isEqualTo(201);

        HttpResponse<String> first = call(call);
        HttpResponse<String> second = call(call);
        HttpResponse<String> third = call(call);

        for (HttpResponse<String> faulted : List.of(first, second)) {
            assertThat(faulted.statusCode()).as(faulted.body()).isEqualTo(503);
            assertThat(faulted.headers().firstValue("Retry-After")).hasValue("7");
            Map<?, ?> envelope = (Map<?, ?>) PayloadJson.read(faulted.body());
            assertThat(envelope.containsKey(call.envelopeField())).as("the API's own envelope: " + envelope)
                    .isTrue();
        }
        assertThat(third.statusCode()).as("planned twice: the third call is answered as usual: " + third.body())
                .isEqualTo(call.statusWithoutFault());
        assertThat(third.headers().firstValue("Retry-After")).isEmpty();
        Map<?, ?> counters = (Map<?, ?>) PayloadJson.read(control(call.simulator(), "GET", "counters", null).body());
        assertThat(((Number) counters.get("faultsInjected")).longValue()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void aPlannedDelayAloneLeavesTheAnswerAsUsual(Call call) throws Exception {
        assertThat(control(call.simulator(), "POST", "reset", "").statusCode()).isEqualTo(204);
        control(call.simulator(), "POST", "faults", "{\"operation\": \"" + call.operation()
                + "\", \"delayMillis\": 1}");

        HttpResponse<String> delayed = call(call);

        assertThat(delayed.statusCode()).as(delayed.body()).isEqualTo(call.statusWithoutFault());
        Map<?, ?> counters = (Map<?, ?>) PayloadJson.read(control(call.simulator(), "GET", "counters", null).body());
        assertThat(((Number) counters.get("faultsInjected")).longValue()).as("a planned delay is counted like the"
                + " other planned faults").isEqualTo(1);
    }

    private static HttpResponse<String> call(Call call) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(call.simulator()) + call.path()));
        if (call.method().equals("POST")) {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=none"));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> control(Simulator simulator, String method, String control, String json)
            throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.url(simulator) + SandboxControls.PREFIX + control))
                .header(SandboxControls.TOKEN_HEADER, server.controlToken())
                .method(method, json == null || json.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
