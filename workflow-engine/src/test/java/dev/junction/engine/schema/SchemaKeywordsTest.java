package dev.junction.engine.schema;

import dev.junction.engine.mapping.MappingProblem;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** pattern, additionalProperties: false, minItems and maxItems: the compiled check and the plain one agree. */
class SchemaKeywordsTest {

    private static List<String> compiled(Map<String, ?> schema, Object value) {
        List<MappingProblem> found = new ArrayList<>();
        SchemaValidator.compile(JsonSchema.of(schema)).validate(value, "input", found);
        return found.stream().map(problem -> problem.path() + " " + problem.code() + ": " + problem.message())
                .toList();
    }

    private static List<String> plain(Map<String, ?> schema, Object value) {
        List<MappingProblem> found = new ArrayList<>();
        SchemaValidator.validate(JsonSchema.of(schema), value, "input", found);
        return found.stream().map(problem -> problem.path() + " " + problem.code() + ": " + problem.message())
                .toList();
    }

    @Test
    void aPatternIsMatchedUnanchoredAndNamedWithItsDescription() {
        Map<String, Object> expiry = Map.of("type", "string", "pattern", "^(0[1-9]|1[0-2])[0-9]{2}$",
                "description", "MMYY");
        Map<String, Object> anyDigit = Map.of("pattern", "[0-9]");

        assertThat(compiled(expiry, "1230")).isEmpty();
        assertThat(compiled(expiry, "1330")).containsExactly(
                "input Pattern: must match ^(0[1-9]|1[0-2])[0-9]{2}$ (MMYY), got \"1330\"");
        assertThat(plain(expiry, "1330")).isEqualTo(compiled(expiry, "1330"));
        assertThat(compiled(anyDigit, "abc1")).as("JSON Schema patterns are not anchored").isEmpty();
        assertThat(compiled(anyDigit, 5L)).as("a pattern says nothing of numbers").isEmpty();
    }

    @Test
    void aPatternIsCheckedEvenWhenTheValueIsKnownToBeText() {
        Map<String, Object> code = Map.of("type", "string", "maxLength", 3, "pattern", "^[A-Z]{3}$");
        SchemaValidator.Check check = SchemaValidator.compile(JsonSchema.of(code)).given(KnownValue.text(3, 3));

        assertThat(check).isNotNull();
        List<MappingProblem> found = new ArrayList<>();
        check.validate("gbp", "currency", found);
        assertThat(found).extracting(MappingProblem::code).containsExactly("Pattern");
    }

    @Test
    void aClosedObjectRefusesFieldsItDoesNotDescribeByTheirPath() {
        Map<String, Object> card = Map.of("type", "object", "additionalProperties", false,
                "properties", Map.of("number", Map.of("type", "string")));
        Map<String, Object> open = Map.of("type", "object", "properties", Map.of("number", Map.of("type", "string")));

        assertThat(compiled(card, Map.of("number", "4929", "cvv", "123"))).containsExactly(
                "input.cvv Unknown: is not a field here (known: number)");
        assertThat(plain(card, Map.of("number", "4929", "cvv", "123"))).hasSize(1);
        assertThat(compiled(card, java.util.Collections.singletonMap("cvv", null))).as("null says nothing")
                .isEmpty();
        assertThat(compiled(open, Map.of("number", "4929", "cvv", "123"))).isEmpty();
    }

    @Test
    void listsAreHeldToTheirMinimumAndMaximumItems() {
        Map<String, Object> lines = Map.of("type", "array", "minItems", 1, "maxItems", 2,
                "items", Map.of("type", "string"));

        assertThat(compiled(lines, List.of("a"))).isEmpty();
        assertThat(compiled(lines, List.of())).containsExactly("input MinItems: must have at least 1 item, got 0");
        assertThat(compiled(lines, List.of("a", "b", "c"))).containsExactly(
                "input MaxItems: must have at most 2 items, got 3");
        assertThat(plain(lines, List.of())).isEqualTo(compiled(lines, List.of()));
    }

    @Test
    void aPatternThatIsNoRegularExpressionIsRefusedWhenTheSchemaIsCompiled() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        SchemaValidator.compile(JsonSchema.of(Map.of("type", "string", "pattern", "(unclosed"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(unclosed");
    }
}
