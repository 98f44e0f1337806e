package dev.junction.ui.lookups;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.junction.backend.api.ConflictException;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.lookups.LookupTableService;
import dev.junction.db.lookups.LookupTable;
import dev.junction.engine.runs.LookupTables.MissingKey;
import dev.junction.ui.shared.FieldErrors;

/**
 * A lookup table's settings: its name (only when new), description, what a missing key means, and the labels of its
 * two columns (the CSV header). The service decides what is valid; its answer shows on the field it names.
 */
class LookupTableDialog extends Dialog {

    /** Saves the settings under {@code name}; throws the service's exceptions when refused. */
    @FunctionalInterface
    interface Save {
        void save(String name, LookupTableService.Settings settings);
    }

    private final TextField name = new TextField("Name");
    private final TextArea description = new TextArea("Description");
    private final Select<MissingKey> missingKey = new Select<>();
    private final TextField keyLabel = new TextField("Key column");
    private final TextField valueLabel = new TextField("Value column");
    private final FieldErrors errors = new FieldErrors().on("name", "Name", name)
            .on("description", "Description", description).on("keyLabel", "Key column", keyLabel)
            .on("valueLabel", "Value column", valueLabel).otherwise("Name", name);

    /** A dialog for a new table ({@code table} null) or for an existing table's settings. */
    LookupTableDialog(LookupTable table, Save save) {
        setHeaderTitle(table == null ? "New lookup table" : "Settings of '" + table.name() + "'");
        name.setId("lookup-table-name");
        name.setRequired(true);
        name.setHelperText("Lower-case letters, digits and dashes, e.g. sku-asin: what mappings name");
        name.setValue(table == null ? "" : table.name());
        name.setReadOnly(table != null);
        description.setId("lookup-table-description");
        description.setValue(table == null ? "" : table.description());
        missingKey.setLabel("A key the table does not have");
        missingKey.setId("lookup-table-missing-key");
        missingKey.setItems(MissingKey.values());
        missingKey.setItemLabelGenerator(LookupTableDialog::policyLabel);
        missingKey.setValue(table == null ? MissingKey.ERROR : table.missingKey());
        keyLabel.setId("lookup-table-key-label");
        keyLabel.setValue(table == null ? "key" : table.keyLabel());
        valueLabel.setId("lookup-table-value-label");
        valueLabel.setValue(table == null ? "value" : table.valueLabel());
        FormLayout form = new FormLayout(name, description, missingKey, keyLabel, valueLabel);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("24em", 2));
        form.setColspan(name, 2);
        form.setColspan(description, 2);
        form.setColspan(missingKey, 2);
        add(form);
        setWidth("34em");

        Button saveButton = new Button("Save", click -> {
            errors.clear();
            try {
                save.save(name.getValue().strip(), LookupTableService.Settings.checked(description.getValue(),
                        missingKey.getValue(), keyLabel.getValue(), valueLabel.getValue()));
                close();
            } catch (InvalidInputException e) {
                errors.show(e);
            } catch (ConflictException e) {
                errors.show(e);
            }
        });
        saveButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveButton.addClickShortcut(Key.ENTER);
        saveButton.setId("save-lookup-table");
        getFooter().add(new Button("Cancel", click -> close()), saveButton);
        (table == null ? name : description).focus();
    }

    /** What each policy does, in words. */
    static String policyLabel(MissingKey policy) {
        return switch (policy) {
            case ERROR -> "Fails the step, naming the key";
            case NULL -> "Gives null (a rule's default may fill it)";
            case PASS_THROUGH -> "Gives the key itself";
        };
    }
}
