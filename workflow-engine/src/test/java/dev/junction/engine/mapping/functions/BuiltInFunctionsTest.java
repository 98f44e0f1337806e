package dev.junction.engine.mapping.functions;

import dev.junction.engine.runs.LookupTables;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BuiltInFunctionsTest {

    private final TestFunctionContext context = new TestFunctionContext();

    private Object call(String name, Object input, Object... args) {
        return BuiltInFunctions.standard().find(name).orElseThrow().apply(input, Arrays.asList(args), context);
    }

    @Test
    void minorUnitsFollowTheCurrencysExponentAndRoundHalfEven() {
        assertThat(call("toMinorUnits", "19.99", "GBP")).isEqualTo(1999L);
        assertThat(call("toMinorUnits", "95,00", "EUR")).isEqualTo(9500L);
        assertThat(call("toMinorUnits", "1.234,56", "EUR")).isEqualTo(123456L);
        assertThat(call("toMinorUnits", "1,234.56", "usd")).isEqualTo(123456L);
        assertThat(call("toMinorUnits", "0.125", "GBP")).isEqualTo(12L);
        assertThat(call("toMinorUnits", "0.135", "GBP")).isEqualTo(14L);
        assertThat(call("toMinorUnits", "1500", "JPY")).isEqualTo(1500L);
        assertThat(call("toMinorUnits", "1.2345", "BHD")).isEqualTo(1234L);
        assertThat(call("toMinorUnits", null, "GBP")).isNull();
        assertThat(call("fromMinorUnits", 1999L, "GBP")).isEqualTo(new BigDecimal("19.99"));
        assertThat(call("fromMinorUnits", 1500L, "JPY")).isEqualTo(new BigDecimal("1500"));
        assertThatThrownBy(() -> call("toMinorUnits", "19.99", "XYZ")).isInstanceOf(FunctionException.class)
                .hasMessage("toMinorUnits: \"XYZ\" is not an ISO 4217 currency code")
                .extracting(e -> ((FunctionException) e).code()).isEqualTo("UnknownCurrency");
        assertThat(call("toMinorUnits", "-92233720368547758.08", "GBP")).isEqualTo(Long.MIN_VALUE);
        assertThatThrownBy(() -> call("toMinorUnits", "92233720368547758.08", "GBP"))
                .isInstanceOf(FunctionException.class)
                .hasMessage("toMinorUnits: 92233720368547758.08 is too large an amount (at most 9223372036854775807"
                        + " minor units)");
        assertThatThrownBy(() -> call("toMinorUnits", "abc", "GBP"))
                .hasMessage("toMinorUnits expects a decimal amount like \"19.99\" or \"95,00\", got \"abc\"");
    }

    @Test
    void addressesLinesCountriesPostcodesAndNames() {
        assertThat(call("splitLines", "Flat 3,\n221B Baker Street,, London ")).isEqualTo(List.of("Flat 3",
                "221B Baker Street", "London"));
        assertThat(call("joinLines", Arrays.asList("1 High St", "", null, " Leeds "))).isEqualTo("1 High St, Leeds");
        assertThat(call("joinLines", Arrays.asList("", null))).isNull();
        assertThat(call("countryToIso2", "United Kingdom")).isEqualTo("GB");
        assertThat(call("countryToIso2", "uk")).isEqualTo("GB");
        assertThat(call("countryToIso2", "Deutschland")).isEqualTo("DE");
        assertThat(call("countryToIso2", "FRA")).isEqualTo("FR");
        assertThat(call("countryToIso2", "Côte d’Ivoire")).isEqualTo("CI");
        assertThatThrownBy(() -> call("countryToIso2", "Atlantis")).hasMessageContaining("\"Atlantis\" is not a country");
        assertThat(call("ukPostcode", "sw1a2aa")).isEqualTo("SW1A 2AA");
        assertThat(call("ukPostcode", " ec1a 1bb ")).isEqualTo("EC1A 1BB");
        assertThatThrownBy(() -> call("ukPostcode", "12345")).hasMessageContaining("is not a UK postcode");
        assertThat(call("firstName", " Jane  Q. Public ")).isEqualTo("Jane");
        assertThat(call("lastName", "Jane Q. Public")).isEqualTo("Public");
        assertThat(call("lastName", "\tJane Q.\u00a0Public \n")).isEqualTo("Q.\u00a0Public"); // no-break space joins
        assertThat(call("firstName", "Bob")).isEqualTo("Bob");
        assertThat(call("lastName", "Bob ")).isEqualTo("Bob");
        assertThat(call("firstName", "   ")).isNull();
        assertThat(call("lastName", "")).isNull();
        assertThat(call("convertAddress", Map.of("AddressLine1", "1 High St", "CountryCode", "GB", "PostalCode", "LS1 1AA"),
                "amazon", "dynamics")).isEqualTo(Map.of("shipto_line1", "1 High St", "shipto_postalcode", "LS1 1AA",
                "shipto_country", "GB"));
    }

    @Test
    void truncateCutsToTheTargetsMaxLengthWithAWarning() {
        context.targetSchema = Map.of("type", "string", "maxLength", 20);
        assertThat(call("truncate", "Maximilian-Alexander-Friedrich")).isEqualTo("Maximilian-Alexander");
        assertThat(context.warnings).containsExactly("Truncated: cut from 30 to 20 characters");
        assertThat(call("truncate", "short")).isEqualTo("short");
        assertThat(call("truncate", "abcdef", 3)).isEqualTo("abc");
        context.targetSchema = Map.of();
        assertThatThrownBy(() -> call("truncate", "abc")).hasMessageContaining("needs a target field with a maxLength");
        assertThatThrownBy(() -> call("truncate", "abc", -1)).isInstanceOf(FunctionException.class)
                .hasMessage("truncate expects a length of 0 or more, got -1");
    }

    @Test
    void whatABuiltInDoesNotCheckItselfStillFailsAsTheFieldsErrorNamingWhatItWasGiven() {
        assertThatThrownBy(() -> call("formatDate", "2026-11-22T10:15:30Z", (Object) null))
                .isInstanceOf(FunctionException.class)
                .hasMessage("formatDate cannot work with \"2026-11-22T10:15:30Z\" and the arguments nothing: a value"
                        + " it needs is nothing")
                .extracting(e -> ((FunctionException) e).code()).isEqualTo("FunctionFailed");
        assertThatThrownBy(() -> call("fromEpochSeconds", Long.MAX_VALUE)).isInstanceOf(FunctionException.class)
                .hasMessage("fromEpochSeconds cannot work with 9223372036854775807: Instant exceeds minimum or maximum"
                        + " instant");
        assertThatThrownBy(() -> call("toMinorUnits", "1e999999999", "GBP")).isInstanceOf(FunctionException.class)
                .hasMessage("toMinorUnits: \"1E+999999999\" has more than 1000 digits before or after its point");
        assertThatThrownBy(() -> call("padLeft", "7", 2_000_000_000L, "0")).isInstanceOf(FunctionException.class)
                .hasMessage("padLeft pads to at most 10000 characters, got 2000000000");
        assertThatThrownBy(() -> call("round", "1.5", 2_000_000_000L)).isInstanceOf(FunctionException.class)
                .hasMessage("round takes at most 1000 decimals either way, got 2000000000");
        assertThat(call("add", Long.MAX_VALUE, 1L)).isEqualTo(new BigDecimal("9223372036854775808"));
        assertThat(call("isTrue", Double.NaN)).isEqualTo(false);
    }

    @Test
    void lookupsFollowTheTablesPolicyForAMissingKey() {
        assertThat(call("lookup", "SKU-1", "sku-asin")).isEqualTo("B00ASIN1");
        assertThatThrownBy(() -> call("lookup", "SKU-9", "sku-asin"))
                .hasMessage("the key \"SKU-9\" is not in lookup table 'sku-asin'");
        context.policy = LookupTables.MissingKey.NULL;
        assertThat(call("lookup", "SKU-9", "sku-asin")).isNull();
        context.policy = LookupTables.MissingKey.PASS_THROUGH;
        assertThat(call("lookup", "SKU-9", "sku-asin")).isEqualTo("SKU-9");
    }

    @Test
    void datesBooleansAndNumbers() {
        assertThat(call("toIsoDateTime", "2026-11-24T10:15:00+01:00")).isEqualTo("2026-11-24T09:15:00Z");
        assertThat(call("toIsoDateTime", "2026-11-24", "Europe/London")).isEqualTo("2026-11-24T00:00:00Z");
        assertThat(call("parseDate", "24/11/2026 10:15", "dd/MM/yyyy HH:mm", "Europe/Berlin"))
                .isEqualTo("2026-11-24T09:15:00Z");
        assertThat(call("formatDate", "2026-11-24T09:15:00Z", "yyyy-MM-dd HH:mm", "Europe/Berlin"))
                .isEqualTo("2026-11-24 10:15");
        assertThat(call("fromEpochSeconds", 0L)).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(call("toEpochSeconds", "1970-01-01T00:01:00Z")).isEqualTo(60L);
        assertThat(call("toBoolean", "TRUE")).isEqualTo(true);
        assertThat(call("toBoolean", "false")).isEqualTo(false);
        assertThatThrownBy(() -> call("toBoolean", "maybe")).hasMessageContaining("got \"maybe\"");
        assertThat(call("isTrue", "maybe")).isEqualTo(false);
        assertThat(call("toInteger", "42")).isEqualTo(42L);
        assertThatThrownBy(() -> call("toInteger", "4.2")).hasMessageContaining("whole number, got 4.2");
        assertThatThrownBy(() -> call("parseDate", "yesterday", "dd/MM/yyyy")).hasMessageContaining("does not match");
    }

    @Test
    void listsAndLogic() {
        List<Object> items = List.of(Map.of("sku", "A", "qty", 2L), Map.of("sku", "B", "qty", 3L));
        assertThat(call("sum", items, "qty")).isEqualTo(new BigDecimal("5"));
        assertThat(call("sum", List.of("1.10", "2.20"))).isEqualTo(new BigDecimal("3.30"));
        assertThat(call("count", items)).isEqualTo(2L);
        assertThat(call("first", List.of())).isNull();
        assertThat(call("join", List.of("a", "", "b"), "-")).isEqualTo("a-b");
        assertThat(call("filter", items, "sku", "B")).isEqualTo(List.of(items.get(1)));
        assertThat(call("pluck", items, "sku")).isEqualTo(List.of("A", "B"));
        assertThat(call("coalesce", Arrays.asList(null, " ", "x"))).isEqualTo("x");
        assertThat(call("coalesce", null, "fallback")).isEqualTo("fallback");
        assertThat(call("ifElse", "true", "yes", "no")).isEqualTo("yes");
        assertThat(call("ifElse", "", "yes", "no")).isEqualTo("no");
        assertThat(call("add", 1L, 1)).isEqualTo(2L);
        assertThat(call("divide", "10", 3)).isEqualTo(new BigDecimal("3.33"));
        assertThatThrownBy(() -> call("divide", "10", 0)).hasMessage("divide: the divisor is 0");
    }

    @Test
    void statusMapsHarmonizeEverySpellingAndNameWhatTheyDoNotKnow() {
        ValueMap amazon = ShippedValueMaps.instance().find("amazon-order-status→canonical").orElseThrow();
        assertThat(amazon.apply("Canceled")).isEqualTo("CANCELLED");
        assertThat(amazon.apply("canceled")).isEqualTo("CANCELLED");
        assertThat(amazon.apply("Shipped")).isEqualTo("SHIPPED");
        ValueMap shipment = ShippedValueMaps.instance().find("fba-shipment-status→canonical").orElseThrow();
        assertThat(shipment.apply("CANCELLED_BY_SELLER")).isEqualTo("CANCELLED");
        ValueMap fba = ShippedValueMaps.instance().find("fba-fulfillment-status→canonical").orElseThrow();
        assertThat(fba.apply("COMPLETE_PARTIALLED")).isEqualTo("PARTIALLY_SHIPPED");
        assertThat(ShippedValueMaps.instance().find("amazon-status→dynamics-salesorder").orElseThrow().apply("Shipped"))
                .isEqualTo(Map.of("statecode", 3L, "statuscode", 100001L));
        assertThatThrownBy(() -> amazon.apply("Lost")).isInstanceOf(FunctionException.class)
                .hasMessageContaining("\"Lost\" is not in value map 'amazon-order-status→canonical'");
        for (ValueMap map : ShippedValueMaps.instance().all()) {
            if (!map.name().contains("dynamics-salesorder")) {
                assertThat(map.entries().values()).as(map.name())
                        .allSatisfy(value -> assertThat(ShippedValueMaps.CANONICAL_STATUSES).contains((String) value));
            }
        }

        ValueMap withDefault = ValueMap.fromJson("d", Map.of("entries", Map.of("A", "1"), "unmapped", "default",
                "default", "0"));
        assertThat(withDefault.apply("B")).isEqualTo("0");
        ValueMap passing = ValueMap.fromJson("p", Map.of("entries", Map.of("A", "1"), "unmapped", "passThrough"));
        assertThat(passing.apply("B")).isEqualTo("B");
        assertThatThrownBy(() -> ValueMap.fromJson("x", Map.of("entries", Map.of("A", "1"), "unmapped", "default")))
                .hasMessage("default is required when unmapped is 'default'");
        assertThatThrownBy(() -> ValueMap.fromJson("x", Map.of("entries", Map.of("A", "1"), "unmapped", "ignore")))
                .hasMessage("unmapped must be error, default or passThrough, not 'ignore'");
    }
}
