package dev.junction.engine.mapping;

import dev.junction.engine.mapping.bench.OrderSamples;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.junction.engine.mapping.MappingTestSupport.COMPILER;
import static dev.junction.engine.mapping.MappingTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MappingCompilerTest {

    private static final String INLINE_TARGET = """
            "target": {"schema": {"type": "object", "required": ["id", "lines"], "properties": {
              "id": {"type": "string", "maxLength": 12},
              "status": {"type": "string", "enum": ["PAID", "SHIPPED", "CANCELLED"]},
              "total": {"type": "integer"},
              "flag": {"type": "boolean"},
              "note": {"type": "string"},
              "asin": {"type": "string"},
              "lines": {"type": "array", "items": {"type": "object", "required": ["sku"], "properties": {
                "no": {"type": "integer"}, "sku": {"type": "string"}, "order": {"type": "string"},
                "qty": {"type": "integer"}}}}}}}""";

    private static CompiledMapping compile(String rules) {
        return COMPILER.compile(MappingJson.read(json("{\"schemaVersion\": 1, " + INLINE_TARGET + ", \"rules\": [" + rules + "]}")));
    }

    @Test
    void theShippedAmazonToOpayoMappingMakesAValidPaymentRequest() {
        CompiledMapping mapping = COMPILER.compile(MappingJson.read(MappingTestSupport.resource(
                "/junction/mappings/amazon-order-to-opayo-payment.json")));
        MappingResult result = mapping.apply(OrderSamples.order(1), MappingEnvironment.NONE);

        assertThat(result.problems()).filteredOn(MappingProblem::isError).isEmpty();
        @SuppressWarnings("unchecked")
        Map<String, Object> out = (Map<String, Object>) result.output();
        assertThat(out).containsEntry("transactionType", "Payment").containsEntry("vendorTxCode",
                        OrderSamples.order(1).get("AmazonOrderId"))
                .containsEntry("amount", 10101L).containsEntry("currency", "EUR")
                .containsEntry("customerFirstName", "Dr").containsEntry("entryMethod", "Ecommerce");
        assertThat(out.get("customerLastName")).isEqualTo("Humboldt-Bergstrasse");
        @SuppressWarnings("unchecked")
        Map<String, Object> address = (Map<String, Object>) out.get("billingAddress");
        assertThat(address).containsEntry("address1", "Flat 3, 221B Baker Street, Marylebone, London")
                .containsEntry("country", "IE").doesNotContainKey("address2");
        assertThat(mapping.apply(OrderSamples.order(3), MappingEnvironment.NONE).problems())
                .as("a 56-character first line is cut to Opayo's 50 with a warning, not an error")
                .containsExactly(MappingProblem.warning("billingAddress.address1", "Truncated",
                        "cut from 55 to 50 characters"));
    }

    @Test
    void everyDefinitionProblemIsReportedAtOnceWithItsPath() {
        List<MappingProblem> problems = COMPILER.check(MappingJson.read(json("""
                {"schemaVersion": 1, "source": {"schema": "sp-api/Order"}, "target": {"schema": "opayo/TransactionRequest"},
                 "colour": "blue",
                 "rules": [
                   {"target": "vendorTxCode", "from": "AmazonOrderId", "value": "x"},
                   {"target": "billingAddress.adress1", "from": "ShippingAddress.AddressLine1"},
                   {"target": "amount", "from": "OrderTotal.Amount", "pipe": [{"fn": "toMinorUnits"}]},
                   {"target": "currency", "from": "OrderTotal.CurrencyCode", "pipe": [{"fn": "uppercase"}]},
                   {"target": "description", "expression": "source.AmazonOrderId +"},
                   {"target": "customerEmail", "from": "BuyerInfo.Email"},
                   {"target": "entryMethod", "from": "OrderStatus", "valueMap": "no-such-map"},
                   {"target": "entryMethod", "value": "Ecommerce"}
                 ]}""")));

        assertThat(problems).extracting(problem -> problem.severity() + " " + problem.path() + " " + problem.code())
                .containsExactlyInAnyOrder(
                        "ERROR colour UnknownField",
                        "ERROR rules[0] Source",
                        "ERROR rules[1].target UnknownTarget",
                        "ERROR rules[2].pipe[0].args Arity",
                        "ERROR rules[3].pipe[0].fn UnknownFunction",
                        "ERROR rules[4].expression Syntax",
                        "WARNING rules[5].from UnknownSource",
                        "ERROR rules[6].valueMap UnknownValueMap",
                        "ERROR rules[7].target DuplicateTarget");
        assertThat(problems).filteredOn(problem -> problem.path().equals("rules[1].target")).first()
                .extracting(MappingProblem::message).asString().contains("did you mean 'billingAddress.address1'?");
        assertThat(problems).filteredOn(problem -> problem.path().equals("rules[2].pipe[0].args")).first()
                .extracting(MappingProblem::message).isEqualTo("toMinorUnits takes 1 argument, got 0: currency is missing");
        assertThatThrownBy(() -> COMPILER.compile(MappingJson.read(json("{\"schemaVersion\": 2, \"rules\": {}}"))))
                .isInstanceOf(MappingDefinitionException.class)
                .hasMessageContaining("schemaVersion: must be 1").hasMessageContaining("rules: must be a list");
    }

    @Test
    void rulesReadPathsConstantsJavaScriptAndElementWiseArrays() {
        CompiledMapping mapping = compile("""
                {"target": "id", "from": "order.id"},
                {"target": "total", "expression": "source.order.lines.reduce((s, l) => s + l.qty, 0)"},
                {"target": "flag", "from": "order.gift", "pipe": [{"fn": "toBoolean"}]},
                {"target": "note", "from": ["order.note", "order.fallbackNote"], "pipe": [{"fn": "coalesce"}]},
                {"target": "lines", "forEach": "order.lines", "rules": [
                   {"target": "no", "from": "$index", "pipe": [{"fn": "add", "args": [1]}]},
                   {"target": "sku", "from": "sku", "pipe": [{"fn": "upper"}]},
                   {"target": "order", "from": "$root.order.id"},
                   {"target": "qty", "from": "qty", "when": {"from": "qty", "fn": "notEquals", "args": [0]}}
                ]}""");

        MappingResult result = mapping.apply(json("""
                {"order": {"id": "A-1", "gift": "TRUE", "fallbackNote": "leave at door",
                 "lines": [{"sku": "ab-1", "qty": 2}, {"sku": "cd-2", "qty": 0}]}}"""), MappingEnvironment.NONE);

        assertThat(result.problems()).isEmpty();
        assertThat(result.output()).isEqualTo(json("""
                {"id": "A-1", "total": 2, "flag": true, "note": "leave at door",
                 "lines": [{"no": 1, "sku": "AB-1", "order": "A-1", "qty": 2}, {"no": 2, "sku": "CD-2", "order": "A-1"}]}"""));
    }

    @Test
    void fieldErrorsAndSchemaProblemsNameTheirTargetPathsAndTheOtherFieldsAreStillFilled() {
        CompiledMapping mapping = compile("""
                {"target": "id", "from": "id"},
                {"target": "status", "from": "status", "valueMap": {"entries": {"Shipped": "SHIPPED"}, "unmapped": "error"}},
                {"target": "total", "from": "amount", "pipe": [{"fn": "toMinorUnits", "args": [{"from": "currency"}]}]},
                {"target": "asin", "from": "sku", "lookup": "sku-asin"},
                {"target": "lines", "forEach": "lines", "rules": [{"target": "sku", "from": "sku"}]}""");
        MappingEnvironment lookups = new MappingEnvironment((table, key) -> "SKU-1".equals(key)
                ? Optional.of("B00ASIN1") : Optional.empty(), CurrencyRates.NONE);

        MappingResult result = mapping.apply(json("""
                {"id": "ORDER-WITH-A-LONG-ID", "status": "Canceled", "amount": "12,50", "currency": "XXX",
                 "sku": "SKU-9", "lines": [{"sku": "a"}, {"qty": 1}]}"""), lookups);

        assertThat(result.hasErrors()).isTrue();
        // in rule order, a field's schema problems with it; required fields no rule filled once the record is done
        assertThat(result.problems()).extracting(problem -> problem.path() + " " + problem.code()).containsExactly(
                "id MaxLength", "status Unmapped", "total UnknownCurrency", "asin LookupKeyMissing",
                "lines[1].sku Required");
        assertThat(result.problems().get(3).message()).isEqualTo("the key \"SKU-9\" is not in lookup table 'sku-asin'");
        assertThat(result.output()).isEqualTo(json("{\"id\": \"ORDER-WITH-A-LONG-ID\","
                + " \"lines\": [{\"sku\": \"a\"}, {}]}"));
    }

    @Test
    void aPreviewShowsEachFieldsLineageStepByStep() {
        CompiledMapping mapping = COMPILER.compile(MappingJson.read(MappingTestSupport.resource(
                "/junction/mappings/amazon-order-to-opayo-payment.json")));
        Map<String, Object> order = OrderSamples.order(0);

        MappingPreview preview = mapping.preview(order, MappingEnvironment.NONE);

        assertThat(preview.output()).isEqualTo(mapping.apply(order, MappingEnvironment.NONE).output());
        FieldTrace amount = preview.fields().stream().filter(field -> field.targetPath().equals("amount"))
                .findFirst().orElseThrow();
        assertThat(amount.sourcePaths()).containsExactly("OrderTotal.Amount");
        assertThat(amount.steps()).extracting(FieldTrace.Step::label, FieldTrace.Step::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("from OrderTotal.Amount", "100.00"),
                org.assertj.core.groups.Tuple.tuple("toMinorUnits(OrderTotal.CurrencyCode)", 10000L));
        assertThat(amount.value()).isEqualTo(10000L);
        FieldTrace line1 = preview.fields().stream().filter(field -> field.targetPath()
                .equals("billingAddress.address1")).findFirst().orElseThrow();
        assertThat(line1.steps()).extracting(FieldTrace.Step::value)
                .containsExactly("  10 Downing Street ", "10 Downing Street", "10 Downing Street");
        assertThat(preview.fields()).extracting(FieldTrace::targetPath).contains("transactionType", "vendorTxCode",
                "billingAddress.country", "entryMethod");
    }

    @Test
    void currencyConversionNamesTheRateItUsed() {
        CompiledMapping mapping = compile("""
                {"target": "id", "from": "id"},
                {"target": "note", "from": "amount", "pipe": [{"fn": "convertCurrency", "args": ["EUR", "GBP", "2026-11-20"]},
                  {"fn": "toString"}]},
                {"target": "lines", "value": []}""");
        CurrencyRates rates = (from, to, date) -> "EUR".equals(from) && "GBP".equals(to) && !date.isBefore(
                java.time.LocalDate.of(2026, 11, 1)) ? Optional.of(new CurrencyRates.Rate(new BigDecimal("0.8700"),
                java.time.LocalDate.of(2026, 11, 1), "ECB")) : Optional.empty();

        MappingResult result = mapping.apply(json("{\"id\": \"X\", \"amount\": \"100,00\"}"),
                new MappingEnvironment((table, key) -> Optional.empty(), rates));

        assertThat(result.problems()).isEmpty();
        assertThat(((Map<?, ?>) result.output()).get("note")).isEqualTo("{\"amount\":87.00,\"currency\":\"GBP\","
                + "\"rate\":0.8700,\"rateDate\":\"2026-11-01\",\"rateSource\":\"ECB\"}");
    }

    @Test
    void aConstantTheTargetDoesNotTakeIsADefinitionErrorOfTheRulesValue() {
        assertThat(COMPILER.check(MappingJson.read(json("{\"schemaVersion\": 1, " + INLINE_TARGET + """
                , "rules": [{"target": "id", "value": "a constant id that is too long"},
                  {"target": "status", "value": "Paid"}, {"target": "total", "value": "12"},
                  {"target": "lines", "value": []}]}"""))))
                .extracting(problem -> problem.path() + " " + problem.code() + ": " + problem.message())
                .containsExactly(
                        "rules[0].value MaxLength: 'id' must be at most 12 characters, got 30",
                        "rules[1].value Enum: 'status' must be one of [PAID, SHIPPED, CANCELLED], got \"Paid\"",
                        "rules[2].value Type: 'total' must be integer, got string");
    }

    @Test
    void aConstantThatFitsIsCheckedOnceAndARequiredFieldItFillsIsNeverReportedMissing() {
        CompiledMapping mapping = compile("""
                {"target": "id", "value": "A-1"}, {"target": "status", "value": "PAID"},
                {"target": "lines", "forEach": "lines", "rules": [{"target": "sku", "value": "SKU-1"}]}""");

        MappingResult result = mapping.apply(json("{\"lines\": [{}, {}]}"), MappingEnvironment.NONE);

        assertThat(result.problems()).isEmpty();
        assertThat(result.output()).isEqualTo(json("""
                {"id": "A-1", "status": "PAID", "lines": [{"sku": "SKU-1"}, {"sku": "SKU-1"}]}"""));
        assertThat(compile("{\"target\": \"status\", \"value\": \"PAID\"}")
                .apply(json("{}"), MappingEnvironment.NONE).problems())
                .as("a required field no rule fills is still reported")
                .extracting(problem -> problem.path() + " " + problem.code()).containsExactly("id Required",
                        "lines Required");
    }

    @Test
    void anArityProblemNamesTheParametersMissingOrWhatTheFunctionTakes() {
        assertThat(COMPILER.check(MappingJson.read(json("""
                {"schemaVersion": 1, "rules": [
                  {"target": "a", "from": "x", "pipe": [{"fn": "convertCurrency"}]},
                  {"target": "b", "from": "x", "pipe": [{"fn": "replace", "args": ["-", "+", "!"]}]},
                  {"target": "c", "from": "x", "pipe": [{"fn": "upper", "args": [1]}]},
                  {"target": "d", "from": "x", "when": {"from": "y", "fn": "equals"}}]}"""))))
                .extracting(problem -> problem.path() + ": " + problem.message()).containsExactly(
                        "rules[0].pipe[0].args: convertCurrency takes 2 to 3 arguments, got 0: from, to are missing",
                        "rules[1].pipe[0].args: replace takes 2 arguments, got 3: after replacement there is no"
                                + " parameter (replace(search, replacement))",
                        "rules[2].pipe[0].args: upper takes no arguments, got 1",
                        "rules[3].when.args: equals takes 1 argument, got 0: value is missing");
    }

    @Test
    void overlappingTargetsAreADefinitionProblem() {
        assertThat(COMPILER.check(MappingJson.read(json("""
                {"schemaVersion": 1, "rules": [{"target": "address", "value": {}},
                  {"target": "address.city", "value": "Leeds"}]}"""))))
                .extracting(problem -> problem.path() + " " + problem.code() + ": " + problem.message())
                .containsExactly("rules[1].target OverlappingTarget: 'address.city' overlaps 'address', filled by"
                        + " another rule: one would overwrite the other");
    }

    @Test
    void aForEachConditionThatFailsIsAnErrorOfThatFieldNotACrash() {
        CompiledMapping mapping = COMPILER.compile(MappingJson.read(json("""
                {"schemaVersion": 1, "rules": [{"target": "id", "from": "id"},
                  {"target": "lines", "forEach": "lines", "when": {"expression": "source.nope.deeper"},
                   "rules": [{"target": "sku", "from": "sku"}]}]}""")));

        MappingResult result = mapping.apply(json("{\"id\": \"A\", \"lines\": [{\"sku\": \"x\"}]}"),
                MappingEnvironment.NONE);

        assertThat(result.output()).isEqualTo(json("{\"id\": \"A\"}"));
        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("lines");
            assertThat(problem.code()).isEqualTo("ExpressionFailed");
            assertThat(problem.message()).startsWith("when: ");
        });
    }
}
