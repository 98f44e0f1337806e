package dev.junction.connectors.contract;

import dev.junction.engine.connectors.Connector;
import dev.junction.engine.connectors.ConnectorCatalog;
import dev.junction.engine.connectors.OperationDescriptor;
import dev.junction.engine.connectors.OperationInputCheck;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a connector's description and its code disagreed before the central check read the description: each
 * drift, with the input that told them apart. Each assertion fails on the old descriptor.
 */
class DescriptorDriftTest {

    private static final ConnectorCatalog CATALOG = ConnectorCatalog.discovered();

    private static OperationDescriptor operation(String connector, String operation) {
        return CATALOG.find(connector).orElseThrow().descriptor().operation(operation).orElseThrow();
    }

    private static List<String> problems(String connector, String operation, Map<String, Object> input) {
        return OperationInputCheck.problems(operation(connector, operation), input).stream()
                .map(problem -> problem.path() + ": " + problem.message()).toList();
    }

    @Test
    void opayoCardExpiryIsMonthThenYearAsTheCodeAlwaysChecked() {
        // the descriptor said ^[0-9]{4}$, which takes month 13; the code checked MMYY
        Map<String, Object> card = Map.of("cardholderName", "Ada Lovelace", "cardNumber", "4929000000006");

        assertThat(problems("opayo-pi", "createCardIdentifier", with(card, "expiryDate", "1230"))).isEmpty();
        assertThat(problems("opayo-pi", "createCardIdentifier", with(card, "expiryDate", "1399")))
                .singleElement().asString().startsWith("input.expiryDate: must match ^(0[1-9]|1[0-2])[0-9]{2}$")
                .contains("MMYY");
        assertThat(problems("opayo-pi", "createCardIdentifier", with(card, "expiryDate", "0030"))).hasSize(1);
    }

    @Test
    void amazonFulfillmentOrdersNeedWhatTheDescriptorCalledRequired() {
        // required in the descriptor, but only Amazon refused them (a 400, after the rate-limit token was spent)
        List<String> found = problems("amazon-sp-api", "createFulfillmentOrder", Map.of(
                "displayableOrderDate", "2026-11-20T10:15:00Z", "displayableOrderComment", "Thanks",
                "shippingSpeedCategory", "Standard", "destinationAddress", Map.of("name", "Ada",
                        "addressLine1", "1 Row", "countryCode", "GB"),
                "items", List.of(Map.of("sellerSku", "JN-MUG-001", "sellerFulfillmentOrderItemId", "1",
                        "quantity", 1))));

        assertThat(found).contains("input.displayableOrderId: is required but missing",
                "input.destinationAddress.postalCode: is required but missing");
    }

    @Test
    void amazonPageLimitsAreTheOnesTheCodeApplies() {
        // getReports: the descriptor said "default 5" with no bound, the code refused more than 20 pages
        assertThat(problems("amazon-sp-api", "getReports", Map.of("maxPages", 21))).singleElement().asString()
                .startsWith("input.maxPages: must be at most 20");
        assertThat(problems("amazon-sp-api", "getOrders", Map.of("CreatedAfter", "2026-11-01T00:00:00Z",
                "maxPages", 51))).singleElement().asString().startsWith("input.maxPages: must be at most 50");
    }

    @Test
    void dataverseTakesWhatItsCodeTakes() {
        // dates: the descriptor said date-time, the code took a plain date as midnight UTC
        assertThat(problems("dataverse", "querySalesOrders", Map.of("modifiedAfter", "2026-11-24"))).isEmpty();
        // select: the descriptor said a list, the code took one name as a list of one
        assertThat(problems("dataverse", "querySalesOrders", Map.of("select", "ordernumber"))).isEmpty();
        assertThat(problems("dataverse", "querySalesOrders", Map.of("select", "Order Number"))).hasSize(1);
        // trackingNumbers: optional in the descriptor, required by the code
        assertThat(problems("dataverse", "writeShipmentTracking", Map.of("ordernumber", "ORD-1")))
                .contains("input.trackingNumbers: is required but missing");
        // emailaddress1: the descriptor said any text, the code wanted an e-mail address
        assertThat(problems("dataverse", "findOrCreateContact", Map.of("emailaddress1", "ada"))).singleElement()
                .asString().startsWith("input.emailaddress1: must be a email");
    }

    @Test
    void readOnlyIsDeclaredAndLookUpsThatOnlyReadCount() {
        Map<String, List<String>> readOnly = CATALOG.all().stream().collect(Collectors.toMap(
                connector -> connector.descriptor().id(), connector -> connector.descriptor().operations().stream()
                        .filter(OperationDescriptor::readOnly).map(OperationDescriptor::id).toList()));

        assertThat(readOnly.get("dataverse")).containsExactly("querySalesOrders", "pollSalesOrders", "getRecord",
                "findProductByNumber");
        assertThat(readOnly.get("amazon-sp-api")).containsExactly("getOrders", "pollOrders", "getOrder",
                "getOrderItems", "getFulfillmentOrder", "getPackageTrackingDetails", "getReport", "getReports",
                "getReportDocument", "getSettlementReport", "pollSettlementReports");
        assertThat(readOnly.get("opayo-pi")).containsExactly("getTransaction", "findTransactionByVendorTxCode",
                "pollTransactions", "pollBatches");
        assertThat(readOnly.get("http")).containsExactly("poll");
    }

    @Test
    void theOutputsOfOperationsThatAnswerVendorShapesAreThoseShapes() {
        assertThat(operation("amazon-sp-api", "getOrder").outputSchema()).containsEntry("$id", "sp-api/Order");
        assertThat(operation("amazon-sp-api", "getFulfillmentOrder").outputSchema())
                .containsEntry("$id", "sp-api/FulfillmentOrder");
        assertThat(operation("opayo-pi", "createTransaction").outputSchema())
                .containsEntry("$id", "opayo/TransactionResponse");
        assertThat(operation("opayo-pi", "getTransaction").outputSchema())
                .containsEntry("$id", "opayo/TransactionResponse");
    }

    @Test
    void everyConnectorsDescriptorListsExactlyTheOperationsItBinds() {
        for (Connector connector : CATALOG.all()) {
            assertThat(connector.descriptor().operations()).isEqualTo(connector.operations().stream()
                    .map(dev.junction.engine.connectors.Operation::descriptor).toList());
        }
    }

    private static Map<String, Object> with(Map<String, Object> input, String name, Object value) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(input);
        copy.put(name, value);
        return copy;
    }
}
