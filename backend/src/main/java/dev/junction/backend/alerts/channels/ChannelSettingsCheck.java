package dev.junction.backend.alerts.channels;

import dev.junction.backend.api.InvalidInputException.FieldProblem;
import dev.junction.engine.mapping.MappingProblem;
import dev.junction.engine.schema.JsonSchema;
import dev.junction.engine.schema.SchemaValidator;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a channel's settings against its kind's schema (the engine's schema checker: types, lengths, enums,
 * unknown fields) and what a schema cannot say: e-mail addresses, http(s) URLs, a long enough signing secret. Each
 * problem names its field: {@code settings.<name>} or {@code secrets.<name>}.
 */
final class ChannelSettingsCheck {

    static final int MIN_SIGNING_SECRET = 16;
    private static final Set<String> URL_FIELDS = Set.of("url", "eventsUrl", "webhookUrl");

    private ChannelSettingsCheck() {
    }

    /** The settings with the schema's defaults filled in for absent optional ones. */
    static Map<String, Object> withDefaults(ChannelKind kind, Map<String, Object> settings) {
        Map<String, Object> filled = new LinkedHashMap<>();
        kind.properties().forEach((name, schema) -> {
            if (kind.secretFields().contains(name)) {
                return;
            }
            Object value = settings.get(name);
            if (value == null || value instanceof String text && text.isBlank()) {
                value = schema.get("default");
            }
            if (value != null) {
                filled.put(name, value instanceof String text ? text.strip() : value);
            }
        });
        settings.forEach(filled::putIfAbsent);
        return filled;
    }

    static void settings(ChannelKind kind, Map<String, Object> settings, List<FieldProblem> problems) {
        List<String> secretFields = kind.secretFields();
        Map<String, Object> plain = new LinkedHashMap<>();
        settings.forEach((name, value) -> {
            if (secretFields.contains(name)) {
                problems.add(new FieldProblem("settings." + name, "is a secret: send it in secrets." + name));
            } else {
                plain.put(name, value);
            }
        });
        List<MappingProblem> found = new ArrayList<>();
        SchemaValidator.validate(JsonSchema.of(kind.plainSchema()), plain, "settings", found);
        found.stream().filter(MappingProblem::isError).forEach(problem ->
                problems.add(new FieldProblem(problem.path(), problem.message())));
        plain.forEach((name, value) -> {
            if (value instanceof String text && URL_FIELDS.contains(name) && !httpUrl(text)) {
                problems.add(new FieldProblem("settings." + name, "must be an http or https address"));
            }
        });
        if (kind == ChannelKind.EMAIL && plain.get("recipients") instanceof String recipients
                && !recipients.isBlank()) {
            recipientsProblem(recipients).ifPresent(message ->
                    problems.add(new FieldProblem("settings.recipients", message)));
        }
    }

    /**
     * Checks the secrets to set; {@code stored} are the fields already set (an update may leave them out).
     */
    static void secrets(ChannelKind kind, Map<String, String> secrets, Set<String> stored,
                        List<FieldProblem> problems) {
        List<String> secretFields = kind.secretFields();
        secrets.forEach((name, value) -> {
            if (!secretFields.contains(name)) {
                problems.add(new FieldProblem("secrets." + name, "is not a secret of a " + kind.jsonName()
                        + " channel" + (secretFields.isEmpty() ? " (it has none)" : "; its secrets are "
                        + String.join(", ", secretFields))));
            } else if (value == null || value.isBlank()) {
                problems.add(new FieldProblem("secrets." + name, "must not be empty (leave it out to keep the"
                        + " stored value)"));
            } else if (URL_FIELDS.contains(name) && !httpUrl(value)) {
                problems.add(new FieldProblem("secrets." + name, "must be an http or https address"));
            } else if ("signingSecret".equals(name) && value.length() < MIN_SIGNING_SECRET) {
                problems.add(new FieldProblem("secrets." + name, "must be at least " + MIN_SIGNING_SECRET
                        + " characters"));
            } else if (value.length() > 2_000) {
                problems.add(new FieldProblem("secrets." + name, "must be at most 2000 characters"));
            }
        });
        for (String required : kind.required()) {
            if (secretFields.contains(required) && !secrets.containsKey(required) && !stored.contains(required)) {
                problems.add(new FieldProblem("secrets." + required, "is required"));
            }
        }
    }

    private static boolean httpUrl(String text) {
        try {
            URI uri = URI.create(text.strip());
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static java.util.Optional<String> recipientsProblem(String recipients) {
        try {
            InternetAddress[] addresses = InternetAddress.parse(recipients, true);
            for (InternetAddress address : addresses) {
                address.validate();
            }
            return addresses.length == 0 ? java.util.Optional.of("must name at least one e-mail address")
                    : java.util.Optional.empty();
        } catch (AddressException e) {
            return java.util.Optional.of("must be e-mail addresses separated by commas, e.g. ops@example.com,"
                    + " oncall@example.com");
        }
    }
}
