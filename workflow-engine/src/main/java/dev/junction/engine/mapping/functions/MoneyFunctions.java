package dev.junction.engine.mapping.functions;

import dev.junction.engine.mapping.CurrencyRates;
import dev.junction.engine.schema.KnownValue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.junction.engine.mapping.functions.FunctionParameter.optional;
import static dev.junction.engine.mapping.functions.FunctionParameter.required;

/** Money: decimal amounts ↔ minor units by the currency's ISO 4217 exponent, rounding, currency conversion. */
final class MoneyFunctions {

    private MoneyFunctions() {
    }

    static List<Fn> all() {
        return List.of(
                Fn.of("toMinorUnits", Fn.takes("any", "integer",
                                required("currency", "string", "the ISO 4217 currency code (GBP, JPY, BHD)")),
                        "A decimal amount (\"19.99\", \"95,00\", 19.99) in minor units of the currency"
                        + " given (GBP 2 decimals → 1999, JPY 0, BHD 3), rounded half-even; an unknown currency fails.",
                        (input, args, context) -> {
                            BigDecimal amount = Values.decimal("toMinorUnits", input);
                            if (amount == null) {
                                return null;
                            }
                            int exponent = exponent("toMinorUnits", Values.arg(args, 0));
                            try {
                                return amount.movePointRight(exponent).setScale(0, RoundingMode.HALF_EVEN)
                                        .longValueExact();
                            } catch (ArithmeticException e) { // beyond a long
                                throw new FunctionException("OutOfRange", "toMinorUnits: " + amount.toPlainString()
                                        + " is too large an amount (at most " + Long.MAX_VALUE + " minor units)");
                            }
                        }).giving((args, targetMaxLength) -> KnownValue.INTEGER),
                Fn.of("fromMinorUnits", Fn.takes("any", "number",
                                required("currency", "string", "the ISO 4217 currency code (GBP, JPY, BHD)")),
                        "Minor units (1999) as a decimal amount of the currency given (19.99),"
                        + " with the currency's number of decimals.",
                        (input, args, context) -> {
                            BigDecimal units = Values.decimal("fromMinorUnits", input);
                            if (units == null) {
                                return null;
                            }
                            if (units.stripTrailingZeros().scale() > 0) {
                                throw new FunctionException("WrongType", "fromMinorUnits expects whole minor units, got "
                                        + units.toPlainString());
                            }
                            int exponent = exponent("fromMinorUnits", Values.arg(args, 0));
                            return units.movePointLeft(exponent).setScale(exponent, RoundingMode.UNNECESSARY);
                        }),
                Fn.of("parseDecimal", Fn.takes("any", "number"),
                        "A number written as text (\"1.234,56\", \"95,00\", \"19.99\") as a decimal;"
                        + " empty text gives nothing.", (input, args, context) -> Values.decimal("parseDecimal", input)),
                Fn.of("round", Fn.takes("any", "number",
                                optional("scale", "integer", "the decimals to keep (default 0)")),
                        "Rounds half-even to the number of decimals given (default 0).",
                        (input, args, context) -> {
                            BigDecimal value = Values.decimal("round", input);
                            int scale = args.isEmpty() ? 0 : Values.scale("round", args.getFirst());
                            return value == null ? null : value.setScale(scale, RoundingMode.HALF_EVEN);
                        }),
                Fn.of("formatDecimal", Fn.takes("any", "string", required("scale", "integer", "the decimals to write")),
                        "A number as text with exactly the decimals given, rounded half-even"
                        + " (\"19.90\").", (input, args, context) -> {
                            BigDecimal value = Values.decimal("formatDecimal", input);
                            return value == null ? null : value.setScale(Values.scale("formatDecimal", args.getFirst()),
                                    RoundingMode.HALF_EVEN).toPlainString();
                        }),
                Fn.of("convertCurrency", Fn.takes("any", "object",
                                required("from", "string", "the amount's ISO 4217 currency code"),
                                required("to", "string", "the ISO 4217 currency code to convert to"),
                                optional("date", "string", "the date whose rate applies (ISO 8601; default today)")),
                        "Converts an amount from the currency given first to the second, at the"
                        + " rate in effect on the date given third (default today) in the rates table; answers"
                        + " {amount, currency, rate, rateDate, rateSource}. A missing rate fails naming the pair and date.",
                        MoneyFunctions::convert));
    }

    static int exponent(String function, Object currency) {
        String code = Values.text(function, currency);
        if (code == null || code.isBlank()) {
            throw new FunctionException("UnknownCurrency", function + " needs a currency code (ISO 4217, e.g. GBP),"
                    + " got nothing");
        }
        try {
            int digits = Currency.getInstance(code.strip().toUpperCase(Locale.ROOT)).getDefaultFractionDigits();
            if (digits < 0) {
                throw new IllegalArgumentException();
            }
            return digits;
        } catch (IllegalArgumentException e) {
            throw new FunctionException("UnknownCurrency", function + ": " + Values.describe(code)
                    + " is not an ISO 4217 currency code");
        }
    }

    private static Object convert(Object input, List<Object> args, FunctionContext context) {
        BigDecimal amount = Values.decimal("convertCurrency", input);
        if (amount == null) {
            return null;
        }
        String from = Values.text("convertCurrency", args.get(0)).strip().toUpperCase(Locale.ROOT);
        String to = Values.text("convertCurrency", args.get(1)).strip().toUpperCase(Locale.ROOT);
        exponent("convertCurrency", from);
        int scale = exponent("convertCurrency", to);
        LocalDate date = args.size() > 2 && args.get(2) != null
                ? DateFunctions.date("convertCurrency", args.get(2)) : LocalDate.now(java.time.ZoneOffset.UTC);
        CurrencyRates.Rate rate = from.equals(to) ? new CurrencyRates.Rate(BigDecimal.ONE, date, "same currency")
                : context.rates().rate(from, to, date).orElseThrow(() -> new FunctionException("RateMissing",
                "convertCurrency: the rates table has no rate from " + from + " to " + to + " in effect on " + date));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("amount", amount.multiply(rate.value()).setScale(scale, RoundingMode.HALF_EVEN));
        result.put("currency", to);
        result.put("rate", rate.value());
        result.put("rateDate", rate.effectiveFrom().toString());
        result.put("rateSource", rate.source());
        return result;
    }
}
