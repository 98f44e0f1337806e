package dev.junction.connectors.amazon;

import dev.junction.connectors.sandbox.SandboxControls;
import dev.junction.connectors.sandbox.reconciliation.ReconciliationScenario;
import dev.junction.engine.connectors.ConnectorException;
import dev.junction.engine.json.PayloadJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The reconciliation scenario control: a seeded settlement report with injected discrepancies, read back. */
class AmazonSettlementScenarioTest {

    private static AmazonSandbox sandbox;

    @BeforeAll
    static void start() throws IOException {
        sandbox = new AmazonSandbox();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void reset() {
        sandbox.simulator.reset();
    }

    private static HttpResponse<String> send(String method, String body) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(sandbox.url() + "/_sandbox/reconciliation-scenario"))
                .header(SandboxControls.TOKEN_HEADER, sandbox.server.controlToken())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String text) {
        return (Map<String, Object>) PayloadJson.read(text);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theScenarioIsPublishedAsASettlementReportTheConnectorReads() throws Exception {
        HttpResponse<String> published = send("POST", "{\"seed\": 7, \"orders\": 40, \"endDate\": \"2026-11-30\"}");
        assertThat(published.statusCode()).isEqualTo(201);
        Map<String, Object> scenario = json(published.body());
        ReconciliationScenario expected = ReconciliationScenario.generate(7, 40, LocalDate.of(2026, 11, 30));

        Map<String, Object> settlement = (Map<String, Object>) sandbox.invoke(sandbox.connection(),
                "getSettlementReport", Map.of("reportId", scenario.get("reportId")));

        assertThat(scenario.get("settlementId")).isEqualTo(expected.settlementId());
        assertThat((List<Object>) scenario.get("injectedDiscrepancies")).hasSize(8);
        assertThat((List<Object>) scenario.get("injectedHints")).hasSize(3);
        assertThat(settlement.get("settlementId")).isEqualTo(expected.settlementId());
        assertThat(settlement.get("currency")).isEqualTo("EUR");
        assertThat(settlement.get("settlementStartDate")).isEqualTo("2026-11-17 00:00:00 UTC");
        assertThat(new BigDecimal((String) settlement.get("totalAmount")))
                .isEqualByComparingTo(BigDecimal.valueOf(expected.totalMinor(), 2));
        List<Map<String, Object>> rows = (List<Map<String, Object>>) settlement.get("transactions");
        assertThat(rows).hasSize(expected.rows().size());
        assertThat(rows).anySatisfy(row -> assertThat(row).containsEntry("amountDescription",
                ReconciliationScenario.UNKNOWN_FEE_TYPE));
        assertThat(rows.getFirst()).containsEntry("transactionType", "Order").containsEntry("amountType", "ItemPrice")
                .containsEntry("orderId", expected.rows().getFirst().orderId());

        HttpResponse<String> read = send("GET", null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json(read.body())).isEqualTo(scenario);
    }

    @Test
    void theSameSeedGivesTheSameSettlementAndAnotherSeedAnotherOne() throws Exception {
        Map<String, Object> first = json(send("POST", "{\"seed\": 3, \"endDate\": \"2026-11-30\"}").body());
        Map<String, Object> again = json(send("POST", "{\"seed\": 3, \"endDate\": \"2026-11-30\"}").body());
        Map<String, Object> other = json(send("POST", "{\"seed\": 4, \"endDate\": \"2026-11-30\"}").body());
        first.remove("reportId");
        again.remove("reportId");
        other.remove("reportId");
        assertThat(again).isEqualTo(first);
        assertThat(other.get("injectedDiscrepancies")).isNotEqualTo(first.get("injectedDiscrepancies"));
    }

    @Test
    void badFieldsAreRefusedByName() throws Exception {
        HttpResponse<String> answer = send("POST", "{\"orders\": 5}");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("orders: must be between 12 and 200000, was 5");
        assertThat(send("POST", "{\"endDate\": \"yesterday\"}").body()).contains("endDate: must be a date");
        assertThat(send("GET", null).statusCode()).isEqualTo(404);
    }

    @Test
    void theSettlementReportsThatExistedAreUnchanged() throws ConnectorException {
        assertThat(((List<?>) ((Map<?, ?>) sandbox.invoke(sandbox.connection(), "getReports",
                Map.of("reportTypes", "GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2"))).get("reports"))).hasSize(2);
    }
}
