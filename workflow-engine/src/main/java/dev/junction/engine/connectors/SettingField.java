package dev.junction.engine.connectors;

import dev.junction.engine.schema.Schemas;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One field of a connection form. A {@code secret} field is write-only: stored encrypted, handed to the connector
 * only inside a call, never returned by any screen or answer.
 *
 * @param type         how the form asks for it
 * @param defaultValue what a new connection starts with (never set for secrets), or null
 * @param choices      the allowed values of a {@link Type#CHOICE} field (empty otherwise)
 * @param dependsOn    when the field applies: other settings of the same connection, each with the values it must
 *                     have (its default when not set); empty: always. A field that does not apply is neither shown
 *                     nor checked (a required one is required only while it applies). JSON Schema: {@code x-dependsOn}
 */
public record SettingField(String name, String label, String help, Type type, boolean required, boolean secret,
                           String defaultValue, List<String> choices, Map<String, List<String>> dependsOn) {

    public SettingField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        choices = List.copyOf(choices);
        Map<String, List<String>> conditions = new LinkedHashMap<>();
        (dependsOn == null ? Map.<String, List<String>>of() : dependsOn)
                .forEach((field, values) -> conditions.put(field, List.copyOf(values)));
        dependsOn = Collections.unmodifiableMap(conditions);
        if (secret && defaultValue != null) {
            throw new IllegalArgumentException("secret setting " + name + " cannot have a default");
        }
    }

    /** A field that always applies. */
    public SettingField(String name, String label, String help, Type type, boolean required, boolean secret,
                        String defaultValue, List<String> choices) {
        this(name, label, help, type, required, secret, defaultValue, choices, Map.of());
    }

    /** This field, applying only while the setting {@code field} has one of {@code values}. */
    public SettingField dependingOn(String field, List<String> values) {
        Map<String, List<String>> conditions = new LinkedHashMap<>(dependsOn);
        conditions.put(Objects.requireNonNull(field, "field"), values);
        return new SettingField(name, label, help, type, required, secret, defaultValue, choices, conditions);
    }

    /**
     * Whether the field applies to a connection with these plain settings: each setting it depends on has one of
     * the values named (the value of a setting not set is its default, looked up with {@code defaults}).
     */
    public boolean appliesTo(Map<String, String> settings, java.util.function.Function<String, String> defaults) {
        for (Map.Entry<String, List<String>> condition : dependsOn.entrySet()) {
            String value = settings.get(condition.getKey());
            if (value == null || value.isBlank()) {
                value = defaults.apply(condition.getKey());
            }
            if (value == null || !condition.getValue().contains(value.strip())) {
                return false;
            }
        }
        return true;
    }

    public static SettingField text(String name, String label, String help, boolean required, String defaultValue) {
        return new SettingField(name, label, help, Type.TEXT, required, false, defaultValue, List.of());
    }

    public static SettingField url(String name, String label, String help, String defaultValue) {
        return new SettingField(name, label, help, Type.URL, true, false, defaultValue, List.of());
    }

    public static SettingField choice(String name, String label, String help, String defaultValue, List<String> choices) {
        return new SettingField(name, label, help, Type.CHOICE, true, false, defaultValue, choices);
    }

    public static SettingField secret(String name, String label, String help, boolean required) {
        return new SettingField(name, label, help, Type.PASSWORD, required, true, null, List.of());
    }

    /** This field as a property of the connection form's JSON Schema ({@link ConnectorDescriptor#settingsSchema()}). */
    public Map<String, Object> schema() {
        Map<String, Object> schema = switch (type) {
            case TEXT, PASSWORD -> Schemas.string(help);
            case URL -> Schemas.with(Schemas.string(help), "format", "uri");
            case CHOICE -> Schemas.oneOf(help, choices);
            case NUMBER -> Schemas.number(help);
        };
        if (label != null) {
            schema = Schemas.titled(label, schema);
        }
        if (defaultValue != null) {
            schema = Schemas.defaulting(defaultValue, schema);
        }
        if (!dependsOn.isEmpty()) {
            schema = Schemas.with(schema, Schemas.DEPENDS_ON, new LinkedHashMap<>(dependsOn));
        }
        return secret ? Schemas.secret(schema) : schema;
    }

    public enum Type { TEXT, URL, CHOICE, NUMBER, PASSWORD }
}
