package dev.junction.engine.schema;

import dev.junction.engine.mapping.MappingProblem;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NumberRangeCheckTest {

    private static List<String> problems(Map<String, ?> schema, Object value) {
        List<MappingProblem> found = new ArrayList<>();
        SchemaValidator.compile(JsonSchema.of(schema)).validate(value, "amount", found);
        return found.stream().map(problem -> problem.code() + ": " + problem.message()).toList();
    }

    @Test
    void wholeNumbersAgainstWholeBoundsIncludingTheBoundsThemselves() {
        Map<String, Object> schema = Map.of("type", "integer", "minimum", 1, "maximum", 1000);
        assertThat(problems(schema, 1L)).isEmpty();
        assertThat(problems(schema, 1000L)).isEmpty();
        assertThat(problems(schema, 0L)).containsExactly("Minimum: must be at least 1, got 0");
        assertThat(problems(schema, 1001L)).containsExactly("Maximum: must be at most 1000, got 1001");
        assertThat(problems(schema, Long.MIN_VALUE)).containsExactly("Minimum: must be at least 1, got "
                + Long.MIN_VALUE);
    }

    @Test
    void decimalBoundsAndDecimalValuesAreComparedExactly() {
        Map<String, Object> schema = Map.of("type", "number", "minimum", new BigDecimal("0.5"));
        assertThat(problems(schema, 1L)).isEmpty();
        assertThat(problems(schema, 0L)).containsExactly("Minimum: must be at least 0.5, got 0");
        assertThat(problems(schema, new BigDecimal("0.49"))).containsExactly("Minimum: must be at least 0.5, got 0.49");
        assertThat(problems(Map.of("type", "integer", "maximum", new BigDecimal("1E+19")), Long.MAX_VALUE))
                .as("a bound beyond a long's range").isEmpty();
    }
}
