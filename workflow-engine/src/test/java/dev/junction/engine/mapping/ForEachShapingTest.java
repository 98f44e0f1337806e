package dev.junction.engine.mapping;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.junction.engine.mapping.MappingTestSupport.COMPILER;
import static dev.junction.engine.mapping.MappingTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

/** A forEach rule's where, sortBy, groupBy and flattening ([] in its path): what a record gets, and the lineage. */
class ForEachShapingTest {

    private static final String ORDER = """
            {"AmazonOrderId": "A-1", "Excluded": "X-9",
             "OrderItems": [
               {"SellerSKU": "B-2", "QuantityOrdered": 2, "Price": "5.00"},
               {"SellerSKU": "A-1", "QuantityOrdered": 0, "Price": "1.00"},
               {"SellerSKU": "C-3", "QuantityOrdered": 1, "Price": "9.50"},
               {"SellerSKU": "A-1", "QuantityOrdered": 3, "Price": "2.00"},
               {"SellerSKU": "X-9", "QuantityOrdered": 4, "Price": "7.00"}]}""";

    private static CompiledMapping compile(String rules) {
        return COMPILER.compile(MappingJson.read(json("{\"schemaVersion\": 1, \"rules\": [" + rules + "]}")));
    }

    private static Object apply(CompiledMapping mapping, String record) {
        MappingResult result = mapping.apply(json(record), MappingEnvironment.NONE);
        assertThat(result.problems()).isEmpty();
        return result.output();
    }

    private static Object items(CompiledMapping mapping, String record) {
        return ((Map<?, ?>) apply(mapping, record)).get("items");
    }

    private static FieldTrace field(MappingPreview preview, String targetPath) {
        return preview.fields().stream().filter(field -> field.targetPath().equals(targetPath)).findFirst()
                .orElseThrow(() -> new AssertionError("no field " + targetPath + " in " + preview.fields()));
    }

    @Test
    void whereKeepsTheElementsForWhichItHoldsInBothShapesOfACondition() {
        CompiledMapping byPredicate = compile("""
                {"target": "items", "forEach": "OrderItems",
                 "where": {"from": "QuantityOrdered", "fn": "notEquals", "args": [0]},
                 "rules": [{"target": "sku", "from": "SellerSKU"}, {"target": "line", "from": "$index"}]}""");
        CompiledMapping byExpression = compile("""
                {"target": "items", "forEach": "OrderItems",
                 "where": {"expression": "source.SellerSKU !== root.Excluded && index > 0"},
                 "rules": [{"target": "sku", "from": "SellerSKU"}]}""");

        assertThat(items(byPredicate, ORDER)).as("$index in the nested rules is the position in the target list")
                .isEqualTo(json("""
                {"items": [{"sku": "B-2", "line": 0}, {"sku": "C-3", "line": 1}, {"sku": "A-1", "line": 2},
                           {"sku": "X-9", "line": 3}]}""").get("items"));
        assertThat(items(byExpression, ORDER)).as("$root and $index (the source position) work inside where")
                .isEqualTo(json("{\"items\": [{\"sku\": \"A-1\"}, {\"sku\": \"C-3\"}, {\"sku\": \"A-1\"}]}")
                        .get("items"));
    }

    @Test
    void sortByIsStableInBothDirectionsAndKeysAreTakenInOrder() {
        CompiledMapping ascending = compile("""
                {"target": "items", "forEach": "OrderItems", "sortBy": [{"path": "SellerSKU"}],
                 "rules": [{"target": "sku", "from": "SellerSKU"}, {"target": "qty", "from": "QuantityOrdered"}]}""");
        CompiledMapping descending = compile("""
                {"target": "items", "forEach": "OrderItems", "sortBy": [{"path": "SellerSKU", "descending": true}],
                 "rules": [{"target": "sku", "from": "SellerSKU"}, {"target": "qty", "from": "QuantityOrdered"}]}""");
        CompiledMapping twoKeys = compile("""
                {"target": "items", "forEach": "OrderItems",
                 "sortBy": [{"path": "SellerSKU"}, {"path": "QuantityOrdered", "descending": true}],
                 "rules": [{"target": "qty", "from": "QuantityOrdered"}]}""");

        assertThat(items(ascending, ORDER)).as("the two A-1 lines keep their order").isEqualTo(json("""
                {"items": [{"sku": "A-1", "qty": 0}, {"sku": "A-1", "qty": 3}, {"sku": "B-2", "qty": 2},
                           {"sku": "C-3", "qty": 1}, {"sku": "X-9", "qty": 4}]}""").get("items"));
        assertThat(items(descending, ORDER)).as("descending is stable too").isEqualTo(json("""
                {"items": [{"sku": "X-9", "qty": 4}, {"sku": "C-3", "qty": 1}, {"sku": "B-2", "qty": 2},
                           {"sku": "A-1", "qty": 0}, {"sku": "A-1", "qty": 3}]}""").get("items"));
        assertThat(items(twoKeys, ORDER)).isEqualTo(json("""
                {"items": [{"qty": 3}, {"qty": 0}, {"qty": 2}, {"qty": 1}, {"qty": 4}]}""").get("items"));
    }

    @Test
    void numbersSortNumericallyTextByCodePointAndMissingOrNullLastEitherWay() {
        String record = """
                {"rows": [{"id": "n10", "v": 10}, {"id": "none"}, {"id": "n9", "v": 9.5}, {"id": "null", "v": null},
                          {"id": "n100", "v": 100}, {"id": "z", "v": "z"}, {"id": "fw", "v": "\\uFF5A"},
                          {"id": "emoji", "v": "\\uD83D\\uDE00"}, {"id": "e", "v": "\\u00E9"}, {"id": "t", "v": true},
                          {"id": "f", "v": false}, {"id": "obj", "v": {"a": 1}}, {"id": "n-1", "v": -1}]}""";
        CompiledMapping ascending = compile("""
                {"target": "ids", "forEach": "rows", "sortBy": [{"path": "v"}], "rules": [{"target": "id", "from": "id"}]}""");
        CompiledMapping descending = compile("""
                {"target": "ids", "forEach": "rows", "sortBy": [{"path": "v", "descending": true}],
                 "rules": [{"target": "id", "from": "id"}]}""");

        // numbers < text < booleans < objects and lists; missing and null last, in source order
        assertThat(ids(apply(ascending, record))).containsExactly("n-1", "n9", "n10", "n100", "z", "e", "fw", "emoji",
                "f", "t", "obj", "none", "null");
        assertThat(ids(apply(descending, record))).containsExactly("obj", "t", "f", "emoji", "fw", "e", "z", "n100",
                "n10", "n9", "n-1", "none", "null");
    }

    private static List<Object> ids(Object output) {
        return ((List<?>) ((Map<?, ?>) output).get("ids")).stream().map(row -> (Object) ((Map<?, ?>) row).get("id"))
                .toList();
    }

    @Test
    void groupByMakesOneElementPerDistinctValueInFirstSeenOrderWithKeyAndItems() {
        CompiledMapping mapping = compile("""
                {"target": "items", "forEach": "OrderItems", "groupBy": "SellerSKU",
                 "rules": [{"target": "sku", "from": "key"},
                           {"target": "lines", "from": "items", "pipe": [{"fn": "count"}]},
                           {"target": "qty", "from": "items", "pipe": [{"fn": "sum", "args": ["QuantityOrdered"]},
                             {"fn": "toInteger"}]},
                           {"target": "order", "from": "$parent.AmazonOrderId"},
                           {"target": "group", "from": "$index"}]}""");

        assertThat(items(mapping, ORDER)).isEqualTo(json("""
                {"items": [{"sku": "B-2", "lines": 1, "qty": 2, "order": "A-1", "group": 0},
                           {"sku": "A-1", "lines": 2, "qty": 3, "order": "A-1", "group": 1},
                           {"sku": "C-3", "lines": 1, "qty": 1, "order": "A-1", "group": 2},
                           {"sku": "X-9", "lines": 1, "qty": 4, "order": "A-1", "group": 3}]}""").get("items"));
        assertThat(items(compile("""
                {"target": "items", "forEach": "rows", "groupBy": "n", "rules": [{"target": "n", "from": "key"},
                  {"target": "count", "from": "items", "pipe": [{"fn": "count"}]}]}"""),
                "{\"rows\": [{\"n\": 1}, {}, {\"n\": 1.0}, {\"n\": null}, {\"n\": \"1\"}]}"))
                .as("1 and 1.0 are one number; missing and null are one group whose key is nothing; \"1\" is text")
                .isEqualTo(json("""
                {"items": [{"n": 1, "count": 2}, {"count": 2}, {"n": "1", "count": 1}]}""").get("items"));
    }

    @Test
    void aForEachPathWithBracketsIteratesOverTheInnerListsOfEveryElementWithParentTheOuterElement() {
        CompiledMapping mapping = compile("""
                {"target": "items", "forEach": "Shipments[].Packages",
                 "rules": [{"target": "tracking", "from": "TrackingNumber"},
                           {"target": "shipment", "from": "$parent.ShipmentId"},
                           {"target": "order", "from": "$root.OrderId"},
                           {"target": "n", "from": "$index"}]},
                {"target": "plain", "forEach": "Shipments",
                 "rules": [{"target": "order", "from": "$parent.OrderId"}]}""");

        Object output = apply(mapping, """
                {"OrderId": "O-1", "Shipments": [
                   {"ShipmentId": "S-1", "Packages": [{"TrackingNumber": "T-1"}, {"TrackingNumber": "T-2"}]},
                   {"ShipmentId": "S-2"},
                   {"ShipmentId": "S-3", "Packages": [{"TrackingNumber": "T-3"}]}]}""");

        assertThat(output).isEqualTo(json("""
                {"items": [{"tracking": "T-1", "shipment": "S-1", "order": "O-1", "n": 0},
                           {"tracking": "T-2", "shipment": "S-1", "order": "O-1", "n": 1},
                           {"tracking": "T-3", "shipment": "S-3", "order": "O-1", "n": 2}],
                 "plain": [{"order": "O-1"}, {"order": "O-1"}, {"order": "O-1"}]}"""));
    }

    @Test
    void flattenThenWhereThenSortThenGroup() {
        CompiledMapping mapping = compile("""
                {"target": "byCarrier", "forEach": "Shipments[].Packages",
                 "where": {"from": "Weight", "fn": "notEquals", "args": [0]},
                 "sortBy": [{"path": "Weight", "descending": true}],
                 "groupBy": "Carrier",
                 "rules": [{"target": "carrier", "from": "key"},
                           {"target": "tracking", "from": "items", "pipe": [{"fn": "pluck", "args": ["TrackingNumber"]}]}]}""");

        assertThat(((Map<?, ?>) apply(mapping, """
                {"Shipments": [
                   {"Packages": [{"TrackingNumber": "T-1", "Carrier": "DHL", "Weight": 1},
                                 {"TrackingNumber": "T-2", "Carrier": "UPS", "Weight": 0}]},
                   {"Packages": [{"TrackingNumber": "T-3", "Carrier": "UPS", "Weight": 5},
                                 {"TrackingNumber": "T-4", "Carrier": "DHL", "Weight": 3}]}]}""")).get("byCarrier"))
                .isEqualTo(json("""
                {"x": [{"carrier": "UPS", "tracking": ["T-3"]}, {"carrier": "DHL", "tracking": ["T-4", "T-1"]}]}""")
                        .get("x"));
    }

    @Test
    void aPreviewNamesTheSourceElementEachFieldReallyCameFrom() {
        CompiledMapping sorted = compile("""
                {"target": "items", "forEach": "OrderItems",
                 "where": {"from": "QuantityOrdered", "fn": "notEquals", "args": [0]},
                 "sortBy": [{"path": "SellerSKU"}],
                 "rules": [{"target": "sku", "from": "SellerSKU"}, {"target": "order", "from": "$root.AmazonOrderId"},
                           {"target": "both", "from": ["SellerSKU", "Price"]}, {"target": "n", "from": "$index"}]}""");

        MappingPreview preview = sorted.preview(json(ORDER), MappingEnvironment.NONE);

        assertThat(preview.output()).isEqualTo(sorted.apply(json(ORDER), MappingEnvironment.NONE).output());
        assertThat(field(preview, "items[0].sku").value()).isEqualTo("A-1");
        assertThat(field(preview, "items[0].sku").sourcePaths()).containsExactly("OrderItems[3].SellerSKU");
        assertThat(field(preview, "items[1].sku").sourcePaths()).containsExactly("OrderItems[0].SellerSKU");
        assertThat(field(preview, "items[2].both").sourcePaths())
                .containsExactly("OrderItems[2].SellerSKU", "OrderItems[2].Price");
        assertThat(field(preview, "items[0].order").sourcePaths()).containsExactly("AmazonOrderId");
        assertThat(field(preview, "items[0].n").sourcePaths()).containsExactly("$index");

        MappingPreview flattened = compile("""
                {"target": "items", "forEach": "Shipments[].Packages",
                 "rules": [{"target": "tracking", "from": "TrackingNumber"},
                           {"target": "shipment", "from": "$parent.ShipmentId"},
                           {"target": "lines", "forEach": "Lines", "rules": [{"target": "sku", "from": "Sku"}]}]}""")
                .preview(json("""
                {"Shipments": [{"ShipmentId": "S-1"},
                               {"ShipmentId": "S-2", "Packages": [{"TrackingNumber": "T-1", "Lines": [{"Sku": "a"}]}]}]}"""),
                        MappingEnvironment.NONE);
        assertThat(field(flattened, "items[0].tracking").sourcePaths())
                .containsExactly("Shipments[1].Packages[0].TrackingNumber");
        assertThat(field(flattened, "items[0].shipment").sourcePaths()).containsExactly("Shipments[1].ShipmentId");
        assertThat(field(flattened, "items[0].lines[0].sku").sourcePaths())
                .containsExactly("Shipments[1].Packages[0].Lines[0].Sku");

        MappingPreview grouped = compile("""
                {"target": "items", "forEach": "OrderItems", "groupBy": "SellerSKU",
                 "rules": [{"target": "sku", "from": "key"},
                           {"target": "qty", "from": "items", "pipe": [{"fn": "sum", "args": ["QuantityOrdered"]}]},
                           {"target": "first", "from": "items[1].Price"}]}""")
                .preview(json(ORDER), MappingEnvironment.NONE);
        assertThat(field(grouped, "items[1].sku").sourcePaths())
                .containsExactly("OrderItems[1].SellerSKU", "OrderItems[3].SellerSKU");
        assertThat(field(grouped, "items[1].qty").sourcePaths()).containsExactly("OrderItems[1]", "OrderItems[3]");
        assertThat(field(grouped, "items[1].first").sourcePaths()).containsExactly("OrderItems[3].Price");
    }

    @Test
    void aPlainLoopsLineageNamesTheSourceElementToo() {
        MappingPreview preview = compile("""
                {"target": "items", "forEach": "OrderItems", "rules": [{"target": "sku", "from": "SellerSKU"}]}""")
                .preview(json(ORDER), MappingEnvironment.NONE);

        assertThat(field(preview, "items[2].sku").sourcePaths()).containsExactly("OrderItems[2].SellerSKU");
    }

    @Test
    void problemsOfTheNewKeysNameTheirJsonPaths() {
        List<MappingProblem> problems = COMPILER.check(MappingJson.read(json("""
                {"schemaVersion": 1, "source": {"schema": "sp-api/Order"}, "rules": [
                  {"target": "a", "forEach": "OrderItems", "where": {"from": "SellerSKU", "fn": "noSuchPredicate"},
                   "sortBy": [{"path": "SellerSKU"}, {"path": "Price[x]"}], "groupBy": "a..b",
                   "rules": [{"target": "sku", "from": "key"}]},
                  {"target": "b", "forEach": "OrderItems[]x", "rules": []},
                  {"target": "c", "forEach": "OrderItems[].$parent", "rules": []},
                  {"target": "d", "forEach": "OrderItems", "sortBy": [{"path": "NotAField"}],
                   "where": {"from": "NorThis", "fn": "isNotEmpty"}, "rules": []}]}""")));

        assertThat(problems).extracting(problem -> problem.severity() + " " + problem.path() + " " + problem.code())
                .containsExactlyInAnyOrder(
                        "ERROR rules[0].where.fn UnknownFunction",
                        "ERROR rules[0].sortBy[1].path InvalidPath",
                        "ERROR rules[0].groupBy InvalidPath",
                        "ERROR rules[1].forEach InvalidPath",
                        "ERROR rules[2].forEach InvalidPath",
                        "WARNING rules[3].sortBy[0].path UnknownSource",
                        "WARNING rules[3].where.from UnknownSource");
    }

    @Test
    void aForEachLevelThatIsNotAListIsAnErrorOfTheTargetAndTheOtherElementsStillCount() {
        CompiledMapping mapping = compile("""
                {"target": "items", "forEach": "Shipments[].Packages", "rules": [{"target": "t", "from": "T"}]}""");

        MappingResult result = mapping.apply(json("""
                {"Shipments": [{"Packages": "none"}, {"Packages": [{"T": "T-1"}]}]}"""), MappingEnvironment.NONE);

        assertThat(result.problems()).extracting(problem -> problem.path() + " " + problem.code())
                .containsExactly("items NotAList");
        assertThat(result.output()).isEqualTo(json("{\"items\": [{\"t\": \"T-1\"}]}"));
    }

    @Test
    void aWhereThatFailsForAnElementIsAnErrorOfTheTargetAndLeavesThatElementOut() {
        CompiledMapping mapping = compile("""
                {"target": "items", "forEach": "OrderItems",
                 "where": {"from": "Price", "fn": "toMinorUnits", "args": [{"from": "Currency"}]},
                 "rules": [{"target": "sku", "from": "SellerSKU"}]}""");

        MappingResult result = mapping.apply(json("""
                {"OrderItems": [{"SellerSKU": "a", "Price": "1.00", "Currency": "GBP"},
                                {"SellerSKU": "b", "Price": "1.00", "Currency": "XXX"}]}"""), MappingEnvironment.NONE);

        assertThat(result.problems()).extracting(problem -> problem.path() + " " + problem.code())
                .containsExactly("items UnknownCurrency");
        assertThat(result.problems().getFirst().message()).startsWith("where: ");
        assertThat(result.output()).isEqualTo(json("{\"items\": [{\"sku\": \"a\"}]}"));
    }
}
