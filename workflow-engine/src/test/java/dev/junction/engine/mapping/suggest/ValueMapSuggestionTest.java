package dev.junction.engine.mapping.suggest;

import dev.junction.engine.mapping.MappingTestSupport;
import dev.junction.engine.mapping.MappingJson;
import dev.junction.engine.mapping.CompiledMapping;
import dev.junction.engine.mapping.MappingEnvironment;
import dev.junction.engine.mapping.MappingResult;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.junction.engine.mapping.MappingTestSupport.COMPILER;
import static dev.junction.engine.mapping.MappingTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Suggestions that fill a target taking only some values (a status, a statecode) through a value map that fits. */
class ValueMapSuggestionTest {

    private static final MappingSuggester SUGGESTER = MappingSuggester.over(MappingTestSupport.SCHEMAS);

    private static Map<String, Object> shipped(String id) {
        return MappingTestSupport.SCHEMAS.find(id).orElseThrow();
    }

    private static Suggestion suggestionFor(List<Suggestion> suggestions, String target) {
        return suggestions.stream().filter(suggestion -> suggestion.targetPath().equals(target)).findFirst()
                .orElseThrow(() -> new AssertionError("no suggestion for " + target + " in " + suggestions));
    }

    @Test
    void anAmazonOrderStatusIsSuggestedThroughTheShippedMapAndTheRuleWorks() {
        List<Suggestion> suggestions = SUGGESTER.suggest(shipped("sp-api/Order"), shipped("canonical/Order"),
                List.of());

        Suggestion status = suggestionFor(suggestions, "status");
        assertThat(status.sourcePath()).isEqualTo("OrderStatus");
        assertThat(status.valueMap()).isEqualTo("amazon-order-status→canonical");
        assertThat(status.reasons()).anyMatch(reason -> reason.contains("knows 8 of the source's 8 values"));

        Map<String, Object> rule = MappingSuggester.toRules(List.of(status)).getFirst();
        assertThat(rule).containsEntry("valueMap", "amazon-order-status→canonical");
        Map<String, Object> mapping = new LinkedHashMap<>();
        mapping.put("schemaVersion", 1);
        mapping.put("rules", List.of(rule));
        CompiledMapping compiled = COMPILER.compile(MappingJson.read(mapping));
        MappingResult result = compiled.apply(json("{\"OrderStatus\": \"Canceled\"}"), MappingEnvironment.NONE);
        assertThat(result.output()).isEqualTo(Map.of("status", "CANCELLED"));
    }

    @Test
    void aDataverseStatecodeAndStatuscodeAreEachSuggestedThroughTheirFieldOfThePairMap() {
        List<Suggestion> suggestions = SUGGESTER.suggest(shipped("sp-api/Order"),
                shipped("dataverse/salesorder-update"), List.of());

        assertThat(suggestionFor(suggestions, "statecode").valueMap())
                .isEqualTo("amazon-status→dynamics-salesorder.statecode");
        assertThat(suggestionFor(suggestions, "statuscode").valueMap())
                .isEqualTo("amazon-status→dynamics-salesorder.statuscode");
    }

    @Test
    void aSourceWithoutAnEnumIsMatchedByTheValuesItsDescriptionNames() {
        Map<String, Object> source = json("""
                {"type": "object", "properties": {"fulfillmentOrderStatus": {"type": "string",
                  "description": "New, Received, Planning, Processing, Cancelled, Complete, CompletePartialled,\
                 Unfulfillable, Invalid"}}}""");

        Suggestion status = suggestionFor(SUGGESTER.suggest(source, shipped("canonical/Order"), List.of()), "status");

        assertThat(status.valueMap()).isEqualTo("fba-fulfillment-status→canonical");
        assertThat(status.reasons()).anyMatch(reason -> reason.contains("description names"));
    }

    @Test
    void noMapIsSuggestedWhenNoneAnswersOnlyWhatTheTargetTakes() {
        // canonical Refund takes PENDING, REFUNDED, FAILED, CANCELLED; the Opayo map also answers PAID, AUTHORISED …
        Suggestion status = suggestionFor(SUGGESTER.suggest(shipped("opayo/TransactionResponse"),
                shipped("canonical/Refund"), List.of()), "status");

        assertThat(status.valueMap()).isNull();
        assertThat(status.reasons()).anyMatch(reason -> reason.contains("add a value map"));
        assertThat(MappingSuggester.toRules(List.of(status)).getFirst()).doesNotContainKey("valueMap");
    }
}
