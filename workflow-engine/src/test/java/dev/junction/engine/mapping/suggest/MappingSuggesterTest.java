package dev.junction.engine.mapping.suggest;

import dev.junction.engine.mapping.MappingTestSupport;
import dev.junction.engine.mapping.MappingJson;
import dev.junction.engine.mapping.CompiledMapping;
import dev.junction.engine.mapping.MappingEnvironment;
import dev.junction.engine.mapping.MappingProblem;
import dev.junction.engine.mapping.MappingResult;
import dev.junction.engine.mapping.schemas.ShippedSchemas;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.Optional;
import java.util.TreeMap;

import static dev.junction.engine.mapping.MappingTestSupport.COMPILER;
import static dev.junction.engine.mapping.MappingTestSupport.json;
import static dev.junction.engine.mapping.MappingTestSupport.resource;
import static org.assertj.core.api.Assertions.assertThat;

class MappingSuggesterTest {

    private static final MappingSuggester SUGGESTER = MappingSuggester.over(MappingTestSupport.SCHEMAS);

    private static Map<String, Object> shipped(String id) {
        return MappingTestSupport.SCHEMAS.find(id).orElseThrow();
    }

    private static Optional<Suggestion> find(List<Suggestion> suggestions, String targetPath) {
        for (Suggestion suggestion : suggestions) {
            if (suggestion.targetPath().equals(targetPath)) {
                return Optional.of(suggestion);
            }
            if (suggestion.isForEach() && targetPath.startsWith(suggestion.targetPath() + "[].")) {
                return find(suggestion.inner(), targetPath.substring(suggestion.targetPath().length() + 3));
            }
        }
        return Optional.empty();
    }

    private static Suggestion get(List<Suggestion> suggestions, String targetPath) {
        return find(suggestions, targetPath).orElseThrow(() -> new AssertionError("no suggestion for " + targetPath
                + " in " + suggestions));
    }

    /** Suggestions as target → source paths, list elements with [] (lines[].sku ← OrderItems[].SellerSKU). */
    static void flatten(List<Suggestion> suggestions, String targetPrefix, String sourcePrefix,
                        Map<String, String> into) {
        for (Suggestion suggestion : suggestions) {
            if (suggestion.isForEach()) {
                flatten(suggestion.inner(), targetPrefix + suggestion.targetPath() + "[].",
                        sourcePrefix + suggestion.sourcePath() + "[].", into);
            } else {
                String source = suggestion.sourcePath();
                into.put(targetPrefix + suggestion.targetPath(), source.startsWith("$root.")
                        ? source.substring("$root.".length()) : source.startsWith("$") ? source
                        : sourcePrefix + source);
            }
        }
    }

    private static Map<String, Object> mapping(Object source, Object target, List<Suggestion> suggestions) {
        Map<String, Object> mapping = new LinkedHashMap<>();
        mapping.put("schemaVersion", 1);
        mapping.put("source", Map.of("schema", source));
        mapping.put("target", Map.of("schema", target));
        mapping.put("rules", MappingSuggester.toRules(suggestions));
        return mapping;
    }

    @Test
    void anUnseenShopOrderIsMappedToTheCanonicalOrder() {
        Map<String, Object> shop = resource("/suggest/shop-order.schema.json");
        List<Suggestion> suggestions = SUGGESTER.suggest(shop, shipped("canonical/Order"), List.of());

        Map<String, String> pairs = new TreeMap<>();
        flatten(suggestions, "", "", pairs);
        assertThat(pairs).containsEntry("orderId", "order_number")
                .containsEntry("shippingAddress.postalCode", "ship_zip")
                .containsEntry("shippingAddress.city", "ship_city")
                .containsEntry("shippingAddress.countryCode", "ship_country")
                .containsEntry("total", "total_gross")
                .containsEntry("currency", "currency_code")
                .containsEntry("placedAt", "created_at")
                .containsEntry("customer.firstName", "billing.first_name")
                .containsEntry("lines[].sku", "line_items[].article_no")
                .containsEntry("lines[].quantity", "line_items[].qty")
                .containsEntry("lines[].lineNumber", "line_items[].position")
                .doesNotContainKey("channel")
                .doesNotContainValue("shipping_total")
                .doesNotContainValue("id");

        Suggestion zip = get(suggestions, "shippingAddress.postalCode");
        assertThat(zip.reasons()).contains("synonym: ship_zip ↔ postalCode");
        Suggestion country = get(suggestions, "shippingAddress.countryCode");
        assertThat(country.pipe()).containsExactly(Map.of("fn", "countryToIso2"));
        Suggestion lines = get(suggestions, "lines");
        assertThat(lines.sourcePath()).isEqualTo("line_items");
        assertThat(lines.isForEach()).isTrue();
        assertThat(get(suggestions, "lines[].sku").sourcePath()).isEqualTo("article_no");
    }

    @Test
    void theShopOrdersSuggestedMappingRunsOnASample() {
        Map<String, Object> shop = resource("/suggest/shop-order.schema.json");
        List<Suggestion> suggestions = SUGGESTER.suggest(shop, shipped("canonical/Order"), List.of());
        CompiledMapping mapping = COMPILER.compile(MappingJson.read(mapping(shop, "canonical/Order", suggestions)));

        MappingResult result = mapping.apply(json("""
                {"id": 88412, "order_number": "WS-10042", "created_at": "2026-11-20T09:15:00+01:00",
                 "financial_status": "paid", "currency_code": "eur", "total_gross": "119.90",
                 "billing": {"first_name": "Ana", "last_name": "Ruiz", "phone": "+34 600 000 000"},
                 "customer_email": "ana@example.com",
                 "ship_name": "Ana Ruiz", "ship_street": "Calle Mayor 5", "ship_zip": "28013", "ship_city": "Madrid",
                 "ship_country": "Spain",
                 "line_items": [{"position": 1, "article_no": "TEA-200", "name": "Green tea", "qty": 3,
                                 "unit_price_gross": "39.97"}]}"""), MappingEnvironment.NONE);

        @SuppressWarnings("unchecked")
        Map<String, Object> order = (Map<String, Object>) result.output();
        assertThat(order).containsEntry("orderId", "WS-10042").containsEntry("total", "119.90")
                .containsEntry("currency", "EUR").containsEntry("placedAt", "2026-11-20T09:15:00+01:00");
        assertThat(order.get("shippingAddress")).isEqualTo(json("""
                {"name": "Ana Ruiz", "line1": "Calle Mayor 5", "postalCode": "28013", "city": "Madrid",
                 "countryCode": "ES"}"""));
        assertThat(order.get("lines")).isEqualTo(List.of(json("""
                {"lineNumber": 1, "sku": "TEA-200", "quantity": 3, "unitPrice": "39.97"}""")));
        assertThat(result.problems()).filteredOn(MappingProblem::isError).extracting(MappingProblem::path)
                .as("left to the user: a constant, and financial_status, which no name says is the status")
                .containsExactly("channel", "status");
    }

    @Test
    void everySuggestedMappingBetweenTheShippedSchemasCompilesWithoutProblems() {
        List<String> ids = MappingTestSupport.SCHEMAS.ids();
        int compiled = 0;
        for (String source : ids) {
            for (String target : ids) {
                if (source.equals(target)) {
                    continue;
                }
                List<Suggestion> suggestions = SUGGESTER.suggest(shipped(source), shipped(target), List.of());
                Map<String, Object> mapping = mapping(source, target, suggestions);
                assertThat(COMPILER.check(MappingJson.read(mapping))).as(source + " → " + target + ": " + mapping.get("rules"))
                        .isEmpty();
                compiled++;
            }
        }
        assertThat(compiled).isEqualTo(ids.size() * (ids.size() - 1));
    }

    @Test
    void anAmountAsDecimalTextBecomesMinorUnitsWithTheCurrencyBesideIt() {
        List<Suggestion> suggestions = SUGGESTER.suggest(shipped("sp-api/Order"),
                shipped("opayo/TransactionRequest"), List.of());

        Suggestion amount = get(suggestions, "amount");
        assertThat(amount.sourcePath()).isEqualTo("OrderTotal.Amount");
        assertThat(amount.pipe()).containsExactly(Map.of("fn", "toMinorUnits", "args",
                List.of(Map.of("from", "OrderTotal.CurrencyCode"))));
        assertThat(amount.reasons()).contains("type string → integer needs toMinorUnits (currency from"
                + " OrderTotal.CurrencyCode)");
        assertThat(get(suggestions, "customerFirstName").pipe()).containsExactly(Map.of("fn", "firstName"),
                Map.of("fn", "truncate"));
        assertThat(get(suggestions, "customerLastName").sourcePath()).as("a full name feeds both")
                .isEqualTo("BuyerInfo.BuyerName");
        assertThat(get(suggestions, "billingAddress.address1").pipe()).containsExactly(Map.of("fn", "truncate"));
        assertThat(get(suggestions, "vendorTxCode").pipe()).as("an id is not cut").isEmpty();
        assertThat(get(suggestions, "customerEmail").pipe()).as("nor an e-mail address").isEmpty();
    }

    @Test
    void typesAddTheFunctionsThatMakeValuesFit() {
        Map<String, Object> source = json("""
                {"type": "object", "properties": {
                  "gift": {"type": "string", "description": "\\"true\\" or \\"false\\""},
                  "created": {"type": "string", "format": "date"},
                  "count": {"type": "number"},
                  "price": {"type": "number"}}}""");
        Map<String, Object> target = json("""
                {"type": "object", "properties": {
                  "isGift": {"type": "boolean"},
                  "createdAt": {"type": "string", "format": "date-time"},
                  "count": {"type": "integer"},
                  "price": {"type": "string", "description": "Decimal amount as text"}}}""");

        List<Suggestion> suggestions = SUGGESTER.suggest(source, target, List.of());

        assertThat(get(suggestions, "isGift").pipe()).containsExactly(Map.of("fn", "isTrue"));
        assertThat(get(suggestions, "createdAt").pipe()).containsExactly(Map.of("fn", "toIsoDateTime"));
        assertThat(get(suggestions, "count").pipe()).containsExactly(Map.of("fn", "toInteger"));
        assertThat(get(suggestions, "price").pipe()).containsExactly(Map.of("fn", "formatDecimal", "args",
                List.of(2)));
        assertThat(COMPILER.check(MappingJson.read(mapping(source, target, suggestions)))).isEmpty();
    }

    @Test
    void listsOfObjectsBecomeForEachWithTheRecordsFieldsAndThePosition() {
        List<Suggestion> suggestions = SUGGESTER.suggest(shipped("dataverse/salesorder"),
                shipped("sp-api/CreateFulfillmentOrderRequest"), List.of());

        Suggestion items = get(suggestions, "items");
        assertThat(items.sourcePath()).isEqualTo("order_details");
        assertThat(items.pipe()).isEmpty();
        assertThat(get(suggestions, "items[].sellerSku").sourcePath()).isEqualTo("productid.productnumber");
        assertThat(get(suggestions, "items[].quantity").pipe()).containsExactly(Map.of("fn", "toInteger"));
        assertThat(get(suggestions, "items[].perUnitPrice.currencyCode").sourcePath())
                .isEqualTo("$root.transactioncurrencyid.isocurrencycode");
        assertThat(get(suggestions, "items[].perUnitDeclaredValue.currencyCode").sourcePath())
                .as("a field of the record may feed every element's fields").isEqualTo(
                        "$root.transactioncurrencyid.isocurrencycode");

        Suggestion lineNumber = get(SUGGESTER.suggest(shipped("sp-api/Order"), shipped("canonical/Order"),
                List.of()), "lines[].lineNumber");
        assertThat(lineNumber.sourcePath()).isEqualTo("$index");
        assertThat(lineNumber.pipe()).containsExactly(Map.of("fn", "add", "args", List.of(1)));
    }

    @Test
    void oneSuggestionPerTargetSortedByTargetPathAndEachSourceOnceUnlessItsNameSaysSo() {
        List<Suggestion> suggestions = SUGGESTER.suggest(shipped("dataverse/salesorder"),
                shipped("sp-api/CreateFulfillmentOrderRequest"), List.of());

        List<String> targets = suggestions.stream().map(Suggestion::targetPath).toList();
        assertThat(targets).isSorted().doesNotHaveDuplicates();
        assertThat(suggestions).allSatisfy(suggestion -> assertThat(suggestion.confidence())
                .isBetween(MappingSuggester.THRESHOLD, 1.0));
        assertThat(get(suggestions, "sellerFulfillmentOrderId").sourcePath()).isEqualTo("ordernumber");
        assertThat(get(suggestions, "displayableOrderId").sourcePath()).isEqualTo("ordernumber");
        assertThat(get(suggestions, "sellerFulfillmentOrderId").reasons()).anyMatch(r -> r.startsWith("also used"));
        assertThat(find(suggestions, "shipFromCountryCode")).as("shipto_country went to the destination").isEmpty();

        List<Suggestion> toDynamics = SUGGESTER.suggest(shipped("sp-api/Order"), shipped("dataverse/salesorder"),
                List.of());
        assertThat(get(toDynamics, "shipto_name").sourcePath()).isEqualTo("ShippingAddress.Name");
        assertThat(find(toDynamics, "name")).as("the order's name is not the recipient's").isEmpty();
    }

    @Test
    void savedMappingsOfTheSamePairAreStrongEvidenceAndCounted() {
        Map<String, Object> seed = resource("/junction/mappings/amazon-order-to-opayo-payment.json");
        Map<String, Object> copy = new LinkedHashMap<>(seed);
        Map<String, Object> inline = new LinkedHashMap<>(seed);
        inline.put("source", Map.of("schema", shipped("sp-api/Order")));

        List<Suggestion> suggestions = SUGGESTER.suggest(shipped("sp-api/Order"), shipped("opayo/TransactionRequest"),
                Stream.of(seed, copy, inline).map(saved -> MappingJson.read(saved).orThrow()).toList());

        Suggestion description = get(suggestions, "description");
        assertThat(description.sourcePath()).as("no name says so; three saved mappings do")
                .isEqualTo("AmazonOrderId");
        assertThat(description.pipe()).containsExactly(Map.of("fn", "prefix", "args", List.of("Amazon order ")));
        assertThat(description.reasons()).first().isEqualTo("3 saved mappings map AmazonOrderId → description");
        assertThat(description.confidence()).isEqualTo(0.94);
        assertThat(get(suggestions, "billingAddress.postalCode").pipe()).as("the saved pipe")
                .containsExactly(Map.of("fn", "trim"), Map.of("fn", "upper"));
    }

    @Test
    void savedMappingsOfOtherSchemasSpeakForAlikeNames() {
        Map<String, Object> source = json("""
                {"type": "object", "properties": {"reference": {"type": "string"}, "kunde": {"type": "string"}}}""");
        Map<String, Object> target = json("""
                {"type": "object", "properties": {"vendorTxCode": {"type": "string"}}}""");
        Map<String, Object> saved = json("""
                {"schemaVersion": 1, "source": {"schema": {"type": "object"}}, "target": {"schema": "opayo/TransactionRequest"},
                 "rules": [{"target": "vendorTxCode", "from": "reference"}]}""");

        assertThat(SUGGESTER.suggest(source, target, List.of())).isEmpty();
        List<Suggestion> suggestions = SUGGESTER.suggest(source, target, List.of(MappingJson.read(saved).orThrow()));
        assertThat(suggestions).singleElement().satisfies(suggestion -> {
            assertThat(suggestion.sourcePath()).isEqualTo("reference");
            assertThat(suggestion.confidence()).isEqualTo(0.75);
            assertThat(suggestion.reasons()).contains("1 saved mapping maps reference → vendorTxCode");
        });
    }

    @Test
    void toRulesWritesForEachWithNestedRules() {
        Suggestion sku = new Suggestion("sku", "SellerSKU", List.of(), 0.9, List.of("synonym"), List.of());
        Suggestion lines = new Suggestion("lines", "OrderItems", null, 0.8, List.of("forEach"), List.of(sku));
        Suggestion total = new Suggestion("total", "OrderTotal.Amount", List.of(Map.of("fn", "trim")), 0.9,
                List.of(), null);

        assertThat(MappingSuggester.toRules(List.of(lines, total))).isEqualTo(json("""
                {"rules": [{"target": "lines", "forEach": "OrderItems", "rules": [{"target": "sku", "from": "SellerSKU"}]},
                           {"target": "total", "from": "OrderTotal.Amount", "pipe": [{"fn": "trim"}]}]}""")
                .get("rules"));
        assertThat(new ArrayList<>(lines.pipe())).isEmpty();
    }
}
