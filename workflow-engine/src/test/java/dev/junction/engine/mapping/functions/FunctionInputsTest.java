package dev.junction.engine.mapping.functions;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every built-in function against odd inputs and arguments — nothing, empty and blank text, text that is not a number
 * or a date, numbers with an absurd exponent, huge and negative sizes, lists and objects where text is expected: each
 * call gives a value or fails with a {@link FunctionException} (which a rule reports as the field's error), never
 * another exception — and returns at all: a number like {@code 1e999999999} must not send a function into building
 * a billion-digit integer. Records come from outside (a webhook, a remote system), so an input must not be able to
 * make a mapping throw or run away.
 */
class FunctionInputsTest {

    private static final List<Object> VALUES = Arrays.asList(null, "", " ", "abc", "19.99", "95,00", "-1", "0",
            "1e999999999", "-1E-999999999", "99999999999999999999999999999", "2026-11-22", "2026-11-22T10:15:30Z",
            "2026-13-45", "Europe/London", "Mars/Phobos", "GBP", "XYZ", "dd/MM/yyyy", "[", "amazon", 0L, -1L, 3L,
            2_000_000_000L, Long.MAX_VALUE, Long.MIN_VALUE, 1.5, Double.NaN, new BigDecimal("1E+999999999"), true,
            List.of(), Arrays.asList("a", null, 2L), List.of(Map.of("a", 1L)), Map.of(), Map.of("a", "b"));

    private final TestFunctionContext context = new TestFunctionContext();

    FunctionInputsTest() {
        context.targetSchema = Map.of("type", "string", "maxLength", 20);
    }

    @Test
    void everyFunctionGivesAValueOrAFunctionErrorWhateverItIsGiven() {
        List<String> escaped = new ArrayList<>();
        for (MappingFunction function : BuiltInFunctions.standard().all()) {
            int most = Math.min(function.maxArgs(), 2);
            for (int count = function.minArgs(); count <= most; count++) {
                for (Object input : VALUES) {
                    for (List<Object> args : argumentLists(count)) {
                        try {
                            function.apply(input, args, context);
                        } catch (FunctionException expected) {
                            if (expected.getMessage() == null || expected.getMessage().isBlank()) {
                                escaped.add(function.name() + "(" + shown(input) + ", " + shown(args)
                                        + "): an error without a message");
                            }
                        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                            escaped.add(function.name() + "(" + shown(input) + ", " + shown(args) + "): " + e);
                        }
                    }
                }
            }
        }
        assertThat(escaped).isEmpty();
    }

    /** Every argument list of {@code count} arguments: each value at each place, the others a plain one ("GBP"). */
    private static List<List<Object>> argumentLists(int count) {
        List<List<Object>> lists = new ArrayList<>();
        if (count == 0) {
            lists.add(List.of());
            return lists;
        }
        for (int place = 0; place < count; place++) {
            for (Object value : VALUES) {
                List<Object> args = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    args.add(i == place ? value : "GBP");
                }
                lists.add(args);
            }
        }
        return lists;
    }

    private static String shown(Object value) {
        String text = String.valueOf(value);
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
