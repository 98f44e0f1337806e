package dev.junction.engine.mapping;

import dev.junction.engine.json.PayloadJson;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SampleGeneratorTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> schema(String json) {
        return (Map<String, Object>) PayloadJson.read(json);
    }

    @Test
    void everyPropertyGetsAPlausibleValueOfItsTypeFormatEnumAndBounds() {
        Map<String, Object> schema = schema("""
                {"type": "object", "properties": {
                  "status": {"type": "string", "enum": ["Shipped", "Pending"]},
                  "createdAt": {"type": "string", "format": "date-time"},
                  "email": {"type": "string", "format": "email"},
                  "currencyCode": {"type": "string"},
                  "vendorTxCode": {"type": "string", "maxLength": 5},
                  "pin": {"type": "string", "minLength": 12},
                  "amount": {"type": "integer", "minimum": 100},
                  "rate": {"type": "number", "maximum": 1},
                  "prime": {"type": "boolean"},
                  "kind": {"const": "sale"},
                  "country": {"type": ["string", "null"], "default": "GB"},
                  "lines": {"type": "array", "minItems": 2, "items": {"type": "object", "properties": {
                    "sku": {"type": "string", "examples": ["SKU-1"]}, "qty": {"type": "integer"}}}}}}""");

        Map<?, ?> sample = (Map<?, ?>) SampleGenerator.generate(schema);

        assertThat(List.<Object>copyOf(sample.keySet())).containsExactly("status", "createdAt", "email", "currencyCode", "vendorTxCode",
                "pin", "amount", "rate", "prime", "kind", "country", "lines");
        assertThat(sample.get("status")).isEqualTo("Shipped");
        assertThat(sample.get("createdAt")).isEqualTo("2026-01-15T09:30:00Z");
        assertThat(sample.get("email")).isEqualTo("jane@example.com");
        assertThat(sample.get("currencyCode")).isEqualTo("GBP");
        assertThat((String) sample.get("vendorTxCode")).hasSize(5);
        assertThat((String) sample.get("pin")).hasSize(12);
        assertThat(sample.get("amount")).isEqualTo(100L);
        assertThat(sample.get("rate")).isEqualTo(1.0);
        assertThat(sample.get("prime")).isEqualTo(true);
        assertThat(sample.get("kind")).isEqualTo("sale");
        assertThat(sample.get("country")).isEqualTo("GB");
        assertThat((List<?>) sample.get("lines")).hasSize(2)
                .allSatisfy(line -> assertThat(line).isEqualTo(Map.of("sku", "SKU-1", "qty", 1L)));
    }

    @Test
    void refsToDefsAreFollowedAndARecursiveOneEnds() {
        Map<String, Object> schema = schema("""
                {"type": "object", "properties": {
                  "billing": {"$ref": "#/$defs/Address"},
                  "party": {"allOf": [{"$ref": "#/$defs/Address"}, {"properties": {"vat": {"type": "string"}}}]},
                  "tree": {"$ref": "#/$defs/Node"}},
                 "$defs": {
                  "Address": {"type": "object", "properties": {"postCode": {"type": "string"}}},
                  "Node": {"type": "object", "properties": {"child": {"$ref": "#/$defs/Node"}}}}}""");

        Map<?, ?> sample = (Map<?, ?>) SampleGenerator.generate(schema);

        assertThat(sample.get("billing")).isEqualTo(Map.of("postCode", "LS1 1AA"));
        assertThat(List.<Object>copyOf(((Map<?, ?>) sample.get("party")).keySet())).containsExactlyInAnyOrder("postCode", "vat");
        Object node = sample.get("tree");
        int depth = 0;
        while (node instanceof Map<?, ?> map) {
            node = map.get("child");
            depth++;
        }
        assertThat(node).isNull();
        assertThat(depth).isBetween(2, SampleGenerator.MAX_DEPTH);
    }
}
