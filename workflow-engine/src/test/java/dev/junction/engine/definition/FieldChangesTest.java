package dev.junction.engine.definition;

import dev.junction.engine.definition.FieldChanges.FieldChange;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class FieldChangesTest {

    @Test
    void nestedChangesAreDottedPathsWithBothValuesAndListsAreOneValue() {
        Map<String, Object> before = Map.of("name", "Refund", "config", Map.of(
                "input", Map.of("reference", "{{ $.a }}", "amount", 1L), "tags", List.of("a")));
        Map<String, Object> after = Map.of("name", "Refund", "config", Map.of(
                "input", Map.of("reference", "{{ $.b }}", "currency", "GBP"), "tags", List.of("a", "b")));

        assertThat(FieldChanges.between(before, after)).containsExactlyInAnyOrder(
                new FieldChange("config.input.reference", Optional.of("{{ $.a }}"), Optional.of("{{ $.b }}")),
                new FieldChange("config.input.amount", Optional.of(1L), Optional.empty()),
                new FieldChange("config.input.currency", Optional.empty(), Optional.of("GBP")),
                new FieldChange("config.tags", Optional.of(List.of("a")), Optional.of(List.of("a", "b"))));
        assertThat(FieldChanges.between(before, before)).isEmpty();
    }
}
