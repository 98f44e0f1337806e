package dev.junction.engine.mapping;

import dev.junction.engine.mapping.model.MappingDocument;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MappingDiffTest {

    private static MappingDocument mapping(String target, List<Map<String, Object>> rules) {
        return MappingJson.read(Map.of("schemaVersion", 1, "source", Map.of("schema", "sp-api/Order"),
                "target", Map.of("schema", target), "rules", rules)).orThrow();
    }

    @Test
    void rulesAreComparedByTheirTargetPathInsideForEachToo() {
        MappingDocument v1 = mapping("opayo/TransactionRequest", List.of(
                Map.of("target", "vendorTxCode", "from", "AmazonOrderId"),
                Map.of("target", "currency", "from", "OrderTotal.CurrencyCode"),
                Map.of("target", "items", "forEach", "OrderItems", "rules", List.of(
                        Map.of("target", "sku", "from", "SellerSKU"),
                        Map.of("target", "qty", "from", "QuantityOrdered")))));
        MappingDocument v2 = mapping("opayo/TransactionRequest", List.of(
                Map.of("target", "currency", "from", "OrderTotal.CurrencyCode"),
                Map.of("target", "vendorTxCode", "from", "AmazonOrderId", "pipe", List.of(Map.of("fn", "upper"))),
                Map.of("target", "description", "value", "Amazon order"),
                Map.of("target", "items", "forEach", "OrderItems", "rules", List.of(
                        Map.of("target", "sku", "from", "SellerSKU", "lookup", "sku-asin")))));

        MappingDiff diff = MappingDiff.between(v1, v2);

        assertThat(diff.sourceChanged()).isFalse();
        assertThat(diff.targetChanged()).isFalse();
        assertThat(diff.addedRules()).containsExactly("description");
        assertThat(diff.removedRules()).containsExactly("items[].qty");
        assertThat(diff.changedRules()).extracting(MappingDiff.ChangedRule::target)
                .containsExactly("vendorTxCode", "items[].sku");
        assertThat(MappingDiff.between(v1, mapping("canonical/Order", List.of())).targetChanged()).isTrue();
        assertThat(MappingDiff.between(v1, v1)).isEqualTo(new MappingDiff(false, false, List.of(), List.of(),
                List.of()));
    }
}
