package dev.junction.backend.connections;

import dev.junction.engine.connectors.ConnectorException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Blanks secret values out of what a connector call produced (its output, its failure's message and remote body),
 * as {@code ****}, so that a connector or remote API that echoes a credential cannot leak it into step records,
 * idempotency records, samples or connection-test messages: each secret in every form it takes on the wire
 * ({@link SecretForms}: URL-encoded, base64 in both alphabets, with or without padding, inside a {@code Basic}
 * header), the access tokens the connector obtained with them (it registers those with
 * {@code ConnectionAccess.obtained}), and the credentials of any {@code Basic} or {@code Bearer} authorization value
 * a remote side echoes.
 */
final class Redaction {

    static final String MASK = "****";

    private Redaction() {
    }

    static Object output(Object value, List<String> secrets) {
        return maskedValue(value, SecretForms.of(secrets));
    }

    private static Object maskedValue(Object value, List<String> forms) {
        return switch (value) {
            case String text -> masked(text, forms);
            case Map<?, ?> map -> {
                Map<String, Object> copy = new LinkedHashMap<>();
                map.forEach((key, item) -> copy.put(masked(String.valueOf(key), forms), maskedValue(item, forms)));
                yield copy;
            }
            case List<?> list -> {
                List<Object> copy = new ArrayList<>(list.size());
                list.forEach(item -> copy.add(maskedValue(item, forms)));
                yield copy;
            }
            case null, default -> value;
        };
    }

    static ConnectorException failure(ConnectorException failure, List<String> secrets) {
        List<String> forms = SecretForms.of(secrets);
        return failure.withText(masked(failure.getMessage(), forms), masked(failure.remoteBody(), forms));
    }

    static String text(String text, List<String> secrets) {
        return masked(text, SecretForms.of(secrets));
    }

    private static String masked(String text, List<String> forms) {
        if (text == null) {
            return null;
        }
        String redacted = text;
        for (String form : forms) {
            redacted = redacted.replace(form, MASK);
        }
        return SecretForms.AUTHORIZATION.matcher(redacted).replaceAll(match -> looksLikeCredentials(match.group(3))
                ? match.group(1) + match.group(2) + MASK : Matcher.quoteReplacement(match.group()));
    }

    /** Credentials, not a phrase such as "Basic plan": long enough, with a digit or a base64 / token symbol. */
    private static boolean looksLikeCredentials(String value) {
        return value.length() >= 12
                && value.chars().anyMatch(c -> Character.isDigit(c) || "+/=_-.~".indexOf(c) >= 0);
    }
}
