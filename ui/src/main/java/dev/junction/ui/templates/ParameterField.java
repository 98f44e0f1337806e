package dev.junction.ui.templates;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import dev.junction.backend.templates.Template;

import java.util.function.Consumer;

/**
 * The field for one template parameter, by its type: {@code enum} a select of its options, {@code boolean} a
 * checkbox, {@code integer} and {@code number} a number field, {@code string} and {@code cron} a text field. Each
 * carries {@code [data-testid=parameter][data-key=<key>]}; {@code changed} gets the typed value (null when cleared).
 */
final class ParameterField {

    private ParameterField() {
    }

    static Component of(Template.Parameter parameter, Object value, Consumer<Object> changed) {
        Component field = switch (parameter.type()) {
            case "enum" -> {
                Select<String> select = new Select<>();
                select.setLabel(parameter.label());
                select.setItems(parameter.options());
                select.setValue(value == null ? null : value.toString());
                select.addValueChangeListener(change -> changed.accept(change.getValue()));
                select.setHelperText(parameter.description());
                yield select;
            }
            case "boolean" -> {
                Checkbox box = new Checkbox(parameter.label(), Boolean.TRUE.equals(value)
                        || "true".equals(String.valueOf(value)));
                box.addValueChangeListener(change -> changed.accept(change.getValue()));
                box.setTooltipText(parameter.description());
                yield box;
            }
            case "integer", "number" -> {
                NumberField number = new NumberField(parameter.label());
                number.setValue(value instanceof Number n ? n.doubleValue() : parse(value));
                number.setStep("integer".equals(parameter.type()) ? 1 : 0.01);
                number.setHelperText(parameter.description());
                number.addValueChangeListener(change -> changed.accept(change.getValue() == null ? null
                        : "integer".equals(parameter.type()) ? (Object) Math.round(change.getValue())
                        : change.getValue()));
                yield number;
            }
            default -> {
                TextField text = new TextField(parameter.label());
                text.setValue(value == null ? "" : value.toString());
                text.setHelperText(parameter.description() == null ? ("cron".equals(parameter.type())
                        ? "Quartz cron, seconds first" : null) : parameter.description());
                text.setRequired(parameter.required());
                text.addValueChangeListener(change -> changed.accept(change.getValue().isBlank() ? null
                        : change.getValue()));
                yield text;
            }
        };
        field.getElement().setAttribute("data-testid", "parameter");
        field.getElement().setAttribute("data-key", parameter.key());
        if (field instanceof com.vaadin.flow.component.HasSize sized && !(field instanceof Checkbox)) {
            sized.setWidth("28em");
        }
        return field;
    }

    private static Double parse(Object value) {
        try {
            return value == null ? null : Double.valueOf(value.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
