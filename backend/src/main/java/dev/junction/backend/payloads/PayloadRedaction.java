package dev.junction.backend.payloads;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes secrets and card data out of a payload before people see it, and says what it took and by which rule:
 * <ul>
 * <li>{@link Rule#SECRET_FIELD} — the value of a field whose name has a word that says it is a secret (password,
 * secret, token, credentials, authorization, cookie, apikey; api key, private key, access key, client secret,
 * session id as two words: {@code accessToken}, {@code client_secret}, {@code X-Api-Key}), whatever the value;</li>
 * <li>{@link Rule#CARD_SECURITY_CODE} — the value of a field named cvv, cvc, cv2, cid, security code or card
 * code;</li>
 * <li>{@link Rule#CARD_NUMBER} — a card number anywhere in a text or a number: 13–19 digits, whole or in groups
 * of four (Amex 4-6-5) split by spaces or dashes, that start like a card network's numbers (Visa 4, Mastercard
 * 51–55 and 2221–2720, Amex 34/37, Discover 6011/644–649/65, JCB 35, Diners 30/36/38) and pass the Luhn check — an
 * order id such as {@code 111-2222222-3333333} or a time in epoch milliseconds is left alone; only the last four
 * digits stay.</li>
 * </ul>
 * A redacted value reads {@code [redacted: <rule>]} (a card number {@code [redacted: card number …1234]}).
 */
public final class PayloadRedaction {

    /** Why a value was taken out. */
    public enum Rule {
        SECRET_FIELD("secret field"), CARD_SECURITY_CODE("card security code"), CARD_NUMBER("card number");

        private final String label;

        Rule(String label) {
            this.label = label;
        }

        /** The rule as people read it, e.g. "card number". */
        public String label() {
            return label;
        }
    }

    /** One value taken out: where ({@code $.payment.card}) and by which rule. */
    public record Redaction(String path, Rule rule) {
    }

    /** The payload with its secrets taken out, and what was taken. */
    public record Redacted(Object value, List<Redaction> redactions) {
    }

    /** A word of a field name (camelCase, snake_case, kebab-case split) that makes it a secret. */
    private static final Set<String> SECRET_WORDS = Set.of("password", "passwd", "passphrase", "pwd", "secret",
            "token", "credential", "credentials", "authorization", "cookie", "apikey");
    /** Two words in a row that make a field name a secret ("api key", "private key", "session id"…). */
    private static final Set<String> SECRET_PAIRS = Set.of("api key", "private key", "access key", "signing key",
            "session id", "client secret");
    private static final Pattern WORD_BREAK = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])|[-_ .]+");
    private static final Pattern SECURITY_CODE_NAME = Pattern.compile(
            "cvv2?|cvc2?|cv2|cid|csc|security[-_ ]?code|card[-_ ]?code|card[-_ ]?verification([-_ ]?(value|code))?",
            Pattern.CASE_INSENSITIVE);
    /** 13–19 digits whole, in groups of four, or Amex's 4-6-5; not inside a longer run of digits. */
    private static final Pattern CARD_CANDIDATE = Pattern.compile("(?<![\\d-])(?:\\d{13,19}"
            + "|\\d{4}([ -])\\d{4}\\1\\d{4}\\1\\d{1,7}|\\d{4}([ -])\\d{6}\\2\\d{5})(?![\\d-])");
    private static final Pattern CARD_NETWORK = Pattern.compile(
            "4.*|5[1-5].*|2(2[2-9][1-9]|2[3-9]\\d|[3-6]\\d\\d|7[01]\\d|720).*|3[47].*|6011.*|64[4-9].*|65.*|35.*"
                    + "|3[068].*");

    private PayloadRedaction() {
    }

    public static Redacted redact(Object payload) {
        List<Redaction> redactions = new ArrayList<>();
        Object value = walk(payload, "$", redactions);
        return new Redacted(value, List.copyOf(redactions));
    }

    /** Whether a field of this name holds a secret. */
    static boolean isSecretName(String name) {
        String[] words = WORD_BREAK.split(name.strip());
        for (int i = 0; i < words.length; i++) {
            String word = words[i].toLowerCase(Locale.ROOT);
            if (SECRET_WORDS.contains(word)
                    || i > 0 && SECRET_PAIRS.contains(words[i - 1].toLowerCase(Locale.ROOT) + " " + word)) {
                return true;
            }
        }
        return false;
    }

    private static Object walk(Object value, String path, List<Redaction> redactions) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, field) -> {
                String name = String.valueOf(key);
                String fieldPath = path + "." + name;
                if (field != null && !(field instanceof Map<?, ?>) && !(field instanceof List<?>)
                        && SECURITY_CODE_NAME.matcher(name.strip()).matches()) {
                    redactions.add(new Redaction(fieldPath, Rule.CARD_SECURITY_CODE));
                    copy.put(name, marker(Rule.CARD_SECURITY_CODE));
                } else if (field != null && isSecretName(name)) {
                    redactions.add(new Redaction(fieldPath, Rule.SECRET_FIELD));
                    copy.put(name, marker(Rule.SECRET_FIELD));
                } else {
                    copy.put(name, walk(field, fieldPath, redactions));
                }
            });
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                copy.add(walk(list.get(i), path + "[" + i + "]", redactions));
            }
            return copy;
        }
        if (value instanceof String text) {
            return cardsOut(text, path, redactions);
        }
        if (value instanceof Number number && !(value instanceof Double) && !(value instanceof Float)) {
            String digits = number.toString();
            if (isCardNumber(digits)) {
                redactions.add(new Redaction(path, Rule.CARD_NUMBER));
                return cardMarker(digits);
            }
        }
        return value;
    }

    private static String cardsOut(String text, String path, List<Redaction> redactions) {
        Matcher matcher = CARD_CANDIDATE.matcher(text);
        StringBuilder out = null;
        int last = 0;
        while (matcher.find()) {
            String digits = matcher.group().replaceAll("[ -]", "");
            if (!isCardNumber(digits)) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder();
                redactions.add(new Redaction(path, Rule.CARD_NUMBER));
            }
            out.append(text, last, matcher.start()).append(cardMarker(digits));
            last = matcher.end();
        }
        return out == null ? text : out.append(text, last, text.length()).toString();
    }

    private static String marker(Rule rule) {
        return "[redacted: " + rule.label() + "]";
    }

    private static String cardMarker(String digits) {
        return "[redacted: " + Rule.CARD_NUMBER.label() + " …" + digits.substring(digits.length() - 4) + "]";
    }

    /** Whether these digits are a payment card number: length, network prefix and Luhn check. */
    static boolean isCardNumber(String digits) {
        return digits.length() >= 13 && digits.length() <= 19 && CARD_NETWORK.matcher(digits).matches()
                && luhn(digits);
    }

    /** The Luhn check every payment card number passes. */
    static boolean luhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return false;
            }
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0 && !digits.chars().allMatch(c -> c == digits.charAt(0));
    }

    /** "2 values redacted: card number at $.card, secret field at $.auth.password" (empty when none). */
    public static String describe(List<Redaction> redactions) {
        if (redactions.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (Redaction redaction : redactions) {
            parts.add(redaction.rule().label() + " at " + redaction.path());
        }
        return redactions.size() + (redactions.size() == 1 ? " value" : " values") + " redacted: "
                + String.join(", ", parts);
    }
}
