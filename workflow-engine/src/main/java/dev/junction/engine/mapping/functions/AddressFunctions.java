package dev.junction.engine.mapping.functions;

import dev.junction.engine.schema.KnownValue;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.junction.engine.mapping.functions.FunctionParameter.optional;
import static dev.junction.engine.mapping.functions.FunctionParameter.required;

/** Addresses and people: lines, countries, UK postcodes, names, the three address shapes; and lookups. */
final class AddressFunctions {

    private static final Map<String, String> COUNTRIES = countries();
    private static final java.util.Set<String> ISO2 = java.util.Set.of(Locale.getISOCountries());
    private static final Pattern UK_POSTCODE = Pattern.compile("^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$");
    /** The three address shapes, field by field in the same order: Amazon orders, FBA requests, Dataverse. */
    private static final Map<String, List<String>> STYLES = Map.of(
            "amazon", List.of("Name", "AddressLine1", "AddressLine2", "AddressLine3", "City", "StateOrRegion",
                    "PostalCode", "CountryCode", "Phone"),
            "fba", List.of("name", "addressLine1", "addressLine2", "addressLine3", "city", "stateOrRegion",
                    "postalCode", "countryCode", "phone"),
            "dynamics", List.of("shipto_name", "shipto_line1", "shipto_line2", "shipto_line3", "shipto_city",
                    "shipto_stateorprovince", "shipto_postalcode", "shipto_country", "shipto_telephone"));

    private AddressFunctions() {
    }

    static List<Fn> all() {
        return List.of(
                Fn.of("splitLines", Fn.takes("string", "array"),
                        "Text as address lines: split at new lines and commas, trimmed, empty"
                        + " lines dropped.", (input, args, context) -> {
                            String text = Values.text("splitLines", input);
                            if (text == null) {
                                return null;
                            }
                            List<String> lines = new ArrayList<>();
                            for (String line : text.split("[\\r\\n,]+")) {
                                if (!line.isBlank()) {
                                    lines.add(line.strip());
                                }
                            }
                            return lines;
                        }),
                Fn.of("joinLines", Fn.takes("array", "string",
                                optional("separator", "string", "what goes between the lines (default \", \")")),
                        "Address lines (a list, e.g. a rule with several sources) as one text joined"
                        + " by the separator given (default \", \"); empty lines are skipped.", (input, args, context) -> {
                            List<?> lines = Values.list("joinLines", input);
                            return lines == null ? null : Values.joinNonEmpty("joinLines", lines,
                                    args.isEmpty() ? ", " : Values.text("joinLines", args.getFirst()));
                        }),
                Fn.of("line", Fn.takes("array", "any", required("n", "integer", "the line's number (1-based)")),
                        "The n-th (1-based) line of a list of lines (nothing when there are fewer).",
                        (input, args, context) -> {
                            List<?> lines = Values.list("line", input);
                            int n = Values.integer("line", args.getFirst());
                            return lines == null || n < 1 || n > lines.size() ? null : lines.get(n - 1);
                        }),
                Fn.of("countryToIso2", Fn.takes("string", "string"),
                        "A country name in English (\"United Kingdom\", \"UK\", \"Great Britain\","
                        + " \"Deutschland\" …), an ISO alpha-3 or alpha-2 code as the ISO 3166 alpha-2 code; unknown fails.",
                        (input, args, context) -> {
                            String text = Values.text("countryToIso2", input);
                            if (text == null || text.isBlank()) {
                                return null;
                            }
                            String code = text.length() == 2 && ISO2.contains(text) ? text : COUNTRIES.get(key(text));
                            if (code == null) {
                                throw new FunctionException("UnknownCountry", "countryToIso2: " + Values.describe(text)
                                        + " is not a country name or ISO 3166 code known here");
                            }
                            return code;
                        }).giving((args, targetMaxLength) -> KnownValue.text(2, 2)),
                Fn.of("ukPostcode", Fn.takes("string", "string"),
                        "A UK postcode in its standard form (\"sw1a2aa\" → \"SW1A 2AA\"); one that"
                        + " is not a UK postcode fails.", (input, args, context) -> {
                            String text = Values.text("ukPostcode", input);
                            if (text == null || text.isBlank()) {
                                return null;
                            }
                            Matcher matcher = UK_POSTCODE.matcher(text.replaceAll("\\s+", "").toUpperCase(Locale.ROOT));
                            if (!matcher.matches()) {
                                throw new FunctionException("NotAPostcode", "ukPostcode: " + Values.describe(text)
                                        + " is not a UK postcode (like \"SW1A 2AA\")");
                            }
                            return matcher.group(1) + " " + matcher.group(2);
                        }).givingText(),
                Fn.of("firstName", Fn.takes("string", "string"),
                        "The first word of a full name (\"Jane Q. Public\" → \"Jane\").",
                        (input, args, context) -> {
                            String name = Values.text("firstName", input);
                            return name == null ? null : TextFunctions.firstWord(name);
                        }).givingText(),
                Fn.of("lastName", Fn.takes("string", "string"),
                        "The last word of a full name (\"Jane Q. Public\" → \"Public\"; one word:"
                        + " that word).", (input, args, context) -> {
                            String name = Values.text("lastName", input);
                            return name == null ? null : TextFunctions.lastWord(name);
                        }).givingText(),
                Fn.of("convertAddress", Fn.takes("object", "object",
                                required("from", "string", "the input's shape: amazon, fba or dynamics"),
                                required("to", "string", "the shape to make: amazon, fba or dynamics")),
                        "An address object from one shape to another: \"amazon\" (Name,"
                        + " AddressLine1, … CountryCode), \"fba\" (name, addressLine1, … countryCode) or \"dynamics\""
                        + " (shipto_name, shipto_line1, … shipto_country); fields the source lacks are left out.",
                        (input, args, context) -> {
                            Map<?, ?> address = Values.object("convertAddress", input);
                            if (address == null) {
                                return null;
                            }
                            List<String> from = style(args.get(0));
                            List<String> to = style(args.get(1));
                            Map<String, Object> converted = new LinkedHashMap<>();
                            for (int i = 0; i < from.size(); i++) {
                                Object value = address.get(from.get(i));
                                if (value != null) {
                                    converted.put(to.get(i), value);
                                }
                            }
                            return converted;
                        }),
                Fn.of("lookup", Fn.takes("any", "any", required("table", "string", "the lookup table's name")),
                        "The value stored under the input in the lookup table given (SKU → ASIN …); a"
                        + " missing key follows the table's policy: fail naming the key, nothing, or the key itself.",
                        (input, args, context) -> lookup(input, Values.text("lookup", args.getFirst()), context)));
    }

    static Object lookup(Object input, String table, FunctionContext context) {
        String key = Values.text("lookup", input);
        if (key == null) {
            return null;
        }
        return context.lookups().find(table, key).orElseGet(() -> switch (context.lookups().missingKeyPolicy(table)) {
            case NULL -> null;
            case PASS_THROUGH -> key;
            case ERROR -> throw new FunctionException("LookupKeyMissing", "the key " + Values.describe(key)
                    + " is not in lookup table '" + table + "'");
        });
    }

    private static List<String> style(Object name) {
        List<String> fields = STYLES.get(String.valueOf(name));
        if (fields == null) {
            throw new FunctionException("WrongArgument", "convertAddress knows the shapes amazon, fba and dynamics,"
                    + " not " + Values.describe(name));
        }
        return fields;
    }

    private static String key(String text) {
        String plain = Normalizer.normalize(text.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }

    private static Map<String, String> countries() {
        Map<String, String> names = new HashMap<>();
        for (String code : Locale.getISOCountries()) {
            Locale country = Locale.of("", code);
            names.put(key(code), code);
            names.put(key(country.getISO3Country()), code);
            names.put(key(country.getDisplayCountry(Locale.ENGLISH)), code);
            names.put(key(country.getDisplayCountry(country)), code);
        }
        Map.of("uk", "GB", "greatbritain", "GB", "britain", "GB", "england", "GB", "scotland", "GB", "wales", "GB",
                "northernireland", "GB", "usa", "US", "unitedstatesofamerica", "US", "america", "US")
                .forEach(names::put);
        names.putAll(Map.of("deutschland", "DE", "holland", "NL", "thenetherlands", "NL", "espana", "ES",
                "republicofireland", "IE", "eire", "IE", "czechrepublic", "CZ", "southkorea", "KR", "russia", "RU"));
        return Map.copyOf(names);
    }
}
