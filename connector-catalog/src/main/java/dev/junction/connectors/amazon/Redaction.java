package dev.junction.connectors.amazon;

import dev.junction.engine.connectors.ConnectorException;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The last guard before a failure leaves the connector: LWA tokens ({@code Atza|…}, {@code Atzr|…}) and the
 * connection's secrets are masked in its message and body excerpt, whatever a remote side echoed.
 */
final class Redaction {

    private static final Pattern LWA_TOKEN = Pattern.compile("Atz[ar]\\|[^\\s\"'&,;]+");
    private static final String MASK = "****";

    private Redaction() {
    }

    static ConnectorException clean(ConnectorException failure, List<String> secrets) {
        String message = mask(failure.getMessage(), secrets);
        String body = mask(failure.remoteBody(), secrets);
        if (Objects.equals(message, failure.getMessage())
                && Objects.equals(body, failure.remoteBody())) {
            return failure;
        }
        return failure.withText(message, body);
    }

    static String mask(String text, List<String> secrets) {
        if (text == null) {
            return null;
        }
        String masked = text;
        for (String secret : secrets) {
            if (secret != null && secret.length() >= 4) {
                masked = masked.replace(secret, MASK);
            }
        }
        return LWA_TOKEN.matcher(masked).replaceAll(MASK);
    }
}
