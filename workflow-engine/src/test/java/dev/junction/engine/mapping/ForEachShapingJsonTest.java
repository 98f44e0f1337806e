package dev.junction.engine.mapping;

import dev.junction.engine.json.PayloadJson;
import dev.junction.engine.mapping.model.MappingDocument;
import dev.junction.engine.mapping.model.PipeStep;
import dev.junction.engine.mapping.model.Rule;
import dev.junction.engine.mapping.model.SortKey;
import dev.junction.engine.mapping.model.Source;
import dev.junction.engine.mapping.model.When;
import dev.junction.engine.schema.JsonSchema;
import dev.junction.engine.schema.SchemaValidator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.junction.engine.mapping.MappingTestSupport.COMPILER;
import static dev.junction.engine.mapping.MappingTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The JSON form of a forEach rule's where, sortBy and groupBy (and a flattening path): read, write, schema, diff. */
class ForEachShapingJsonTest {

    private static Map<String, Object> mapping(String rules) {
        return json("{\"schemaVersion\": 1, \"rules\": [" + rules + "]}");
    }

    /** Reads {@code rules}, expects {@code expected} as the first rule, and the same JSON back from write → read. */
    private static void roundTrips(String rule, Rule expected) {
        Map<String, Object> json = mapping(rule);
        MappingJson.Reading reading = MappingJson.read(json);

        assertThat(reading.problems()).isEmpty();
        assertThat(reading.document().rules()).containsExactly(expected);
        assertThat(MappingJson.write(reading.document())).isEqualTo(json);
        assertThat(MappingJson.read(PayloadJson.write(MappingJson.write(reading.document()))).document())
                .isEqualTo(reading.document());
    }

    private static final List<Rule> SKU = List.of(Rule.ValueRule.of("sku", new Source.Path("SellerSKU")));

    @Test
    void whereInBothShapesRoundTrips() {
        roundTrips("""
                {"target": "items", "forEach": "OrderItems", "where": {"from": "QuantityOrdered", "fn": "notEquals",
                 "args": [0]}, "rules": [{"target": "sku", "from": "SellerSKU"}]}""",
                new Rule.ForEachRule("items", "OrderItems", SKU, null, null,
                        new When.Test("QuantityOrdered", PipeStep.of("notEquals", new PipeStep.Argument.Constant(0L))),
                        List.of(), null));
        roundTrips("""
                {"target": "items", "forEach": "OrderItems", "where": {"expression": "source.QuantityOrdered > 0"},
                 "rules": [{"target": "sku", "from": "SellerSKU"}]}""",
                new Rule.ForEachRule("items", "OrderItems", SKU, null, null,
                        new When.Expression("source.QuantityOrdered > 0"), List.of(), null));
    }

    @Test
    void sortByRoundTripsWithAndWithoutDescending() {
        roundTrips("""
                {"target": "items", "forEach": "OrderItems",
                 "sortBy": [{"path": "SellerSKU"}, {"path": "QuantityOrdered", "descending": true}],
                 "rules": [{"target": "sku", "from": "SellerSKU"}]}""",
                new Rule.ForEachRule("items", "OrderItems", SKU, null, null, null,
                        List.of(new SortKey("SellerSKU", false), new SortKey("QuantityOrdered", true)), null));
        assertThat(MappingJson.write(MappingJson.read(mapping("""
                {"target": "items", "forEach": "OrderItems", "sortBy": [{"path": "SellerSKU", "descending": false}],
                 "rules": []}""")).orThrow()).get("rules")).as("ascending is the default and is written so")
                .isEqualTo(List.of(json("""
                {"target": "items", "forEach": "OrderItems", "sortBy": [{"path": "SellerSKU"}], "rules": []}""")));
    }

    @Test
    void groupByAndAFlatteningPathRoundTrip() {
        roundTrips("""
                {"target": "items", "forEach": "OrderItems", "groupBy": "SellerSKU",
                 "rules": [{"target": "sku", "from": "SellerSKU"}]}""",
                new Rule.ForEachRule("items", "OrderItems", SKU, null, null, null, List.of(), "SellerSKU"));
        roundTrips("""
                {"target": "items", "description": "all of it", "forEach": "Shipments[].Packages",
                 "where": {"from": "Weight"}, "sortBy": [{"path": "Weight", "descending": true}], "groupBy": "Carrier",
                 "when": {"from": "IsShipped", "fn": "isTrue"}, "rules": [{"target": "sku", "from": "SellerSKU"}]}""",
                new Rule.ForEachRule("items", "Shipments[].Packages", SKU, new When.Test("IsShipped",
                        PipeStep.of("isTrue")), "all of it", new When.Test("Weight", null),
                        List.of(new SortKey("Weight", true)), "Carrier"));
    }

    @Test
    void aBadValueIsAnErrorNamingItsJsonPath() {
        MappingJson.Reading reading = MappingJson.read(mapping("""
                {"target": "a", "forEach": "x", "sortBy": {"path": "y"}, "groupBy": 3, "where": "y > 1", "rules": []},
                {"target": "b", "forEach": "x", "sortBy": ["y", {"path": 2}, {"path": "y", "decending": true},
                   {"path": "y", "descending": "yes"}, {"descending": true}, {"path": " "}], "groupBy": "", "rules": []}"""));

        assertThat(reading.problems()).extracting(problem -> problem.severity() + " " + problem.path() + " "
                + problem.code()).containsExactly(
                "ERROR rules[0].where WrongType",
                "ERROR rules[0].sortBy WrongType",
                "ERROR rules[0].groupBy WrongType",
                "ERROR rules[1].sortBy[0] WrongType",
                "ERROR rules[1].sortBy[1].path WrongType",
                "ERROR rules[1].sortBy[2].decending UnknownField",
                "ERROR rules[1].sortBy[3].descending WrongType",
                "ERROR rules[1].sortBy[4].path Required",
                "ERROR rules[1].sortBy[5].path WrongType",
                "ERROR rules[1].groupBy WrongType");
        assertThat(reading.problems().get(5).message()).contains("did you mean 'descending'?");
    }

    @Test
    void theKeysOnARuleThatIsNotAForEachAreIgnoredWithAWarning() {
        MappingJson.Reading reading = MappingJson.read(mapping("""
                {"target": "a", "from": "x", "where": {"from": "y"}, "sortBy": [{"path": "y"}], "groupBy": "y"}"""));

        assertThat(reading.problems()).allMatch(problem -> !problem.isError())
                .extracting(problem -> problem.path() + " " + problem.code())
                .containsExactly("rules[0].where Ignored", "rules[0].sortBy Ignored", "rules[0].groupBy Ignored");
        assertThat(COMPILER.compile(reading).apply(json("{\"x\": 1}"), MappingEnvironment.NONE).output())
                .isEqualTo(json("{\"a\": 1}"));
    }

    @Test
    void thePublishedSchemaHasTheKeysAndAMappingUsingThemValidates() {
        Map<String, Object> schema = MappingJson.schema();
        Map<?, ?> defs = (Map<?, ?>) schema.get("$defs");
        Map<?, ?> rule = (Map<?, ?>) ((Map<?, ?>) defs.get("Rule")).get("properties");
        assertThat(List.<Object>copyOf(rule.keySet())).contains("where", "sortBy", "groupBy");
        assertThat(((Map<?, ?>) defs.get("SortKey")).get("required")).isEqualTo(List.of("path"));

        List<MappingProblem> problems = new ArrayList<>();
        SchemaValidator.validate(JsonSchema.of(schema), mapping("""
                {"target": "items", "forEach": "Shipments[].Packages", "where": {"expression": "true"},
                 "sortBy": [{"path": "Weight", "descending": true}], "groupBy": "Carrier", "rules": []}"""),
                "", problems);
        assertThat(problems).isEmpty();
        SchemaValidator.validate(JsonSchema.of(schema), mapping("""
                {"target": "items", "forEach": "x", "sortBy": [{"path": "y", "order": 1}], "groupBy": 2, "rules": []}"""),
                "", problems);
        assertThat(problems).extracting(MappingProblem::path).contains("rules[0].groupBy");
        assertThat(problems).extracting(MappingProblem::path).anyMatch(path -> path.startsWith("rules[0].sortBy[0]"));
    }

    @Test
    void aChangedSortFilterOrGroupIsAChangedRuleAndWhereReferencesItsLookupTable() {
        MappingDocument v1 = MappingJson.read(mapping("""
                {"target": "items", "forEach": "OrderItems", "rules": [{"target": "sku", "from": "SellerSKU"}]}"""))
                .orThrow();
        MappingDocument v2 = MappingJson.read(mapping("""
                {"target": "items", "forEach": "OrderItems", "sortBy": [{"path": "SellerSKU"}],
                 "where": {"from": "SellerSKU", "fn": "lookup", "args": ["sku-active"]},
                 "rules": [{"target": "sku", "from": "SellerSKU"}]}""")).orThrow();

        MappingDiff diff = MappingDiff.between(v1, v2);

        assertThat(diff.changedRules()).extracting(MappingDiff.ChangedRule::target).containsExactly("items");
        assertThat(List.<Object>copyOf(((Map<?, ?>) diff.changedRules().getFirst().after()).keySet()))
                .contains("sortBy", "where").doesNotContain("rules");
        assertThat(MappingDiff.between(v2, v2).changedRules()).isEmpty();
        assertThat(MappingReferences.lookupTables(v2)).containsExactly("sku-active");
    }
}
