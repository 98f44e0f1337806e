package dev.junction.connectors.dataverse;

import dev.junction.engine.connectors.ConnectorException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** querySalesOrders (filters from inputs, paging) and pollSalesOrders (change tracking) against the simulator. */
class DataverseSalesOrderReadsTest {

    private static DataverseSandbox sandbox;

    @BeforeAll
    static void start() throws Exception {
        sandbox = new DataverseSandbox();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void reset() {
        sandbox.reset();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    private static List<Object> orderNumbers(Map<String, Object> answer) {
        return list(answer.get("orders")).stream().map(order -> order.get("ordernumber")).toList();
    }

    @Test
    void submittedOrdersComeOldestChangeFirstOverSeveralPagesWithLinesProductsAndCurrency() throws Exception {
        Map<String, Object> answer = sandbox.call("querySalesOrders", Map.of("statecode", 1L, "pageSize", 2L));

        assertThat(orderNumbers(answer)).containsExactly("ORD-01042-Q7F2R9", "ORD-01045-D4F6G2", "ORD-01049-H8P1Q2");
        assertThat(answer.get("complete")).isEqualTo(true);
        Map<String, Object> first = list(answer.get("orders")).getFirst();
        assertThat(first.get("@odata.etag").toString()).startsWith("W/\"");
        assertThat(first.get("statuscode@OData.Community.Display.V1.FormattedValue")).isEqualTo("In Progress");
        assertThat(first.get("transactioncurrencyid")).isEqualTo(Map.of("@odata.etag",
                ((Map<?, ?>) first.get("transactioncurrencyid")).get("@odata.etag"),
                "transactioncurrencyid", "a3b5c8d0-1f2e-ef11-8a69-000d3a4b2c11", "isocurrencycode", "GBP"));
        List<Map<String, Object>> lines = list(first.get("order_details"));
        assertThat(lines).extracting(line -> (Object) ((Map<?, ?>) line.get("productid")).get("productnumber"))
                .containsExactly("GF-BENCH-150", "GF-TABLE-200");
        assertThat(lines).extracting(line -> line.get("quantity")).containsExactly(2.0, 1.0);
    }

    @Test
    void theNumberOfPagesIsLimitedAndTheAnswerSaysWhereToGoOn() throws Exception {
        Map<String, Object> answer = sandbox.call("querySalesOrders", Map.of("pageSize", 3L, "maxPages", 1L,
                "includeDetails", false));

        assertThat(orderNumbers(answer)).hasSize(3);
        assertThat(answer.get("complete")).isEqualTo(false);
        assertThat(answer.get("nextLink").toString()).startsWith(sandbox.baseUrl + "/api/data/v9.2/salesorders?")
                .contains("$skiptoken=");
        assertThat(list(answer.get("orders")).getFirst()).doesNotContainKey("order_details");
    }

    @Test
    void modificationTimeAndCustomerFiltersAreBuiltFromTypedInputs() throws Exception {
        Map<String, Object> recent = sandbox.call("querySalesOrders", Map.of("modifiedAfter", "2026-11-26T00:00:00Z"));
        Map<String, Object> window = sandbox.call("querySalesOrders", Map.of("modifiedAfter", "2026-11-24",
                "modifiedBefore", "2026-11-26T15:10:00+01:00"));
        Map<String, Object> priyas = sandbox.call("querySalesOrders", Map.of("customerId",
                "2D0F3B55-4D9E-EF11-8A69-000D3A4B2C11", "statecode", 0L));

        assertThat(orderNumbers(recent)).containsExactly("ORD-01045-D4F6G2", "ORD-01048-G7M9N5", "ORD-01049-H8P1Q2");
        assertThat(orderNumbers(window)).containsExactly("ORD-01043-B2K8M1", "ORD-01044-C9D3E7", "ORD-01045-D4F6G2");
        assertThat(orderNumbers(priyas)).containsExactly("ORD-01044-C9D3E7", "ORD-01048-G7M9N5");
    }

    @Test
    void anOrderNumberWithQuotesIsOnlyEverAValueNeverFilterSyntax() throws Exception {
        Map<String, Object> exact = sandbox.call("querySalesOrders", Map.of("ordernumber", "ORD-01042-Q7F2R9"));
        Map<String, Object> injected = sandbox.call("querySalesOrders",
                Map.of("ordernumber", "x' or statecode eq 0 or ordernumber eq 'y"));

        assertThat(orderNumbers(exact)).containsExactly("ORD-01042-Q7F2R9");
        assertThat(orderNumbers(injected)).isEmpty();
    }

    @Test
    void malformedInputsFailPermanentlyNamingTheFieldBeforeAnyCall() throws Exception {
        sandbox.planFault("*", 500, null, 10);

        ConnectorException date = sandbox.failure("querySalesOrders", Map.of("modifiedAfter", "yesterday"));
        ConnectorException guid = sandbox.failure("querySalesOrders", Map.of("customerId", "1 or 1 eq 1"));
        ConnectorException column = sandbox.failure("querySalesOrders", Map.of("select", List.of("name,statecode")));
        ConnectorException pages = sandbox.failure("querySalesOrders", Map.of("pageSize", 6000L));

        assertThat(List.of(date, guid, column, pages)).allSatisfy(failure -> {
            assertThat(failure.errorClass()).isEqualTo("InvalidInput");
            assertThat(failure.retryable()).isFalse();
        });
        assertThat(date.getMessage()).contains("modifiedAfter");
        assertThat(guid.getMessage()).contains("customerId");
        assertThat(column.getMessage()).contains("select");
        assertThat(pages.getMessage()).contains("pageSize").contains("5000");
    }

    @Test
    void theFirstPollAnswersEveryOrderAndTheDeltaLinkThenOnlyChangesAndDeletions() throws Exception {
        Map<String, Object> first = sandbox.call("pollSalesOrders", Map.of("pageSize", 3L));
        String cursor = (String) first.get("cursor");
        Map<String, Object> quiet = sandbox.call("pollSalesOrders", Map.of("cursor", cursor));

        sandbox.call("updateRecord", Map.of("entitySet", "salesorders", "id", "7e1b6f02-3c8d-ef11-8a69-000000000002",
                "record", Map.of("description", "Deliver to the back gate")));
        sandbox.simulator.deleteRecord("salesorders", "7e1b6f02-3c8d-ef11-8a69-000000000007");
        Map<String, Object> changes = sandbox.call("pollSalesOrders", Map.of("cursor", quiet.get("cursor")));

        assertThat(list(first.get("records"))).hasSize(8);
        assertThat(cursor).startsWith(sandbox.baseUrl + "/api/data/v9.2/salesorders?").contains("$deltatoken=");
        Map<?, ?> firstData = (Map<?, ?>) list(first.get("records")).getFirst().get("data");
        assertThat(firstData.get("deleted")).isEqualTo(false);
        assertThat(list(firstData.get("order_details"))).isNotEmpty();
        assertThat(list(quiet.get("records"))).isEmpty();
        List<Map<String, Object>> records = list(changes.get("records"));
        assertThat(records).extracting(record -> record.get("key")).containsExactly(
                "7e1b6f02-3c8d-ef11-8a69-000000000002", "7e1b6f02-3c8d-ef11-8a69-000000000007");
        Map<?, ?> updated = (Map<?, ?>) records.get(0).get("data");
        assertThat(updated.get("description")).isEqualTo("Deliver to the back gate");
        assertThat(updated.get("deleted")).isEqualTo(false);
        assertThat(list(updated.get("order_details"))).hasSize(1);
        assertThat(records.get(1).get("data")).isEqualTo(Map.of("salesorderid",
                "7e1b6f02-3c8d-ef11-8a69-000000000007", "deleted", true));
        assertThat(changes.get("cursor")).isNotEqualTo(quiet.get("cursor"));
    }

    @Test
    void aPollStoppedByItsPageLimitGoesOnFromTheNextPageNextTime() throws Exception {
        Map<String, Object> part = sandbox.call("pollSalesOrders", Map.of("pageSize", 3L, "maxPages", 1L,
                "includeDetails", false));
        Map<String, Object> rest = sandbox.call("pollSalesOrders", Map.of("cursor", part.get("cursor"),
                "pageSize", 3L, "includeDetails", false));

        assertThat(list(part.get("records"))).hasSize(3);
        assertThat(part.get("cursor").toString()).contains("$skiptoken=");
        assertThat(list(rest.get("records"))).hasSize(5);
        assertThat(rest.get("cursor").toString()).contains("$deltatoken=").doesNotContain("$skiptoken");
    }

    @Test
    void aPollCanKeepOnlyOrdersInOneStateButAlwaysReportsDeletions() throws Exception {
        Map<String, Object> submitted = sandbox.call("pollSalesOrders", Map.of("statecode", 1L,
                "includeDetails", false));
        sandbox.simulator.deleteRecord("salesorders", "7e1b6f02-3c8d-ef11-8a69-000000000003");
        Map<String, Object> after = sandbox.call("pollSalesOrders", Map.of("statecode", 1L,
                "cursor", submitted.get("cursor")));

        assertThat(list(submitted.get("records"))).extracting(record -> (Object) ((Map<?, ?>) record.get("data"))
                .get("ordernumber")).containsExactlyInAnyOrder("ORD-01042-Q7F2R9", "ORD-01045-D4F6G2",
                "ORD-01049-H8P1Q2");
        assertThat(list(after.get("records"))).extracting(record -> record.get("key"))
                .containsExactly("7e1b6f02-3c8d-ef11-8a69-000000000003");
    }

    @Test
    void aCursorPointingAnywhereElseIsRefusedWithoutSendingTheToken() {
        ConnectorException failure = sandbox.failure("pollSalesOrders",
                Map.of("cursor", "https://attacker.example/api/data/v9.2/salesorders?$deltatoken=1"));

        assertThat(failure.errorClass()).isEqualTo("ForeignLink");
        assertThat(failure.retryable()).isFalse();
        assertThat(sandbox.simulator.tokensIssued()).isZero();
    }
}
