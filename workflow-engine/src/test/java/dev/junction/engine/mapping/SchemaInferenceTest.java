package dev.junction.engine.mapping;

import dev.junction.engine.json.PayloadJson;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaInferenceTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> at(Map<String, Object> schema, String... path) {
        Map<String, Object> current = schema;
        for (String step : path) {
            current = "[]".equals(step) ? (Map<String, Object>) current.get("items")
                    : (Map<String, Object>) ((Map<String, Object>) current.get("properties")).get(step);
        }
        return current;
    }

    @Test
    void everyFieldGetsTheTypeOfItsValueAndArraysTheMergedTypeOfTheirElements() {
        Object sample = PayloadJson.read("""
                {"AmazonOrderId": "205-1", "PurchaseDate": "2026-11-24T09:00:00Z", "ShipBy": "2026-11-30",
                 "OrderTotal": {"CurrencyCode": "GBP", "Amount": "59.97"}, "IsPrime": false, "Phone": null,
                 "OrderItems": [{"SellerSKU": "SKU-1", "QuantityOrdered": 3, "Price": 1},
                                {"SellerSKU": "SKU-2", "QuantityOrdered": 1, "Price": 2.5, "Gift": true}],
                 "Tags": []}""");

        Map<String, Object> schema = SchemaInference.infer(sample);

        assertThat(schema.get("type")).isEqualTo("object");
        assertThat(List.<Object>copyOf(((Map<?, ?>) schema.get("properties")).keySet())).containsExactly("AmazonOrderId", "PurchaseDate",
                "ShipBy", "OrderTotal", "IsPrime", "Phone", "OrderItems", "Tags");
        assertThat(at(schema, "OrderTotal", "Amount")).isEqualTo(Map.of("type", "string"));
        assertThat(at(schema, "PurchaseDate")).isEqualTo(Map.of("type", "string", "format", "date-time"));
        assertThat(at(schema, "ShipBy")).isEqualTo(Map.of("type", "string", "format", "date"));
        assertThat(at(schema, "IsPrime")).isEqualTo(Map.of("type", "boolean"));
        assertThat(at(schema, "Phone")).as("a null says nothing of the type").isEmpty();
        assertThat(at(schema, "OrderItems").get("type")).isEqualTo("array");
        assertThat(at(schema, "OrderItems", "[]", "QuantityOrdered")).isEqualTo(Map.of("type", "integer"));
        assertThat(at(schema, "OrderItems", "[]", "Price")).as("1 and 2.5").isEqualTo(Map.of("type", "number"));
        assertThat(at(schema, "OrderItems", "[]", "Gift")).isEqualTo(Map.of("type", "boolean"));
        assertThat(at(schema, "OrderItems", "[]").get("required")).as("Gift is in one element only")
                .isEqualTo(List.of("SellerSKU", "QuantityOrdered", "Price"));
        assertThat(at(schema, "Tags").get("items")).isEqualTo(Map.of());
        assertThat(List.<Object>copyOf((List<?>) schema.get("required"))).doesNotContain("Phone").contains("AmazonOrderId");
    }

    @Test
    void aGeneratedSampleOfAnInferredSchemaHasTheSampleShape() {
        Object sample = PayloadJson.read("""
                {"id": "A-1", "count": 2, "lines": [{"sku": "X", "qty": 1}]}""");

        Object generated = SampleGenerator.generate(SchemaInference.infer(sample));

        assertThat(SchemaInference.infer(generated)).isEqualTo(SchemaInference.infer(sample));
    }
}
