package dev.junction.engine.connectors;

import dev.junction.engine.schema.Schemas;

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
 */
public record SettingField(String name, String label, String help, Type type, boolean required, boolean secret,
                           String defaultValue, List<String> choices) {

    public SettingField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        choices = List.copyOf(choices);
        if (secret && defaultValue != null) {
            throw new IllegalArgumentException("secret setting " + name + " cannot have a default");
        }
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
        return secret ? Schemas.secret(schema) : schema;
    }

    public enum Type { TEXT, URL, CHOICE, NUMBER, PASSWORD }
}
