package dev.junction.engine.expressions;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Path reads answered in Java give what GraalJS gives for the same expression. */
class PathExpressionTest {

    private static final ExpressionRuntime RUNTIME = new ExpressionRuntime();
    private static final ExpressionSession.Scope SCOPE = new ExpressionSession.Scope(
            Map.of("AmazonOrderId", "206-1", "OrderTotal", Map.of("Amount", 19.99, "CurrencyCode", "GBP"),
                    "Items", List.of(Map.of("SellerSKU", "SKU-1", "Qty", 2L), Map.of("SellerSKU", "SKU-2", "Qty", 1L)),
                    "count", 3L, "empty", Map.of()),
            Map.of("capture", Map.of("status", "Ok", "amount", 1999L)),
            Map.of("item", Map.of("sku", "SKU-9"), "index", 0L));

    @AfterAll
    static void close() {
        RUNTIME.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"trigger.AmazonOrderId", "trigger.OrderTotal.Amount", "trigger.Items[1].SellerSKU",
            "trigger.Items.length", "trigger.AmazonOrderId.length", "trigger['OrderTotal'][\"CurrencyCode\"]",
            "nodes.capture.amount", "vars.item.sku", "vars.index", "trigger.missing", "trigger.Items[7]",
            "trigger.count.anything", "trigger . OrderTotal . Amount", "trigger.AmazonOrderId[0]", "trigger"})
    void aPathGivesWhatJavaScriptGives(String path) {
        assertThat(PathExpression.parse(path)).as("taken as a plain path").isPresent();
        try (ExpressionSession session = RUNTIME.openSession()) {
            Object fast = session.evaluate(path, SCOPE);
            Object javascript = session.evaluate("(" + path + ")", SCOPE);
            assertThat(fast).isEqualTo(javascript);
        }
    }

    @Test
    void readingThroughAMissingValueFailsAsInJavaScript() {
        try (ExpressionSession session = RUNTIME.openSession()) {
            assertThatThrownBy(() -> session.evaluate("trigger.missing.deeper", SCOPE))
                    .isInstanceOf(ExpressionException.class)
                    .hasMessageContaining("TypeError")
                    .extracting(e -> ((ExpressionException) e).kind()).isEqualTo(ExpressionException.Kind.RUNTIME);
            assertThatThrownBy(() -> session.evaluate("(trigger.missing.deeper)", SCOPE))
                    .isInstanceOf(ExpressionException.class)
                    .extracting(e -> ((ExpressionException) e).kind()).isEqualTo(ExpressionException.Kind.RUNTIME);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"trigger.a + 1", "trigger.a()", "other.a", "trigger.a.b === 'x'", "trigger[i]",
            "trigger.Items.map(i => i.Qty)", "nodes['a' + 'b']"})
    void anythingMoreIsLeftToJavaScript(String expression) {
        assertThat(PathExpression.parse(expression)).isEmpty();
    }
}
