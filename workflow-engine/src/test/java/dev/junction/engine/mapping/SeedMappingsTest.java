package dev.junction.engine.mapping;

import dev.junction.engine.runs.LookupTables;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static dev.junction.engine.mapping.MappingTestSupport.COMPILER;
import static dev.junction.engine.mapping.MappingTestSupport.json;
import static dev.junction.engine.mapping.MappingTestSupport.resource;
import static org.assertj.core.api.Assertions.assertThat;

/** The shipped mappings on realistic samples, end to end (compiled, run, output checked against their target). */
class SeedMappingsTest {

    private static final Map<String, String> SKUS = Map.of("GF-BENCH-150", "BENCH-TEAK-150",
            "GF-TABLE-200", "TABLE-TEAK-200");

    private static MappingEnvironment withSkus() {
        return new MappingEnvironment(new LookupTables() {
            @Override
            public Optional<Object> find(String table, String key) {
                return "product-number-to-seller-sku".equals(table) ? Optional.ofNullable(SKUS.get(key))
                        : Optional.empty();
            }
        }, CurrencyRates.NONE);
    }

    @Test
    void aDataverseSalesOrderWithDetailsBecomesAValidFbaFulfillmentOrder() {
        CompiledMapping mapping = COMPILER.compile(MappingJson.read(resource("/junction/mappings/dynamics-order-to-fba-fulfillment.json")));
        assertThat(mapping.definitionWarnings()).isEmpty();

        MappingResult result = mapping.apply(resource("/samples/dataverse-salesorder.json"), withSkus());

        assertThat(result.problems()).isEmpty();
        assertThat(result.output()).isEqualTo(json("""
                {"sellerFulfillmentOrderId": "ORD-01042-Q7F2R9", "displayableOrderId": "ORD-01042-Q7F2R9",
                 "displayableOrderDate": "2026-11-23T16:42:07Z", "displayableOrderComment": "Thank you for your order",
                 "shippingSpeedCategory": "Standard", "fulfillmentAction": "Ship",
                 "destinationAddress": {"name": "Hollins & Co — Goods In", "addressLine1": "Unit 4, Riverside Trading Estate",
                   "addressLine2": "Canal Road", "city": "Leeds", "stateOrRegion": "West Yorkshire", "postalCode": "LS12 2AX",
                   "countryCode": "GB", "phone": "+44 113 496 0000"},
                 "items": [
                   {"sellerSku": "BENCH-TEAK-150", "sellerFulfillmentOrderItemId": "line-1", "quantity": 2,
                    "perUnitDeclaredValue": {"currencyCode": "GBP", "value": "399.50"}},
                   {"sellerSku": "TABLE-TEAK-200", "sellerFulfillmentOrderItemId": "line-2", "quantity": 1,
                    "perUnitDeclaredValue": {"currencyCode": "GBP", "value": "450.00"}}]}"""));
    }

    @Test
    void aProductWithoutASellerSkuFailsThatLineNamingTheKey() {
        CompiledMapping mapping = COMPILER.compile(MappingJson.read(resource("/junction/mappings/dynamics-order-to-fba-fulfillment.json")));
        Map<String, Object> order = resource("/samples/dataverse-salesorder.json");
        @SuppressWarnings("unchecked")
        Map<String, Object> second = (Map<String, Object>) ((java.util.List<?>) order.get("order_details")).get(1);
        second.put("productid", Map.of("productnumber", "GF-PARASOL-3"));

        MappingResult result = mapping.apply(order, withSkus());

        assertThat(result.problems()).extracting(problem -> problem.path() + " " + problem.code() + ": "
                + problem.message()).containsExactly(
                "items[1].sellerSku LookupKeyMissing: the key \"GF-PARASOL-3\" is not in lookup table"
                        + " 'product-number-to-seller-sku'",
                "items[1].sellerSku Required: is required but missing");
    }

    @Test
    void aFulfillmentOrderWithShipmentsBecomesADynamicsUpdateWithStatusDateAndTracking() {
        CompiledMapping mapping = COMPILER.compile(MappingJson.read(resource("/junction/mappings/fba-shipments-to-dynamics-order.json")));
        assertThat(mapping.definitionWarnings()).isEmpty();

        MappingResult result = mapping.apply(resource("/samples/fba-fulfillment-order.json"), MappingEnvironment.NONE);

        assertThat(result.problems()).isEmpty();
        assertThat(result.output()).isEqualTo(json("""
                {"ordernumber": "ORD-01042-Q7F2R9", "statecode": 3, "statuscode": 100002,
                 "datefulfilled": "2026-11-24T08:30:00Z",
                 "description": "FBA tracking: QA1234567890, QA1234567891"}"""));

        Map<String, Object> cancelled = resource("/samples/fba-fulfillment-order.json");
        @SuppressWarnings("unchecked")
        Map<String, Object> order = (Map<String, Object>) cancelled.get("fulfillmentOrder");
        order.put("fulfillmentOrderStatus", "Cancelled");
        Map<?, ?> output = (Map<?, ?>) mapping.apply(cancelled, MappingEnvironment.NONE).output();
        assertThat(output.get("statecode")).isEqualTo(2L);
        assertThat(output.get("statuscode")).isEqualTo(4L);
        order.put("fulfillmentOrderStatus", "Lost in transit");
        assertThat(mapping.apply(cancelled, MappingEnvironment.NONE).problems().stream().map(MappingProblem::path)
                .toList()).contains("statecode", "statuscode");
    }
}
