package dev.junction.engine.mapping;

import dev.junction.engine.mapping.functions.BuiltInFunctions;
import dev.junction.engine.schema.JsonSchema;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dev.junction.engine.mapping.MappingTestSupport.COMPILER;
import static dev.junction.engine.mapping.MappingTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a compiled mapping checks as it places values and once the record is done (the required fields of the
 * objects its rules create), and its reading of shared source paths once per record.
 */
class CompiledMappingChecksTest {

    private static final String TARGET = """
            "target": {"schema": {"type": "object", "required": ["id", "billing"], "properties": {
              "id": {"type": "string"},
              "email": {"type": "string", "format": "email"},
              "amount": {"type": "integer", "minimum": 1, "maximum": 1000},
              "billing": {"type": "object", "required": ["line1", "city"], "properties": {
                "line1": {"type": "string", "maxLength": 10}, "city": {"type": "string"},
                "geo": {"type": "object", "required": ["lat"], "properties": {
                  "lat": {"type": "number"}, "lon": {"type": "number"}}}}},
              "lines": {"type": "array", "items": {"type": "object", "required": ["sku", "city"], "properties": {
                "sku": {"type": "string"}, "city": {"type": "string"}}}}}}}""";

    private static final CompiledMapping MAPPING = COMPILER.compile(MappingJson.read(json("{\"schemaVersion\": 1, " + TARGET + """
            , "rules": [
              {"target": "id", "from": "order.id"},
              {"target": "email", "from": "order.email"},
              {"target": "amount", "from": "order.amount"},
              {"target": "billing.line1", "from": "order.address.line1"},
              {"target": "billing.city", "from": "order.address.city"},
              {"target": "billing.geo.lat", "from": "order.address.lat"},
              {"target": "billing.geo.lon", "from": "order.address.lon"},
              {"target": "lines", "forEach": "order.lines", "rules": [
                {"target": "sku", "from": "sku"},
                {"target": "city", "from": "$root.order.address.city"}]}]}""")));

    @Test
    void aCompleteRecordHasNoProblemsAndEveryPathReadsItsOwnValue() {
        MappingResult result = MAPPING.apply(json("""
                {"order": {"id": "A-1", "email": "jane@example.com", "amount": 250,
                 "address": {"line1": "1 High St", "city": "Leeds", "lat": 53.8, "lon": -1.5},
                 "lines": [{"sku": "S-1"}, {"sku": "S-2"}]}}"""), MappingEnvironment.NONE);

        assertThat(result.problems()).isEmpty();
        assertThat(result.output()).isEqualTo(json("""
                {"id": "A-1", "email": "jane@example.com", "amount": 250,
                 "billing": {"line1": "1 High St", "city": "Leeds", "geo": {"lat": 53.8, "lon": -1.5}},
                 "lines": [{"sku": "S-1", "city": "Leeds"}, {"sku": "S-2", "city": "Leeds"}]}"""));
    }

    @Test
    void requiredFieldsAreReportedOnlyInTheObjectsTheRulesCreatedAndValuesAsTheyArePlaced() {
        MappingResult result = MAPPING.apply(json("""
                {"order": {"id": "A-2", "email": "not an@email", "amount": 1001,
                 "address": {"line1": "10 Long Road Street", "lon": 2.0},
                 "lines": [{"sku": "S-1"}, {}]}}"""), MappingEnvironment.NONE);

        assertThat(result.problems()).extracting(problem -> problem.path() + " " + problem.code()).containsExactly(
                "email Format", "amount Maximum", "billing.line1 MaxLength",
                "billing.city Required", "billing.geo.lat Required",
                "lines[0].city Required", "lines[1].sku Required", "lines[1].city Required");
    }

    @Test
    void anObjectNoRuleFilledIsReportedOnceNotItsFields() {
        MappingResult result = MAPPING.apply(json("{\"order\": {\"id\": \"A-3\", \"email\": \"a@b\"}}"),
                MappingEnvironment.NONE);

        assertThat(result.problems()).extracting(problem -> problem.path() + " " + problem.code())
                .containsExactly("billing Required");
        assertThat(result.output()).isEqualTo(Map.of("id", "A-3", "email", "a@b"));
    }

    @Test
    void aPathThroughSomethingMissingOrNotAnObjectIsNothing() {
        MappingResult missing = MAPPING.apply(json("{\"order\": {\"id\": \"A-4\", \"address\": null}}"),
                MappingEnvironment.NONE);
        MappingResult notAnObject = MAPPING.apply(json("{\"order\": {\"id\": \"A-5\", \"address\": \"Leeds\"}}"),
                MappingEnvironment.NONE);

        assertThat(missing.output()).isEqualTo(Map.of("id", "A-4"));
        assertThat(notAnObject.output()).isEqualTo(Map.of("id", "A-5"));
    }

    @Test
    void eachRecordReadsItsOwnValues() {
        MappingResult first = MAPPING.apply(json("{\"order\": {\"id\": \"A-6\", \"address\": {\"city\": \"York\"},"
                + " \"lines\": [{\"sku\": \"S\"}]}}"), MappingEnvironment.NONE);
        MappingResult second = MAPPING.apply(json("{\"order\": {\"id\": \"A-7\", \"address\": {\"city\": \"Hull\"},"
                + " \"lines\": [{\"sku\": \"S\"}]}}"), MappingEnvironment.NONE);

        assertThat(((Map<?, ?>) first.output()).get("lines")).isEqualTo(java.util.List.of(Map.of("sku", "S", "city", "York")));
        assertThat(((Map<?, ?>) second.output()).get("lines")).isEqualTo(java.util.List.of(Map.of("sku", "S", "city", "Hull")));
    }

    @Test
    void aRequiredFieldWhoseRuleDidNotPlaceAValueIsReported() {
        CompiledMapping mapping = COMPILER.compile(MappingJson.read(json("""
                {"schemaVersion": 1, "target": {"schema": {"type": "object", "required": ["id", "amount", "note"],
                  "properties": {"id": {"type": "string"}, "amount": {"type": "integer"}, "note": {"type": "string"}}}},
                 "rules": [
                  {"target": "id", "from": "id"},
                  {"target": "amount", "from": "amount", "pipe": [{"fn": "toMinorUnits", "args": ["GBP"]}]},
                  {"target": "note", "from": "note", "when": {"from": "withNote", "fn": "isTrue"}}]}""")));

        assertThat(mapping.apply(json("{\"id\": \"A\", \"amount\": \"1.50\", \"note\": \"n\", \"withNote\": true}"),
                MappingEnvironment.NONE).problems()).isEmpty();
        assertThat(mapping.apply(json("{\"amount\": \"abc\", \"note\": \"n\", \"withNote\": false}"),
                MappingEnvironment.NONE).problems()).extracting(problem -> problem.path() + " " + problem.code())
                .containsExactly("amount NotANumber", "id Required", "amount Required", "note Required");
    }

    @Test
    void requiredFieldsBeyondTheRulesARunTellsApartAreLookedUp() {
        int count = CreatedObjects.TOLD_RULES + 6;
        String fields = IntStream.range(0, count).mapToObj(i -> "\"f" + i + "\": {\"type\": \"string\"}")
                .collect(Collectors.joining(", "));
        String required = IntStream.range(0, count).mapToObj(i -> "\"f" + i + "\"").collect(Collectors.joining(", "));
        String rules = IntStream.range(0, count).mapToObj(i -> "{\"target\": \"f" + i + "\", \"from\": \"f" + i + "\"}")
                .collect(Collectors.joining(", "));
        CompiledMapping mapping = COMPILER.compile(MappingJson.read(json("{\"schemaVersion\": 1, \"target\": {\"schema\": {\"type\":"
                + " \"object\", \"required\": [" + required + "], \"properties\": {" + fields + "}}}, \"rules\": ["
                + rules + "]}")));
        Map<String, Object> record = new java.util.HashMap<>();
        IntStream.range(0, count).forEach(i -> record.put("f" + i, "v" + i));
        record.remove("f2");
        record.remove("f" + (count - 1));

        assertThat(mapping.apply(record, MappingEnvironment.NONE).problems())
                .extracting(problem -> problem.path() + " " + problem.code())
                .containsExactly("f2 Required", "f" + (count - 1) + " Required");
    }

    @Test
    void whatTheLastStepsResultIsKnownToBeLeavesOutTheChecksItProves() {
        CompiledRules.TargetField name = CompiledRules.TargetField.of(new String[]{"name"}, "name",
                JsonSchema.of(Map.of("type", "string", "maxLength", 5)));
        CompiledRules.Step truncate = step("truncate");
        CompiledRules.Step upper = step("upper");

        assertThat(given(name, truncate).check()).as("cut to the field's maxLength").isNull();
        assertThat(given(name, upper, truncate).check()).isNull();
        assertThat(given(name, truncate, upper).check()).as("upper may lengthen text (ß → SS)").isNotNull();
        assertThat(given(name, step("truncate", CompiledRules.constant(8))).check()).isNotNull();
        assertThat(given(name, step("truncate", CompiledRules.constant(4))).check()).isNull();
        assertThat(given(name).check()).isNotNull();
        CompiledRules.TargetField country = CompiledRules.TargetField.of(new String[]{"country"}, "country",
                JsonSchema.of(Map.of("type", "string", "minLength", 2, "maxLength", 2)));
        assertThat(given(country, step("countryToIso2")).check()).isNull();
    }

    @Test
    void checksNotProvedStillReportWhatTheyFind() {
        CompiledMapping mapping = COMPILER.compile(MappingJson.read(json("""
                {"schemaVersion": 1, "target": {"schema": {"type": "object", "properties": {
                  "name": {"type": "string", "maxLength": 5}, "code": {"type": "string", "maxLength": 3},
                  "cut": {"type": "string", "maxLength": 5}, "country": {"type": "string", "enum": ["GB", "IE"]}}}},
                 "rules": [
                  {"target": "name", "from": "name", "pipe": [{"fn": "truncate"}]},
                  {"target": "code", "from": "code", "pipe": [{"fn": "upper"}]},
                  {"target": "cut", "from": "name", "pipe": [{"fn": "truncate", "args": [8]}]},
                  {"target": "country", "from": "country", "pipe": [{"fn": "countryToIso2"}]}]}""")));

        MappingResult result = mapping.apply(json("{\"name\": \"Alexander\", \"code\": \"abcd\","
                + " \"country\": \"Germany\"}"), MappingEnvironment.NONE);

        assertThat(result.output()).isEqualTo(Map.of("name", "Alexa", "code", "ABCD", "cut", "Alexande",
                "country", "DE"));
        assertThat(result.problems()).extracting(problem -> problem.path() + " " + problem.code())
                .containsExactly("name Truncated", "code MaxLength", "cut Truncated", "cut MaxLength", "country Enum");
    }

    private static CompiledRules.TargetField given(CompiledRules.TargetField field, CompiledRules.Step... steps) {
        return field.given(CompiledRules.known(steps, field.maxLength()));
    }

    private static CompiledRules.Step step(String function, CompiledRules.Source... args) {
        return CompiledRules.function(BuiltInFunctions.standard().find(function).orElseThrow(), List.of(args),
                function);
    }
}
