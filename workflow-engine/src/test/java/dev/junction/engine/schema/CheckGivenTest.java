package dev.junction.engine.schema;

import dev.junction.engine.mapping.MappingProblem;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A field's check for values known before any record is mapped: what it proves is left out, nothing else. */
class CheckGivenTest {

    private static SchemaValidator.Check check(Map<String, ?> schema) {
        return SchemaValidator.compile(JsonSchema.of(schema));
    }

    private static List<String> problems(SchemaValidator.Check check, Object value) {
        List<MappingProblem> found = new ArrayList<>();
        check.validate(value, "field", found);
        return found.stream().map(problem -> problem.code() + ": " + problem.message()).toList();
    }

    @Test
    void textNoLongerThanTheFieldsMaxLengthLeavesNothingToCheck() {
        Map<String, Object> field = Map.of("type", "string", "maxLength", 20);
        assertThat(check(field).given(KnownValue.text(null, 20))).isNull();
        assertThat(check(field).given(KnownValue.text(null, 5))).isNull();
        assertThat(check(Map.of("type", "string", "minLength", 2, "maxLength", 2)).given(KnownValue.text(2, 2)))
                .isNull();
    }

    @Test
    void aLengthBoundTheValueDoesNotProveIsStillChecked() {
        SchemaValidator.Check longer = check(Map.of("type", "string", "maxLength", 20)).given(KnownValue.text(null, 30));
        assertThat(longer).isNotNull();
        assertThat(problems(longer, "x".repeat(25))).containsExactly("MaxLength: must be at most 20 characters, got 25");

        SchemaValidator.Check anyText = check(Map.of("type", "string", "minLength", 3, "maxLength", 3))
                .given(KnownValue.TEXT);
        assertThat(problems(anyText, "GBPX")).containsExactly("MaxLength: must be at most 3 characters, got 4");
        assertThat(problems(anyText, "GB")).containsExactly("MinLength: must be at least 3 characters, got 2");

        SchemaValidator.Check shortEnough = check(Map.of("type", "string", "minLength", 3, "maxLength", 3))
                .given(KnownValue.text(null, 3));
        assertThat(problems(shortEnough, "GB")).as("the minimum is not proved by a maximum")
                .containsExactly("MinLength: must be at least 3 characters, got 2");
    }

    @Test
    void formatsAndEnumsAreAlwaysChecked() {
        SchemaValidator.Check email = check(Map.of("type", "string", "maxLength", 80, "format", "email"))
                .given(KnownValue.text(null, 80));
        assertThat(problems(email, "not an email")).containsExactly("Format: must be a email, got \"not an email\"");
        assertThat(problems(email, "a@b")).isEmpty();

        SchemaValidator.Check country = check(Map.of("type", "string", "enum", List.of("GB", "IE")))
                .given(KnownValue.text(2, 2));
        assertThat(problems(country, "DE")).containsExactly("Enum: must be one of [GB, IE], got \"DE\"");
    }

    @Test
    void aWholeNumberSkipsTheTypeCheckButNotItsRange() {
        assertThat(check(Map.of("type", "integer")).given(KnownValue.INTEGER)).isNull();
        assertThat(check(Map.of("type", "number")).given(KnownValue.INTEGER)).isNull();
        SchemaValidator.Check amount = check(Map.of("type", "integer", "minimum", 1)).given(KnownValue.INTEGER);
        assertThat(problems(amount, 0L)).containsExactly("Minimum: must be at least 1, got 0");
        assertThat(problems(amount, 1999L)).isEmpty();
    }

    @Test
    void aValueOfAnotherTypeThanTheFieldsIsStillReportedAsSuch() {
        SchemaValidator.Check text = check(Map.of("type", "string", "maxLength", 10)).given(KnownValue.INTEGER);
        assertThat(problems(text, 12L)).containsExactly("Type: must be string, got integer");
        SchemaValidator.Check number = check(Map.of("type", "integer")).given(KnownValue.TEXT);
        assertThat(problems(number, "12")).containsExactly("Type: must be integer, got string");
    }

    @Test
    void nothingKnownChecksEverything() {
        SchemaValidator.Check field = check(Map.of("type", "string", "maxLength", 5));
        assertThat(field.given(KnownValue.NOTHING)).isSameAs(field);
    }
}
