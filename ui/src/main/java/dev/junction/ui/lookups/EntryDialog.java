package dev.junction.ui.lookups;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import dev.junction.backend.api.ConflictException;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.ui.shared.FieldErrors;

/** Adds an entry to a lookup table, or changes an entry's value (its key then stays). */
class EntryDialog extends Dialog {

    /** Stores the entry; throws the service's exceptions when refused. */
    @FunctionalInterface
    interface Save {
        void save(String key, String value);
    }

    private final TextField key = new TextField();
    private final TextField value = new TextField();
    private final FieldErrors errors = new FieldErrors().on("key", "Key", key).otherwise("Value", value);

    /** {@code currentKey} null: a new entry. */
    EntryDialog(String keyLabel, String valueLabel, String currentKey, String currentValue, Save save) {
        setHeaderTitle(currentKey == null ? "New entry" : "Change '" + currentKey + "'");
        key.setLabel(keyLabel);
        key.setId("entry-key");
        key.setRequired(true);
        key.setValue(currentKey == null ? "" : currentKey);
        key.setReadOnly(currentKey != null);
        key.setWidthFull();
        value.setLabel(valueLabel);
        value.setId("entry-value");
        value.setValue(currentValue == null ? "" : currentValue);
        value.setWidthFull();
        FormLayout form = new FormLayout(key, value);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);
        setWidth("28em");
        Button saveButton = new Button("Save", click -> {
            errors.clear();
            try {
                save.save(key.getValue(), value.getValue());
                close();
            } catch (InvalidInputException e) {
                errors.show(e);
            } catch (ConflictException e) {
                errors.show(e);
            }
        });
        saveButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveButton.addClickShortcut(Key.ENTER);
        saveButton.setId("save-entry");
        getFooter().add(new Button("Cancel", click -> close()), saveButton);
        (currentKey == null ? key : value).focus();
    }
}
