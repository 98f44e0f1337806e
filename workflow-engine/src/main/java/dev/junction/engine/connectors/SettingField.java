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
 * @param choices      the allowed values of a {@link Type#CHOICE} field, each with the words a form shows for it
 *                     (empty otherwise). The value is what is stored and sent; the label is only shown. JSON Schema:
 *                     {@code enum} (the values) and {@code x-enumNames} (the labels, in the same order)
 * @param dependsOn    when the field applies: other settings of the same connection, each with the values it must
 *                     have (its default when not set); empty: always. A field that does not apply is neither shown
 *                     nor checked (a required one is required only while it applies). JSON Schema: {@code x-dependsOn}
 */
public record SettingField(String name, String label, String help, Type type, boolean required, boolean secret,
                           String defaultValue, List<Choice> choices, Map<String, List<String>> dependsOn) {

    /**
     * One allowed value of a {@link Type#CHOICE} setting and the words a person reads for it, e.g.
     * {@code oauth2ClientCredentials} as "OAuth 2.0 client credentials". A blank or missing label falls back to the
     * value.
     */
    public record Choice(String value, String label) {

        public Choice {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("a choice needs a value");
            }
            label = label == null || label.isBlank() ? value : label;
        }

        /** A choice whose value is also its label. */
        public static Choice of(String value) {
            return new Choice(value, null);
        }

        public static Choice of(String value, String label) {
            return new Choice(value, label);
        }
    }

    public SettingField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        choices = List.copyOf(choices);
        if (choices.stream().map(Choice::value).distinct().count() != choices.size()) {
            throw new IllegalArgumentException("setting " + name + " names a choice twice");
        }
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
                        String defaultValue, List<Choice> choices) {
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

    /** A choice of {@code values}, each shown as itself (see the overload with labels for words a person reads). */
    public static SettingField choice(String name, String label, String help, String defaultValue, List<String> values) {
        return new SettingField(name, label, help, Type.CHOICE, true, false, defaultValue,
                values.stream().map(Choice::of).toList());
    }

    /** A choice of {@code choices}, each shown by its label, e.g. {@code Choice.of("none", "No authentication")}. */
    public static SettingField choice(String name, String label, String help, String defaultValue,
                                      Choice... choices) {
        return new SettingField(name, label, help, Type.CHOICE, true, false, defaultValue, List.of(choices));
    }

    /** The values of {@link #choices()}, in order: what a stored setting of this field may be. */
    public List<String> choiceValues() {
        return choices.stream().map(Choice::value).toList();
    }

    /** The label of {@code value} among the choices, or the value itself when it is none of them. */
    public String choiceLabel(String value) {
        return choices.stream().filter(choice -> choice.value().equals(value)).map(Choice::label).findFirst()
                .orElse(value);
    }

    public static SettingField secret(String name, String label, String help, boolean required) {
        return new SettingField(name, label, help, Type.PASSWORD, required, true, null, List.of());
    }

    /** This field as a property of the connection form's JSON Schema ({@link ConnectorDescriptor#settingsSchema()}). */
    public Map<String, Object> schema() {
        Map<String, Object> schema = switch (type) {
            case TEXT, PASSWORD -> Schemas.string(help);
            case URL -> Schemas.with(Schemas.string(help), "format", "uri");
            case CHOICE -> Schemas.named(choices.stream().map(Choice::label).toList(),
                    Schemas.oneOf(help, choiceValues()));
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
