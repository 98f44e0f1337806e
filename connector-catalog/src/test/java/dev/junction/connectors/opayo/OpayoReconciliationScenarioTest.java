package dev.junction.connectors.opayo;

import dev.junction.connectors.http.RemoteHttp;
import dev.junction.connectors.opayo.sandbox.OpayoSimulator;
import dev.junction.connectors.sandbox.SandboxControls;
import dev.junction.connectors.sandbox.SandboxServer;
import dev.junction.connectors.sandbox.reconciliation.ReconciliationScenario;
import dev.junction.connectors.testing.FixedConnection;
import dev.junction.engine.connectors.ConnectorException;
import dev.junction.engine.json.PayloadJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reconciliation scenario control of the Opayo simulator: the payments and refunds of the scenario's orders,
 * settled in daily batches, read back through the connector's reconciliation polls with the check outcomes and fees.
 */
class OpayoReconciliationScenarioTest {

    private static final OpayoSimulator SIMULATOR = new OpayoSimulator(Clock.system(ZoneId.of("Europe/London")));
    private static SandboxServer sandbox;
    private final OpayoPiConnector connector = new OpayoPiConnector(new RemoteHttp(),
            Clock.system(ZoneId.of("Europe/London")));

    @BeforeAll
    static void start() throws IOException {
        sandbox = SandboxServer.start(0, List.of(SIMULATOR));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void fresh() {
        SIMULATOR.reset();
    }

    private static HttpResponse<String> send(String method, String body) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(sandbox.url(SIMULATOR) + "/_sandbox/reconciliation-scenario"))
                .header(SandboxControls.TOKEN_HEADER, sandbox.controlToken())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Every record of an operation, polling from the lookback until the cursor stops moving. */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> pollAll(String operation) throws ConnectorException {
        FixedConnection connection = FixedConnection.sandbox(SIMULATOR, sandbox.url(SIMULATOR))
                .withSetting(OpayoSettings.REPORTING_LOOKBACK_HOURS, String.valueOf(24 * 25));
        List<Map<String, Object>> records = new ArrayList<>();
        Object cursor = null;
        for (int poll = 0; poll < 40; poll++) {
            Map<String, Object> input = new HashMap<>();
            input.put("cursor", cursor);
            Map<String, Object> answer = (Map<String, Object>) connector.invoke(connection.call(operation, input,
                    "step-" + UUID.randomUUID()));
            records.addAll((List<Map<String, Object>>) answer.get("records"));
            if (answer.get("cursor").equals(cursor)) {
                break;
            }
            cursor = answer.get("cursor");
        }
        return records;
    }

    @Test
    @SuppressWarnings("unchecked")
    void theScenariosPaymentsAreListedWithChecksFeesAndBatches() throws Exception {
        LocalDate end = LocalDate.now(ZoneOffset.UTC).minusDays(2);
        HttpResponse<String> loaded = send("POST", "{\"seed\": 11, \"orders\": 40, \"endDate\": \"" + end + "\"}");
        assertThat(loaded.statusCode()).isEqualTo(201);
        Map<String, Object> scenario = (Map<String, Object>) PayloadJson.read(loaded.body());
        ReconciliationScenario expected = ReconciliationScenario.generate(11, 40, end);

        List<Map<String, Object>> transactions = pollAll("pollTransactions").stream()
                .map(record -> (Map<String, Object>) record.get("data")).toList();
        List<Map<String, Object>> batches = pollAll("pollBatches");

        assertThat(scenario.get("settlementId")).isEqualTo(expected.settlementId());
        assertThat(transactions).extracting(data -> data.get("transactionId"))
                .containsExactlyInAnyOrderElementsOf(expected.payments().stream()
                        .map(ReconciliationScenario.Payment::transactionId).toList());
        ReconciliationScenario.Payment notAuthenticated = expected.payments().stream()
                .filter(payment -> "NotAuthenticated".equals(payment.threeDSecureStatus())).findFirst().orElseThrow();
        assertThat(transactions).filteredOn(data -> data.get("transactionId").equals(notAuthenticated.transactionId()))
                .singleElement().satisfies(data -> assertThat(data)
                        .containsEntry("vendorTxCode", notAuthenticated.vendorTxCode())
                        .containsEntry("amount", notAuthenticated.amountMinor())
                        .containsEntry("threeDSecureStatus", "NotAuthenticated")
                        .containsEntry("avsCvcStatus", "AllMatched")
                        .containsEntry("fee", notAuthenticated.feeMinor())
                        .containsKey("batchId"));
        ReconciliationScenario.Payment refund = expected.payments().stream()
                .filter(payment -> payment.transactionType().equals("Refund")).findFirst().orElseThrow();
        assertThat(transactions).filteredOn(data -> data.get("transactionId").equals(refund.transactionId()))
                .singleElement().satisfies(data -> assertThat(data)
                        .containsEntry("relatedTransactionId", refund.relatedTransactionId()));
        assertThat(batches).hasSize(((List<Object>) scenario.get("batchIds")).size());

        HttpResponse<String> read = send("GET", null);
        assertThat(PayloadJson.read(read.body())).isEqualTo(scenario);
    }

    @Test
    void withoutAScenarioTheControlSaysSo() throws Exception {
        assertThat(send("GET", null).statusCode()).isEqualTo(404);
        assertThat(send("POST", "{\"seed\": \"x\"}").body()).contains("seed: must be a whole number");
    }
}
