package dev.junction.engine.mapping.functions;

import dev.junction.engine.mapping.CurrencyRates;
import dev.junction.engine.runs.LookupTables;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every built-in's signature agrees with its behaviour: called on an example input with an argument for each
 * parameter (two for a variadic one), and with the required ones only, it works, every value is of the type its
 * parameter says, and the result is of its result type; its arity is what its parameters say.
 */
class FunctionSignaturesTest {

    /** An example call: the input and an argument per parameter; {@code requiredInput}: for the required-only call. */
    private record Example(Object input, List<Object> args, Object requiredInput) {
    }

    private static final Map<String, Example> EXAMPLES = new LinkedHashMap<>();

    private static void example(String name, Object input, Object... args) {
        EXAMPLES.put(name, new Example(input, Arrays.asList(args), input));
    }

    static {
        example("toMinorUnits", "19.99", "GBP");
        example("fromMinorUnits", 1999L, "GBP");
        example("parseDecimal", "1.234,56");
        example("round", "2.345", 2L);
        example("formatDecimal", 19.9, 2L);
        example("convertCurrency", "10.00", "GBP", "EUR", "2026-11-20");
        example("trim", "  a  ");
        example("upper", "abc");
        example("lower", "ABC");
        example("truncate", "abcdef", 3L);
        example("concat", "a", "b", "c");
        example("prefix", "123", "ORD-");
        example("replace", "a-b", "-", "+");
        example("substring", "abcdef", 1L, 3L);
        example("padLeft", "7", 3L, "0");
        example("split", "a,b", ",");
        example("matches", "AB12", "[A-Z]+[0-9]+");
        example("toString", 12L);
        example("toIsoDateTime", "2026-11-24", "Europe/London");
        example("parseDate", "24/11/2026 10:15", "dd/MM/yyyy HH:mm", "Europe/London");
        example("formatDate", "2026-11-24T10:15:00Z", "dd/MM/yyyy", "Europe/London");
        example("toZone", "2026-11-24T10:15:00Z", "Europe/London");
        example("fromEpochSeconds", 1764000000L);
        example("fromEpochMillis", 1764000000000L);
        example("toEpochSeconds", "2026-11-24T10:15:00Z");
        example("toBoolean", "yes");
        example("isTrue", "true");
        example("toNumber", "3.5");
        example("toInteger", "12");
        EXAMPLES.put("sum", new Example(List.of(Map.of("qty", 2L), Map.of("qty", 3L)), List.of("qty"),
                List.of(1L, 2.5)));
        example("count", List.of(1L, 2L));
        example("first", List.of(1L, 2L));
        example("last", List.of(1L, 2L));
        example("join", List.of("a", "b"), ", ");
        example("filter", List.of(Map.of("s", "SHIPPED"), Map.of("s", "NEW")), "s", "SHIPPED");
        example("pluck", List.of(Map.of("a", 1L)), "a");
        example("field", Map.of("a", 1L), "a");
        example("flatten", List.of(List.of(1L), List.of(2L)));
        example("distinct", List.of(1L, 1L, 2L));
        example("coalesce", null, "x", "y");
        example("ifElse", true, "yes", "no");
        example("default", null, "x");
        example("isEmpty", "");
        example("isNotEmpty", "a");
        example("equals", "a", "a");
        example("notEquals", "a", "b");
        example("add", 1L, 2L);
        example("subtract", 5L, 2L);
        example("multiply", 3L, 2L);
        example("divide", 10L, 4L, 2L);
        example("splitLines", "1 High St\nLeeds");
        example("joinLines", List.of("1 High St", "Leeds"), " / ");
        example("line", List.of("1 High St", "Leeds"), 2L);
        example("countryToIso2", "United Kingdom");
        example("ukPostcode", "sw1a2aa");
        example("firstName", "Jane Q. Public");
        example("lastName", "Jane Q. Public");
        example("convertAddress", Map.of("Name", "Jane", "AddressLine1", "1 High St", "CountryCode", "GB"), "amazon",
                "fba");
        example("lookup", "SKU-1", "sku-asin");
    }

    private final FunctionContext context = new FunctionContext() {
        @Override
        public LookupTables lookups() {
            return new LookupTables() {
                @Override
                public Optional<Object> find(String table, String key) {
                    return "sku-asin".equals(table) && "SKU-1".equals(key) ? Optional.of("B00ASIN1")
                            : Optional.empty();
                }

                @Override
                public MissingKey missingKeyPolicy(String table) {
                    return MissingKey.ERROR;
                }
            };
        }

        @Override
        public CurrencyRates rates() {
            return (from, to, date) -> Optional.of(new CurrencyRates.Rate(new BigDecimal("1.15"),
                    LocalDate.of(2026, 11, 20), "test"));
        }

        @Override
        public Map<String, Object> targetSchema() {
            return Map.of("type", "string", "maxLength", 4L);
        }

        @Override
        public void warn(String code, String message) {
        }
    };

    @Test
    void everyBuiltInHasAnExampleCall() {
        assertThat(BuiltInFunctions.standard().all()).extracting(MappingFunction::name)
                .containsExactlyInAnyOrderElementsOf(EXAMPLES.keySet());
    }

    @Test
    void everyBuiltInWorksWithItsDocumentedArgumentsAndGivesItsResultType() {
        for (MappingFunction function : BuiltInFunctions.standard().all()) {
            Example example = EXAMPLES.get(function.name());
            List<FunctionParameter> parameters = function.parameters();
            String name = function.name();
            int arguments = parameters.isEmpty() || !parameters.getLast().variadic() ? parameters.size()
                    : parameters.size() + 1;
            assertThat(example.args()).as(name + ": an argument per parameter").hasSize(arguments);
            assertThat(example.args().size()).as(name + " takes them").isBetween(function.minArgs(),
                    function.maxArgs());
            assertThat(isA(function.inputType(), example.input()) || example.input() == null)
                    .as(name + ": the input is " + function.inputType()).isTrue();
            for (int i = 0; i < example.args().size(); i++) {
                FunctionParameter parameter = parameters.get(Math.min(i, parameters.size() - 1));
                assertThat(isA(parameter.type(), example.args().get(i)))
                        .as(name + ": " + parameter.name() + " is " + parameter.type()).isTrue();
            }

            Object result = function.apply(example.input(), example.args(), context);
            assertThat(result).as(name + " gives something").isNotNull();
            assertThat(isA(function.resultType(), result)).as(name + " gives " + function.resultType() + ", gave "
                    + result).isTrue();

            List<Object> required = example.args().subList(0, function.minArgs());
            assertThatCode(() -> {
                Object plain = function.apply(example.requiredInput(), required, context);
                assertThat(plain == null || isA(function.resultType(), plain)).as(name + " with its required"
                        + " arguments gives " + function.resultType() + ", gave " + plain).isTrue();
            }).as(name + " with its required arguments only").doesNotThrowAnyException();
        }
    }

    @Test
    void arityIsWhatTheParametersSay() {
        for (MappingFunction function : BuiltInFunctions.standard().all()) {
            List<FunctionParameter> parameters = function.parameters();
            assertThat(function.minArgs()).as(function.name()).isEqualTo(parameters.stream()
                    .filter(parameter -> !parameter.optional()).count());
            assertThat(function.maxArgs()).as(function.name()).isEqualTo(parameters.stream()
                    .anyMatch(FunctionParameter::variadic) ? Integer.MAX_VALUE : parameters.size());
            assertThat(parameters).as(function.name()).allSatisfy(parameter -> {
                assertThat(parameter.name()).matches("[a-z][A-Za-z0-9]*");
                assertThat(parameter.description()).isNotBlank();
            });
            assertThat(function.description()).as(function.name()).isNotBlank();
        }
    }

    @Test
    void aSignatureWithAnOptionalParameterBeforeARequiredOneOrAVariadicNotLastIsRefused() {
        Fn.Body body = (input, args, context) -> input;
        assertThatThrownBy(() -> Fn.of("bad", Fn.takes("any", "any", FunctionParameter.optional("a", "string", "a"),
                FunctionParameter.required("b", "string", "b")), "bad", body))
                .hasMessageContaining("the required parameter b follows an optional one");
        assertThatThrownBy(() -> Fn.of("bad", Fn.takes("any", "any", FunctionParameter.variadic("a", "string", "a"),
                FunctionParameter.required("b", "string", "b")), "bad", body))
                .hasMessageContaining("the variadic parameter a must be the last");
        assertThatThrownBy(() -> FunctionParameter.required("a", "text", "a")).hasMessageContaining("type must be");
    }

    @Test
    void theDocsListEveryFunctionsSignatureAsTheFunctionsDescribeIt() throws IOException {
        StringBuilder table = new StringBuilder("| function | input → result | parameters |\n| --- | --- | --- |\n");
        for (MappingFunction function : BuiltInFunctions.standard().all()) {
            table.append("| `").append(function.name()).append("` | ").append(function.inputType()).append(" → ")
                    .append(function.resultType()).append(" | ").append(function.parameters().isEmpty() ? "–"
                            : String.join("; ", function.parameters().stream().map(parameter -> "`"
                            + parameter.name() + (parameter.variadic() ? "…" : "") + (parameter.optional() ? "?" : "")
                            + "` " + parameter.type() + ": " + parameter.description()).toList())).append(" |\n");
        }
        String docs = Files.readString(Path.of("..", "docs", "mappings.md"));

        assertThat(docs).as("docs/mappings.md § Built-in functions has the table of signatures").contains(table);
    }

    private static boolean isA(String type, Object value) {
        return switch (type) {
            case "any" -> true;
            case "string" -> value instanceof String;
            case "boolean" -> value instanceof Boolean;
            case "array" -> value instanceof List<?>;
            case "object" -> value instanceof Map<?, ?>;
            case "number" -> value instanceof Number;
            case "integer" -> value instanceof Long || value instanceof Integer || value instanceof BigInteger
                    || value instanceof BigDecimal decimal && decimal.stripTrailingZeros().scale() <= 0;
            default -> throw new IllegalArgumentException(type);
        };
    }
}
