package dev.junction.ui.shared;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.shared.HasValidationProperties;
import com.vaadin.flow.component.textfield.TextField;
import dev.junction.engine.schema.Schemas;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A form generated from a JSON Schema object (as {@link Schemas} builds them): one field per property, in the
 * schema's order, labelled by its {@code title} (or name), with its {@code description} as help, its
 * {@code default} for a new value, and a required mark for the {@code required} ones. A string is a text field
 * ({@code format: uri} hints a URL), an {@code enum} a select (each value shown by its {@code x-enumNames} entry when
 * the schema gives one; the value is what is kept), a number or integer a text field taking digits, a
 * boolean a checkbox. Three extensions beside {@code x-enumNames}:
 * <ul>
 *   <li>{@code x-secret}: a write-only {@link SecretInput} (a stored value is never shown; left alone it is not sent,
 *       so the service keeps it);</li>
 *   <li>{@code x-dependsOn: {"other": [values…]}}: shown only while {@code other} is shown and has one of the values;
 *       a hidden field is not submitted;</li>
 *   <li>{@code x-expression}: a text field marked as taking an expression.</li>
 * </ul>
 * Each field's id is {@code idPrefix + name}. The form checks nothing itself: the service does, and its problems are
 * shown through {@link #target(String)} and {@link FieldErrors}.
 */
public class SchemaForm extends FormLayout {

    /** One rendered property. */
    private record Field(String name, String label, String type, Component component, HasValue<?, ?> input,
                         HasValidationProperties validation, SecretInput secret, Map<String, List<String>> dependsOn) {

        boolean isSecret() {
            return secret != null;
        }
    }

    private final Map<String, Field> fields = new LinkedHashMap<>();

    /**
     * A form for {@code schema}. {@code values} are the current values (an absent one starts empty); when
     * {@code values} is null the form is for something new and starts from the defaults. {@code storedSecrets}
     * says, per secret property that has a stored value, when and by whom it was set.
     */
    public SchemaForm(Map<String, Object> schema, Map<String, ?> values, Map<String, String> storedSecrets,
                      String idPrefix) {
        addClassName("schema-form");
        setResponsiveSteps(new ResponsiveStep("0", 1));
        List<String> required = strings(schema.get("required"));
        for (Map.Entry<String, Map<String, Object>> property : properties(schema).entrySet()) {
            String name = property.getKey();
            Map<String, Object> field = property.getValue();
            Object initial = values == null ? field.get("default") : values.get(name);
            Field rendered = render(name, field, required.contains(name), initial, storedSecrets.get(name),
                    idPrefix + name);
            fields.put(name, rendered);
            add(rendered.component());
            if (!rendered.isSecret()) {
                rendered.input().addValueChangeListener(change -> showApplicable());
            }
        }
        showApplicable();
    }

    /** The shown plain fields' values by property name, in order: text as typed, a number parsed, a boolean. */
    public Map<String, Object> values() {
        Map<String, Object> values = new LinkedHashMap<>();
        fields.values().stream().filter(field -> !field.isSecret() && field.component().isVisible())
                .forEach(field -> values.put(field.name(), typed(field)));
        return values;
    }

    /** {@link #values()} as text, as connection settings are stored. */
    public Map<String, String> textValues() {
        Map<String, String> values = new LinkedHashMap<>();
        values().forEach((name, value) -> values.put(name, value instanceof BigDecimal number
                ? number.toPlainString() : String.valueOf(value)));
        return values;
    }

    /** The shown secrets that are to be sent (see {@link SecretInput#valueToSend()}). */
    public Map<String, String> secretValues() {
        Map<String, String> values = new LinkedHashMap<>();
        fields.values().stream().filter(field -> field.isSecret() && field.component().isVisible())
                .forEach(field -> field.secret().valueToSend().ifPresent(value -> values.put(field.name(), value)));
        return values;
    }

    /** Where a problem with property {@code name} is shown, if the form shows that property now. */
    public Optional<FieldErrors.Target> target(String name) {
        Field field = fields.get(name);
        if (field == null || !field.component().isVisible()) {
            return Optional.empty();
        }
        return Optional.of(field.isSecret()
                ? new FieldErrors.Target(field.validation(), field.label(), field.secret()::reveal)
                : new FieldErrors.Target(field.validation(), field.label()));
    }

    /** Clears the errors shown on the fields. */
    public void clearErrors() {
        fields.values().forEach(field -> field.validation().setInvalid(false));
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    /** Shows each field whose {@code x-dependsOn} holds (in order, so a chain of dependencies settles). */
    private void showApplicable() {
        for (Field field : fields.values()) {
            field.component().setVisible(field.dependsOn().entrySet().stream().allMatch(condition -> {
                Field other = fields.get(condition.getKey());
                return other != null && other.component().isVisible() && !other.isSecret()
                        && condition.getValue().contains(text(other.input().getValue()));
            }));
        }
    }

    private static Field render(String name, Map<String, Object> schema, boolean required, Object initial,
                                String storedSecret, String id) {
        String label = schema.get("title") instanceof String title ? title : name;
        String help = schema.get("description") instanceof String description ? description : null;
        String type = schema.get("type") instanceof String given ? given : "string";
        Map<String, List<String>> dependsOn = dependsOn(schema.get(Schemas.DEPENDS_ON));
        if (Boolean.TRUE.equals(schema.get(Schemas.SECRET))) {
            SecretInput secret = new SecretInput(name, label, help, required, storedSecret, id);
            return new Field(name, label, type, secret, secret.input(), secret.input(), secret, dependsOn);
        }
        List<String> choices = strings(schema.get("enum"));
        if (!choices.isEmpty()) {
            Map<String, String> labels = choiceLabels(choices, strings(schema.get(Schemas.ENUM_NAMES)));
            Select<String> select = new Select<>();
            select.setLabel(label);
            select.setItems(choices);
            select.setItemLabelGenerator(value -> value == null ? "" : labels.getOrDefault(value, value));
            // an optional choice with a default among its values needs no empty entry: leaving it means the default
            select.setEmptySelectionAllowed(!required && !choices.contains(text(schema.get("default"))));
            Object shown = initial == null ? schema.get("default") : initial;
            if (shown != null && choices.contains(text(shown))) {
                select.setValue(text(shown));
            }
            return field(name, label, type, select, select, required, help, id, dependsOn);
        }
        if ("boolean".equals(type)) {
            Checkbox checkbox = new Checkbox(label, Boolean.TRUE.equals(initial) || "true".equals(initial));
            return field(name, label, type, checkbox, checkbox, required, help, id, dependsOn);
        }
        TextField text = new TextField(label);
        text.setValue(initial == null ? "" : text(initial));
        switch (type) {
            case "number" -> text.setAllowedCharPattern("[0-9.eE+\\-]");
            case "integer" -> text.setAllowedCharPattern("[0-9\\-]");
            default -> {
                if ("uri".equals(schema.get("format"))) {
                    text.setPlaceholder("https://…");
                }
            }
        }
        if (Boolean.TRUE.equals(schema.get(Schemas.EXPRESSION))) {
            Span marker = new Span("ƒx");
            marker.addClassName("expression-marker");
            marker.getElement().setAttribute("title", "Takes an expression");
            text.setPrefixComponent(marker);
            text.getElement().setAttribute("data-expression", "");
            help = help == null ? "Takes an expression, e.g. {{ input.orderId }}"
                    : help + " · Takes an expression, e.g. {{ input.orderId }}";
        }
        return field(name, label, type, text, text, required, help, id, dependsOn);
    }

    private static <C extends Component & HasValue<?, ?> & HasValidationProperties> Field field(
            String name, String label, String type, C component, HasValidationProperties validation,
            boolean required, String help, String id, Map<String, List<String>> dependsOn) {
        component.setRequiredIndicatorVisible(required);
        manualValidation(component);
        if (help != null && component instanceof com.vaadin.flow.component.HasHelper helped) {
            helped.setHelperText(help);
        }
        if (component instanceof com.vaadin.flow.component.HasSize sized) {
            sized.setWidthFull();
        }
        component.setId(id);
        return new Field(name, label, type, component, component, validation, null, dependsOn);
    }

    /** The service decides what is valid: a field shows only the errors it is given, never its own guesses. */
    private static void manualValidation(Component component) {
        switch (component) {
            case TextField text -> text.setManualValidation(true);
            case Select<?> select -> select.setManualValidation(true);
            case Checkbox checkbox -> checkbox.setManualValidation(true);
            default -> {
            }
        }
    }

    private static Object typed(Field field) {
        Object value = field.input().getValue();
        if (value instanceof Boolean || !(value instanceof String given)) {
            return value == null ? "" : value;
        }
        if (("number".equals(field.type()) || "integer".equals(field.type())) && !given.isBlank()) {
            try {
                return new BigDecimal(given.strip());
            } catch (NumberFormatException notANumber) {
                return given; // the service names what it must be
            }
        }
        return given;
    }

    private static String text(Object value) {
        return value == null ? "" : value instanceof BigDecimal number ? number.toPlainString() : value.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> properties(Map<String, Object> schema) {
        Object properties = schema.get("properties");
        if (!(properties instanceof Map<?, ?> map)) {
            return Map.of();
        }
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        map.forEach((name, property) -> {
            if (property instanceof Map<?, ?> described) {
                result.put(String.valueOf(name), (Map<String, Object>) described);
            }
        });
        return result;
    }

    private static Map<String, List<String>> dependsOn(Object condition) {
        if (!(condition instanceof Map<?, ?> map)) {
            return Map.of();
        }
        Map<String, List<String>> result = new LinkedHashMap<>();
        map.forEach((field, values) -> result.put(String.valueOf(field), strings(values)));
        return result;
    }

    /**
     * Values as the form would show them, in one line for a list: "Metric: 95th percentile duration, Sensitivity:
     * Normal" — each field by its {@code title}, each choice by its {@code x-enumNames} words; secrets left out.
     */
    @SuppressWarnings("unchecked")
    public static String summary(Map<String, Object> schema, Map<String, ?> values) {
        Map<String, Object> properties = schema.get("properties") instanceof Map<?, ?> map
                ? (Map<String, Object>) map : Map.of();
        List<String> parts = new ArrayList<>();
        values.forEach((name, value) -> {
            Map<String, Object> field = properties.get(name) instanceof Map<?, ?> known ? (Map<String, Object>) known
                    : Map.of();
            if (value == null || Boolean.TRUE.equals(field.get(Schemas.SECRET))) {
                return;
            }
            String label = field.get("title") instanceof String title ? title : name;
            String shown = choiceLabels(strings(field.get("enum")), strings(field.get(Schemas.ENUM_NAMES)))
                    .getOrDefault(text(value), text(value));
            parts.add(label + ": " + shown);
        });
        return String.join(", ", parts);
    }

    /** Each value's words from {@code x-enumNames} (same order as the enum); a value without any is shown as is. */
    private static Map<String, String> choiceLabels(List<String> values, List<String> names) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < values.size() && i < names.size(); i++) {
            if (!names.get(i).isBlank()) {
                labels.put(values.get(i), names.get(i));
            }
        }
        return labels;
    }

    private static List<String> strings(Object list) {
        if (!(list instanceof List<?> items)) {
            return List.of();
        }
        List<String> result = new ArrayList<>();
        items.stream().filter(Objects::nonNull).forEach(item -> result.add(text(item)));
        return result;
    }
}
