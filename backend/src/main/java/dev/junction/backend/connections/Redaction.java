package dev.junction.backend.connections;

import dev.junction.engine.connectors.ConnectorException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Blanks secret values out of what a connector call produced (its output, its failure's message and remote body),
 * as {@code ****}, so that a connector or remote API that echoes a credential cannot leak it into step records.
 */
final class Redaction {

    static final String MASK = "****";

    private Redaction() {
    }

    static Object output(Object value, List<String> secrets) {
        if (secrets.isEmpty()) {
            return value;
        }
        return switch (value) {
            case String text -> text(text, secrets);
            case Map<?, ?> map -> {
                Map<String, Object> copy = new LinkedHashMap<>();
                map.forEach((key, item) -> copy.put(text(String.valueOf(key), secrets), output(item, secrets)));
                yield copy;
            }
            case List<?> list -> {
                List<Object> copy = new ArrayList<>(list.size());
                list.forEach(item -> copy.add(output(item, secrets)));
                yield copy;
            }
            case null, default -> value;
        };
    }

    static ConnectorException failure(ConnectorException failure, List<String> secrets) {
        if (secrets.isEmpty()) {
            return failure;
        }
        return failure.withText(text(failure.getMessage(), secrets), text(failure.remoteBody(), secrets));
    }

    static String text(String text, List<String> secrets) {
        if (text == null) {
            return null;
        }
        String redacted = text;
        for (String secret : secrets) {
            // very short values would blank ordinary words; secrets that short are refused when stored
            if (secret.length() >= 4) {
                redacted = redacted.replace(secret, MASK);
            }
        }
        return redacted;
    }
}
