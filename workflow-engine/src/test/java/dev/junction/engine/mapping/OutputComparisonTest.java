package dev.junction.engine.mapping;

import dev.junction.engine.json.PayloadJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OutputComparisonTest {

    @Test
    void differencesAreNamedByPathAndKind() {
        Object expected = PayloadJson.read("""
                {"id": "A", "total": 5, "items": [{"sku": "X", "qty": 1}, {"sku": "Y", "qty": 2}], "note": "n"}""");
        Object actual = PayloadJson.read("""
                {"id": "A", "total": 5.0, "items": [{"sku": "X", "qty": 1}, {"sku": "Z", "qty": 2}, {"sku": "W"}],
                 "extra": true}""");

        assertThat(OutputComparison.between(expected, actual)).containsExactly(
                new OutputComparison.Difference("items[1].sku", "changed", "Y", "Z"),
                new OutputComparison.Difference("items[2]", "added", null, PayloadJson.read("{\"sku\": \"W\"}")),
                new OutputComparison.Difference("note", "removed", "n", null),
                new OutputComparison.Difference("extra", "added", null, true));
        assertThat(OutputComparison.between(expected, expected)).isEmpty();
        assertThat(OutputComparison.between("a", 1L)).containsExactly(
                new OutputComparison.Difference("", "changed", "a", 1L));
    }
}
