package dev.junction.engine.mapping;

import dev.junction.engine.json.PayloadJson;
import dev.junction.engine.mapping.model.MappingDocument;
import dev.junction.engine.mapping.model.PipeStep;
import dev.junction.engine.mapping.model.Rule;
import dev.junction.engine.mapping.model.SchemaReference;
import dev.junction.engine.mapping.model.Source;
import dev.junction.engine.mapping.model.ValueMapUse;
import dev.junction.engine.mapping.model.When;
import dev.junction.engine.schema.JsonSchema;
import dev.junction.engine.schema.SchemaValidator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static dev.junction.engine.mapping.MappingTestSupport.COMPILER;
import static dev.junction.engine.mapping.MappingTestSupport.json;
import static dev.junction.engine.mapping.MappingTestSupport.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MappingJsonTest {

    private static final List<String> SHIPPED = List.of("/junction/mappings/amazon-order-to-opayo-payment.json",
            "/junction/mappings/dynamics-order-to-fba-fulfillment.json",
            "/junction/mappings/fba-shipments-to-dynamics-order.json");

    /** The mapping documents docs/mappings.md shows (its JSON blocks with a schemaVersion). */
    private static List<Map<String, Object>> documentedExamples() throws IOException {
        String docs = Files.readString(Path.of("..", "docs", "mappings.md"));
        List<Map<String, Object>> examples = new ArrayList<>();
        Matcher block = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(docs);
        while (block.find()) {
            if (block.group(1).contains("\"schemaVersion\"")) {
                examples.add(json(block.group(1)));
            }
        }
        return examples;
    }

    private static List<Map<String, Object>> shippedAndDocumented() throws IOException {
        return Stream.concat(SHIPPED.stream().map(MappingTestSupport::resource), documentedExamples().stream())
                .toList();
    }

    @Test
    void everyShippedAndDocumentedMappingReadsWithoutProblemsAndWritesBackTheSame() throws IOException {
        List<Map<String, Object>> mappings = shippedAndDocumented();
        assertThat(mappings).hasSizeGreaterThanOrEqualTo(SHIPPED.size() + 1);
        for (Map<String, Object> mapping : mappings) {
            MappingJson.Reading reading = MappingJson.read(mapping);

            assertThat(reading.problems()).as(String.valueOf(mapping.get("name"))).isEmpty();
            assertThat(MappingJson.write(reading.document())).as(String.valueOf(mapping.get("name")))
                    .isEqualTo(mapping);
            assertThat(MappingJson.read(PayloadJson.write(MappingJson.write(reading.document()))).document())
                    .isEqualTo(reading.document());
        }
    }

    @Test
    void theModelHoldsEverythingTheFormSays() {
        MappingDocument document = MappingJson.read(json("""
                {"schemaVersion": 1, "name": "n", "description": "d", "source": {"schema": "sp-api/Order"},
                 "target": {"schema": {"type": "object"}},
                 "rules": [
                   {"target": "a", "description": "why", "from": "x", "pipe": [{"fn": "add", "args": [1, {"from": "y"}]}],
                    "valueMap": {"entries": {"A": "B"}}, "lookup": "t", "default": null,
                    "when": {"from": "f", "fn": "equals", "args": ["z"]}},
                   {"target": "b", "from": ["x", "y"]},
                   {"target": "c", "expression": "source.x", "when": {"expression": "true"}},
                   {"target": "d", "value": {"k": [1, 2.5]}, "valueMap": "opayo-status→canonical"},
                   {"target": "e", "forEach": "items", "rules": [{"target": "f", "from": "$index"}]}
                 ]}""")).orThrow();

        assertThat(document.name()).isEqualTo("n");
        assertThat(document.source()).isEqualTo(new SchemaReference.ById("sp-api/Order"));
        assertThat(document.target()).isEqualTo(new SchemaReference.Inline(Map.of("type", "object")));
        assertThat(document.rules()).hasSize(5);
        Rule.ValueRule a = (Rule.ValueRule) document.rules().get(0);
        assertThat(a.source()).isEqualTo(new Source.Path("x"));
        assertThat(a.pipe()).containsExactly(PipeStep.of("add", new PipeStep.Argument.Constant(1L),
                new PipeStep.Argument.FromPath("y")));
        assertThat(a.valueMap()).isEqualTo(new ValueMapUse.Inline(Map.of("entries", Map.of("A", "B"))));
        assertThat(a.lookup()).isEqualTo("t");
        assertThat(a.fallback()).as("a default of null is kept apart from no default").isNotNull();
        assertThat(a.fallback().value()).isNull();
        assertThat(a.when()).isEqualTo(new When.Test("f", PipeStep.of("equals", new PipeStep.Argument.Constant("z"))));
        assertThat(a.description()).isEqualTo("why");
        assertThat(((Rule.ValueRule) document.rules().get(1)).source()).isEqualTo(new Source.Paths(List.of("x", "y")));
        assertThat(document.rules().get(2).when()).isEqualTo(new When.Expression("true"));
        assertThat(((Rule.ValueRule) document.rules().get(3)).valueMap())
                .isEqualTo(new ValueMapUse.Named("opayo-status→canonical"));
        assertThat(document.rules().get(4)).isEqualTo(new Rule.ForEachRule("e", "items",
                List.of(Rule.ValueRule.of("f", new Source.Path("$index"))), null, null));
        assertThatThrownBy(() -> ((Rule.ValueRule) document.rules().get(3)).pipe().add(null))
                .isInstanceOf(UnsupportedOperationException.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> constant = (Map<String, Object>) ((Source.Constant) ((Rule.ValueRule) document.rules()
                .get(3)).source()).value();
        assertThatThrownBy(() -> constant.put("k", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void readingReportsEveryProblemOfTheFormWithItsPath() {
        MappingJson.Reading reading = MappingJson.read(json("""
                {"schemaVersion": 2, "colour": "blue", "name": 7, "source": "sp-api/Order",
                 "target": {"schema": 5, "version": 2},
                 "rules": [
                   "not a rule",
                   {"from": "x"},
                   {"target": "a", "from": "x", "value": 1},
                   {"target": "b", "from": ["x", 3]},
                   {"target": "c", "expression": 42},
                   {"target": "d", "from": "x", "pipe": [{"fn": "trim", "arg": []}, {"args": []}, {"fn": "add", "args": 1}],
                    "lookup": "", "valueMap": {"entries": {}}, "rules": []},
                   {"target": "e", "forEach": "items", "pipe": [], "rules": [{"target": "f", "from": "x", "when": 3}]},
                   {"target": "g", "forEach": 1, "rules": "no"},
                   {"target": "h", "from": "x", "when": {"from": "y", "args": [1], "else": 2}}
                 ]}"""));

        assertThat(reading.problems()).extracting(problem -> problem.severity() + " " + problem.path() + " "
                + problem.code()).containsExactly(
                "ERROR colour UnknownField",
                "ERROR schemaVersion Required",
                "WARNING name WrongType",
                "ERROR source WrongType",
                "WARNING target.version UnknownField",
                "ERROR target.schema WrongType",
                "ERROR rules[0] WrongType",
                "ERROR rules[1].target Required",
                "ERROR rules[2] Source",
                "ERROR rules[3].from[1] WrongType",
                "ERROR rules[4].expression WrongType",
                "WARNING rules[5].rules Ignored",
                "WARNING rules[5].pipe[0].arg UnknownField",
                "ERROR rules[5].pipe[1].fn Required",
                "ERROR rules[5].pipe[2].args WrongType",
                "ERROR rules[5].valueMap InvalidValueMap",
                "ERROR rules[5].lookup WrongType",
                "WARNING rules[6].pipe Ignored",
                "ERROR rules[6].rules[0].when WrongType",
                "ERROR rules[7].forEach WrongType",
                "ERROR rules[7].rules Required",
                "WARNING rules[8].when.else UnknownField",
                "WARNING rules[8].when.args Ignored");
        assertThat(reading.problems().get(12).message()).startsWith("unknown field, ignored (did you mean 'args'?)");
        assertThat(reading.hasErrors()).isTrue();
        assertThatThrownBy(reading::orThrow).isInstanceOf(MappingDefinitionException.class)
                .hasMessageContaining("rules[2]: has from and value: a rule takes exactly one of them");
    }

    @Test
    void whatTheFormIgnoredBeforeItHadAModelIsAWarningAndTheMappingStillCompiles() {
        MappingJson.Reading reading = MappingJson.read(json("""
                {"schemaVersion": 1, "source": {"schema": "sp-api/Order", "note": "x"}, "rules": [
                  {"target": "lines", "forEach": "OrderItems", "pipe": [{"fn": "trim"}],
                   "rules": [{"target": "sku", "from": "SellerSKU", "pipe": [{"fn": "upper", "comment": "c"}]}]},
                  {"target": "id", "from": "AmazonOrderId", "rules": [],
                   "when": {"expression": "true", "from": "IsGift"}}]}"""));

        assertThat(reading.problems()).allMatch(problem -> !problem.isError()).extracting(MappingProblem::path)
                .containsExactly("source.note", "rules[0].pipe", "rules[0].rules[0].pipe[0].comment",
                        "rules[1].when.from", "rules[1].rules");
        assertThat(COMPILER.compile(reading).apply(json("""
                {"AmazonOrderId": "A-1", "OrderItems": [{"SellerSKU": "ab"}]}"""), MappingEnvironment.NONE).output())
                .isEqualTo(json("{\"lines\": [{\"sku\": \"AB\"}], \"id\": \"A-1\"}"));
    }

    @Test
    void rulesLeftOutWhileReadingDoNotShiftThePathsOfTheProblemsAfterThem() {
        List<MappingProblem> problems = COMPILER.check(MappingJson.read(json("""
                {"schemaVersion": 1, "target": {"schema": "opayo/TransactionRequest"}, "rules": [
                   {"target": "vendorTxCode", "from": "a", "value": 1},
                   {"target": "amount", "from": "b", "pipe": [{"args": []}, {"fn": "nope"}]},
                   {"target": "nowhere", "from": "c"}]}""")));

        assertThat(problems).extracting(problem -> problem.path() + " " + problem.code()).containsExactly(
                "rules[0] Source", "rules[1].pipe[0].fn Required", "rules[1].pipe[1].fn UnknownFunction",
                "rules[2].target UnknownTarget");
    }

    @Test
    void aDocumentBuiltInCodeCompilesLikeItsJsonForm() {
        MappingDocument built = new MappingDocument(1, null, null, null,
                new SchemaReference.ById("opayo/TransactionRequest"), List.of(
                Rule.ValueRule.of("currency", new Source.Path("cur")).withPipe(List.of(PipeStep.of("upper"))),
                Rule.ValueRule.of("amount", new Source.Path("amt")).withPipe(List.of(PipeStep.of("toMinorUnits")))));

        assertThat(COMPILER.check(built)).extracting(problem -> problem.path() + ": " + problem.message())
                .containsExactly("rules[1].pipe[0].args: toMinorUnits takes 1 argument, got 0: currency is missing");
        assertThat(COMPILER.check(MappingJson.read(MappingJson.write(built)))).isEqualTo(COMPILER.check(built));
    }

    @Test
    void everyShippedAndDocumentedMappingValidatesAgainstThePublishedSchema() throws IOException {
        JsonSchema schema = JsonSchema.of(MappingJson.schema());
        for (Map<String, Object> mapping : shippedAndDocumented()) {
            List<MappingProblem> problems = new ArrayList<>();
            SchemaValidator.validate(schema, mapping, "", problems);
            assertThat(problems).as(String.valueOf(mapping.get("name"))).isEmpty();
        }
        List<MappingProblem> wrong = new ArrayList<>();
        SchemaValidator.validate(schema, json("""
                {"schemaVersion": "1", "rules": [{"from": "x", "pipe": [{"args": "no"}]}]}"""), "", wrong);
        assertThat(wrong).extracting(problem -> problem.path() + " " + problem.code()).contains(
                "schemaVersion Type", "rules[0].target Required", "rules[0].pipe[0].fn Required",
                "rules[0].pipe[0].args Type");
    }

    @Test
    void thePublishedSchemaIsOrderedTitledAndCarriesTheDocumentedExample() throws IOException {
        Map<String, Object> schema = MappingJson.schema();

        assertThat(schema.keySet()).startsWith("$schema", "$id", "type", "title", "description", "properties");
        assertThat(List.copyOf(properties(schema).keySet())).containsExactly("schemaVersion", "name",
                "description", "source", "target", "rules");
        assertThat(schema.get("examples")).isEqualTo(List.of(documentedExamples().getFirst()));
        @SuppressWarnings("unchecked")
        Map<String, Object> rule = (Map<String, Object>) ((Map<?, ?>) schema.get("$defs")).get("Rule");
        assertThat(properties(rule).keySet()).containsExactlyInAnyOrderElementsOf(MappingJson.RULE_KEYS);
        assertThat(((Map<?, ?>) properties(rule).get("expression")).get("x-expression")).isEqualTo(true);
        assertThat(properties(schema).keySet()).containsExactlyInAnyOrderElementsOf(MappingJson.ROOT_KEYS);
        assertThat(PayloadJson.read(MappingJson.schemaJson())).isEqualTo(schema);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Map<String, Object> schema) {
        return (Map<String, Object>) schema.get("properties");
    }
}
