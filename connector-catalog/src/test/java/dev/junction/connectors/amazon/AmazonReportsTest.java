package dev.junction.connectors.amazon;

import dev.junction.connectors.testing.FixedConnection;
import dev.junction.engine.connectors.ConnectorException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Reports against the simulator: the processing lifecycle, documents (gzipped or not), settlements. */
class AmazonReportsTest {

    private static final String SETTLEMENT = "GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2";
    private static AmazonSandbox sandbox;
    private FixedConnection connection;

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
        connection = sandbox.connection();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private String requestReport(Map<String, Object> options) throws ConnectorException {
        Map<String, Object> input = new HashMap<>();
        input.put("reportType", "GET_MERCHANT_LISTINGS_ALL_DATA");
        if (options != null) {
            input.put("reportOptions", options);
        }
        return (String) ((Map<?, ?>) sandbox.invoke(connection, "createReport", input)).get("reportId");
    }

    @Test
    void aRequestedReportIsProcessedAndItsDocumentReadByHeader() throws ConnectorException {
        String reportId = requestReport(null);

        ConnectorException notReady = catchThrowableOfType(ConnectorException.class, () -> sandbox.invoke(
                connection, "getReport", Map.of("reportId", reportId, "requireDone", true)));
        Map<?, ?> done = (Map<?, ?>) sandbox.invoke(connection, "getReport", Map.of("reportId", reportId));
        Map<String, Object> document = map(sandbox.invoke(connection, "getReportDocument",
                Map.of("reportDocumentId", done.get("reportDocumentId"))));

        assertThat(notReady.retryable()).isTrue();
        assertThat(notReady.errorClass()).isEqualTo("ReportNotReady");
        assertThat(notReady.retryAfter()).contains(Duration.ofSeconds(30));
        assertThat(done.get("processingStatus")).isEqualTo("DONE");
        assertThat(document.get("columns")).isEqualTo(
                List.of("item-name", "listing-id", "seller-sku", "price", "quantity", "asin1", "status"));
        assertThat(list(document.get("rows"))).hasSize(4);
        assertThat(list(document.get("rows")).getFirst()).containsEntry("seller-sku", "JN-MUG-001");
        assertThat(document).doesNotContainKey("url");
    }

    @Test
    void anExpiredDocumentUrlIsRetryableAndTheRetryGetsAFreshOne() throws Exception {
        String reportId = requestReport(null);
        sandbox.invoke(connection, "getReport", Map.of("reportId", reportId));
        Object documentId = ((Map<?, ?>) sandbox.invoke(connection, "getReport", Map.of("reportId", reportId)))
                .get("reportDocumentId");
        sandbox.plan("{\"operation\": \"documentDownload\", \"status\": 403}");

        ConnectorException expired = catchThrowableOfType(ConnectorException.class, () -> sandbox.invoke(
                connection, "getReportDocument", Map.of("reportDocumentId", documentId)));
        Map<?, ?> retried = (Map<?, ?>) sandbox.invoke(connection, "getReportDocument",
                Map.of("reportDocumentId", documentId));

        assertThat(expired.retryable()).isTrue();
        assertThat(expired.errorClass()).isEqualTo("DocumentUrlExpired");
        assertThat(expired.getMessage()).doesNotContain("X-Amz-Signature");
        assertThat(retried.get("rowCount")).isEqualTo(4L);
    }

    @Test
    void fatalAndCancelledReportsArePermanentFailuresThatSaySo() throws ConnectorException {
        String fatal = requestReport(Map.of("sandboxOutcome", "FATAL"));
        String cancelled = requestReport(Map.of("sandboxOutcome", "CANCELLED"));
        sandbox.invoke(connection, "getReport", Map.of("reportId", fatal));
        sandbox.invoke(connection, "getReport", Map.of("reportId", cancelled));

        ConnectorException fatalFailure = catchThrowableOfType(ConnectorException.class, () -> sandbox.invoke(
                connection, "getReport", Map.of("reportId", fatal)));
        ConnectorException cancelledFailure = catchThrowableOfType(ConnectorException.class, () -> sandbox.invoke(
                connection, "getReport", Map.of("reportId", cancelled)));

        assertThat(fatalFailure.retryable()).isFalse();
        assertThat(fatalFailure.errorClass()).isEqualTo("ReportFatal");
        assertThat(fatalFailure.getMessage()).contains(fatal, "FATAL");
        assertThat(cancelledFailure.retryable()).isFalse();
        assertThat(cancelledFailure.errorClass()).isEqualTo("ReportCancelled");
    }

    @Test
    void settlementReportsAreFoundByTypeAndCannotBeRequested() {
        ConnectorException refused = catchThrowableOfType(ConnectorException.class, () -> sandbox.invoke(
                connection, "createReport", Map.of("reportType", SETTLEMENT)));

        assertThat(refused.retryable()).isFalse();
        assertThat(refused.getMessage()).contains("cannot be requested");
    }

    @Test
    void getReportsFollowsPagesOfSettlementReports() throws ConnectorException {
        Map<?, ?> found = (Map<?, ?>) sandbox.invoke(connection, "getReports",
                Map.of("reportTypes", List.of(SETTLEMENT), "pageSize", 1));

        assertThat(list(found.get("reports"))).hasSize(2)
                .allMatch(report -> report.get("reportType").equals(SETTLEMENT)
                        && report.get("processingStatus").equals("DONE") && report.get("reportDocumentId") != null);
        assertThat(found.get("complete")).isEqualTo(true);
    }

    @Test
    void aSettlementReportBecomesOneSettlementWithItsTransactionsAndPlainAmounts() throws ConnectorException {
        List<Map<String, Object>> reports = list(((Map<?, ?>) sandbox.invoke(connection, "getReports",
                Map.of("reportTypes", SETTLEMENT))).get("reports"));
        Map<?, ?> newest = (Map<?, ?>) sandbox.invoke(connection, "getSettlementReport",
                Map.of("reportId", reports.getFirst().get("reportId")));
        Map<?, ?> byDocument = (Map<?, ?>) sandbox.invoke(connection, "getSettlementReport",
                Map.of("reportDocumentId", reports.getLast().get("reportDocumentId")));

        assertThat(newest.get("settlementId")).isEqualTo("24288000002");
        assertThat(newest.get("currency")).isEqualTo("EUR");
        List<Map<String, Object>> transactions = list(newest.get("transactions"));
        assertThat(transactions).isNotEmpty().allMatch(row -> row.containsKey("amountType")
                && row.containsKey("orderId") && !row.containsKey("settlementId"));
        assertThat(transactions.getFirst().get("amount")).as("95,00 read as 95.00").asString().matches("-?\\d+\\.\\d{2}");
        BigDecimal sum = transactions.stream().map(row -> new BigDecimal((String) row.get("amount")))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(new BigDecimal((String) newest.get("totalAmount"))).isEqualByComparingTo(sum);
        assertThat(transactions.getFirst().get("quantityPurchased")).isInstanceOf(Long.class);
        assertThat(byDocument.get("settlementId")).isEqualTo("24288000001");
        assertThat(byDocument.get("currency")).isEqualTo("USD");
    }

    @Test
    void pollSettlementReportsAnswersEachSettlementOnce() throws ConnectorException {
        Map<?, ?> first = (Map<?, ?>) sandbox.invoke(connection, "pollSettlementReports", Map.of());
        Map<?, ?> second = (Map<?, ?>) sandbox.invoke(connection, "pollSettlementReports",
                Map.of("cursor", first.get("cursor")));

        assertThat(list(first.get("records"))).extracting(record -> record.get("key"))
                .containsExactly("24288000001", "24288000002");
        assertThat(list(second.get("records"))).isEmpty();
    }

    @Test
    void theSandboxEnforcesTheUsagePlanAndAnEmptyBucketIsRetryableQuotaExceeded() throws ConnectorException {
        for (int call = 0; call < 10; call++) {
            sandbox.invoke(connection, "getReports", Map.of("reportTypes", SETTLEMENT));
        }

        ConnectorException throttled = catchThrowableOfType(ConnectorException.class, () -> sandbox.invoke(
                connection, "getReports", Map.of("reportTypes", SETTLEMENT)));

        assertThat(throttled.retryable()).isTrue();
        assertThat(throttled.errorClass()).isEqualTo("RateLimited");
        assertThat(throttled.getMessage()).contains("QuotaExceeded");
        assertThat(throttled.retryAfter()).as("SP-API documents no Retry-After").isEmpty();
    }

    @Test
    void flatFilesAndAmountsAreReadAsAmazonWritesThem() {
        FlatFile file = FlatFile.parse("\uFEFFsku\tamount\tnote\r\nA-1\t1.234,56\r\nB-2\t-7.5\tx\r\n\r\n");

        assertThat(file.columns()).containsExactly("sku", "amount", "note");
        assertThat(file.rows()).containsExactly(Map.of("sku", "A-1", "amount", "1.234,56", "note", ""),
                Map.of("sku", "B-2", "amount", "-7.5", "note", "x"));
        assertThat(SettlementReports.amount("1.234,56")).contains("1234.56");
        assertThat(SettlementReports.amount("1,234.56")).contains("1234.56");
        assertThat(SettlementReports.amount("95,00")).contains("95.00");
        assertThat(SettlementReports.amount("-12")).contains("-12");
        assertThat(SettlementReports.amount("n/a")).isEmpty();
        assertThat(SettlementReports.camelCase("quantity-purchased")).isEqualTo("quantityPurchased");
    }
}
